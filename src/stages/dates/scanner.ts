/**
 * The token scanner the date grammar reads with: the tokens of one sentence, the numeric dates found in
 * it (numeric-dates.ts) by start offset, and the small readers every rule uses — a month name, a weekday,
 * a year, a day of the month, a count, a phrase of a table.
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { looksPlural } from "../../number-words/plural-nouns.js";
import { type Tok, tokenize } from "../../number-words/tokenize.js";
import { parseDayWords, parseWordNumber, parseYearWords } from "../../number-words/word-numbers.js";
import type { Range } from "../../schema.js";
import { twoDigitYear } from "./calendar.js";
import { MONTHS, WEEKDAYS } from "./date-words.js";
import { type NumericHit, numericHits, okYear } from "./numeric-dates.js";
import type { PhraseTable } from "./phrase-table.js";

const AMBIGUOUS_MONTHS = new Set(DATE_WORDS.ambiguousMonths);
/** month names that are abbreviations and may take a full stop ("Dec.", not "June.") */
const MONTH_ABBREVIATIONS = new Set(DATE_WORDS.monthAbbreviations);

const has = Object.hasOwn;

/**
 * A possessive "'s" becomes a token of its own, so that "today's", "Friday's", "last month's" and "the
 * year's end" read as the date words they hold (the span of the date stops before the "'s").
 */
function splitPossessives(toks: Tok[]): Tok[] {
  if (!toks.some((t) => t.k === "w" && POSSESSIVE.test(t.t))) return toks;
  const out: Tok[] = [];
  for (const t of toks) {
    const m = t.k === "w" ? POSSESSIVE.exec(t.t) : null;
    if (!m) {
      out.push(t);
      continue;
    }
    const cut = t.e - m[0].length;
    const word = t.t.slice(0, cut - t.s);
    out.push({ ...t, e: cut, t: word, l: word.toLowerCase() });
    out.push({ s: cut, e: t.e, t: m[0], l: m[0].toLowerCase(), k: "p", sp: false });
  }
  return out;
}

const POSSESSIVE = /(?<=[A-Za-z]{2})['’]s$/;

export class DateScanner {
  readonly toks: Tok[];
  /** numeric dates by the offset of their first character */
  readonly numericAt = new Map<number, NumericHit>();
  /** token index after the last candidate found, for the rules that continue a list ("2007 and 2009") */
  prevEnd = -1;

  constructor(text: string, range: Range) {
    this.toks = splitPossessives(tokenize(text, range.start, range.end));
    for (const h of numericHits(text, range)) this.numericAt.set(h.start, h);
  }

  /** the lower-case text of token i ("" past the end) */
  l(i: number): string {
    return this.toks[i]?.l ?? "";
  }

  /** the longest phrase of the table at i (words must follow each other, hyphens allowed inside) */
  phrase<V>(i: number, table: PhraseTable<V>): { next: number; v: V } | null {
    const entries = table.get(this.l(i));
    if (!entries) return null;
    for (const p of entries) {
      let j = i;
      let ok = true;
      for (const w of p.words) {
        if (this.toks[j]?.k === "p" && this.toks[j]?.t === "-" && w !== "-") j++;
        if (this.l(j) !== w) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok) return { next: j, v: p.v };
    }
    return null;
  }

  /** token i is one of the punctuation characters of `chars` */
  isPunct(i: number, chars: string): boolean {
    const t = this.toks[i];
    return !!t && t.k === "p" && chars.includes(t.t);
  }

  /** a month name at i (with an optional glued full stop), not "$DEC" */
  month(i: number, strict: boolean): { next: number; m: number } | null {
    const t = this.toks[i];
    if (t?.k !== "w" || !has(MONTHS, t.l)) return null;
    const before = this.toks[i - 1];
    if (before && !t.sp && before.k === "p" && /[$#@]/.test(before.t)) return null;
    if (strict && AMBIGUOUS_MONTHS.has(t.l) && !/^[A-Z]/.test(t.t)) return null;
    let next = i + 1;
    if (this.isPunct(next, ".") && !this.toks[next]!.sp && MONTH_ABBREVIATIONS.has(t.l)) next++;
    return { next, m: MONTHS[t.l]! };
  }

  /** a weekday name at i ("Mondays" is plural) */
  weekday(i: number): { next: number; wd: number; plural: boolean } | null {
    const t = this.toks[i];
    if (t?.k !== "w" || !has(WEEKDAYS, t.l)) return null;
    return { next: i + 1, wd: WEEKDAYS[t.l]!, plural: t.l.endsWith("s") };
  }

  /** a 4-digit year token 1000..2999 not glued to more digits or a decimal part */
  year4(i: number): { next: number; y: number } | null {
    const t = this.toks[i];
    if (t?.k !== "n" || t.t.length !== 4) return null;
    const y = Number(t.t);
    if (!okYear(y)) return null;
    const after = this.toks[i + 1];
    if (after && !after.sp && (after.k === "n" || this.gluedDigitsAfter(i + 1, ".,:"))) return null;
    if (after && !after.sp && after.k === "w") return null;
    const before = this.toks[i - 1];
    if (before && !t.sp && (before.k === "n" || /[$€£¥.,]/.test(before.t))) return null;
    return { next: i + 1, y };
  }

  /** a year after a month or day: [,] [of|in] (YYYY | year in words | YY after "of" or when allowed) */
  yearAfter(i: number, allowTwoDigits: boolean): { next: number; y: number } | null {
    let j = i;
    if (this.isPunct(j, ",")) j++;
    let joined = false;
    if (this.l(j) === "of" || this.l(j) === "in") {
      j++;
      joined = true;
    }
    const y4 = this.year4(j);
    if (y4) return y4;
    const w = parseYearWords(this.toks, j);
    if (w) return { next: w.next, y: w.value };
    const t = this.toks[j];
    if (t && t.k === "p" && (t.t === "'" || t.t === "’")) {
      const n = this.toks[j + 1];
      if (n && n.k === "n" && n.t.length === 2 && !n.sp) return { next: j + 2, y: twoDigitYear(Number(n.t)) };
    }
    if ((allowTwoDigits || joined) && t && t.k === "n" && t.t.length === 2 && !this.quantityFollows(j + 1))
      return { next: j + 1, y: twoDigitYear(Number(t.t)) };
    return null;
  }

  /** what follows makes the number before it a quantity: a digit, "%", a decimal part, a counted noun */
  quantityFollows(i: number): boolean {
    const t = this.toks[i];
    if (!t) return false;
    if (t.k === "n" && !t.sp) return true;
    if (t.k === "w") return this.countedNoun(i);
    return t.t === "%" || this.gluedDigitsAfter(i, ".,:");
  }

  /** a day of the month: 21, 21st, 04th, "twenty first", "fifteen" */
  day(i: number): { next: number; d: number; ordinal: boolean; digits: boolean } | null {
    const t = this.toks[i];
    if (!t) return null;
    if (t.k === "n") {
      if (t.t.length > 2) return null;
      const d = Number(t.t);
      if (d < 1 || d > 31) return null;
      const suf = this.toks[i + 1];
      if (suf && !suf.sp && suf.k === "w" && /^(st|nd|rd|th)$/.test(suf.l))
        return { next: i + 2, d, ordinal: true, digits: true };
      if (suf && !suf.sp && (suf.k === "n" || suf.k === "w")) return null;
      if (this.gluedDigitsAfter(i + 1, ".,:/")) return null;
      return { next: i + 1, d, ordinal: false, digits: true };
    }
    const w = parseDayWords(this.toks, i);
    if (w) return { next: w.next, d: w.value, ordinal: w.ordinal, digits: false };
    return null;
  }

  /** token i is a punctuation character of `chars` glued between digits and more digits ("2.5", "10:30") */
  gluedDigitsAfter(i: number, chars: string): boolean {
    const t = this.toks[i];
    const next = this.toks[i + 1];
    return !!t && t.k === "p" && !t.sp && chars.includes(t.t) && next?.k === "n" && !next.sp;
  }

  /**
   * The word before i is one of `words` (one of `joiners`, "and", "or", only right after another date),
   * or a comma or dash comes right after another date: "in 2014", "2007 and 2009", "since June".
   */
  contextBefore(i: number, words: ReadonlySet<string>, joiners: readonly string[]): boolean {
    const prev = this.toks[i - 1];
    if (!prev) return false;
    if (prev.k === "w" && words.has(prev.l)) {
      if (joiners.includes(prev.l)) return this.prevEnd === i - 1;
      return true;
    }
    if (prev.k === "p" && /[,–—-]/.test(prev.t)) return this.prevEnd === i - 1;
    return false;
  }

  /** the digits at i continue a number ("000" in "4,000", "5" in "2.5") */
  insideNumber(i: number): boolean {
    const t = this.toks[i]!;
    const p = this.toks[i - 1];
    return !t.sp && !!p && p.k === "p" && /[.,]/.test(p.t) && !p.sp && this.toks[i - 2]?.k === "n";
  }

  /** a lower-case plural-looking word that a count would qualify ("2000 soldiers") */
  countedNoun(i: number): boolean {
    const t = this.toks[i];
    if (t?.k !== "w" || /^[A-Z]/.test(t.t)) return false;
    return looksPlural(t.l);
  }

  /** a count: digits, "a"/"an", or a positive whole number in words */
  count(i: number): { next: number; n: number } | null {
    const t = this.toks[i];
    if (!t) return null;
    if (t.k === "n") {
      if (this.insideNumber(i)) return null;
      const after = this.toks[i + 1];
      if (
        after &&
        !after.sp &&
        (after.k === "n" || (after.k === "p" && /[.,]/.test(after.t) && this.toks[i + 2]?.k === "n"))
      )
        return null;
      return { next: i + 1, n: Number(t.t) };
    }
    if (t.l === "a" || t.l === "an") return { next: i + 1, n: 1 };
    const w = parseWordNumber(this.toks, i);
    if (w && Number.isInteger(w.value) && w.value > 0) return { next: w.next, n: w.value };
    return null;
  }

  /** the index of the first token at or after character offset `charEnd`, from token `from` on */
  tokenAfter(charEnd: number, from: number): number {
    let j = from;
    while (j < this.toks.length && this.toks[j]!.s < charEnd) j++;
    return j;
  }
}
