/**
 * numbers: quantities in the sentences (everything but calendar dates, which the dates stage owns), as
 * normalised NumberMentions: cardinals, ordinals, percentages, money, durations, ranges, exchanges and
 * standalone years, with bounds ("more than 100"), hedges ("about 30"), increments ("3,000 more") and the
 * counted noun as `unit`.
 *
 * Per sentence: a cheap pre-filter; spans that are not numbers (codes, phone numbers, URLs, dates from
 * dates-grammar.ts) are blanked out; the atoms (numbers-atoms.ts) are read from what is left; the rules
 * below build mentions from the atoms and the words around them. Every rule reads its words from
 * src/lexicons.
 */
import NOT_NUMBERS from "../lexicons/not-numbers.json" with { type: "json" };
import NUMBER_BOUNDS from "../lexicons/number-bounds.json" with { type: "json" };
import NUMBER_EXCHANGES from "../lexicons/number-exchanges.json" with { type: "json" };
import NUMBER_HEDGES from "../lexicons/number-hedges.json" with { type: "json" };
import NUMBER_IDENTIFIERS from "../lexicons/number-identifiers.json" with { type: "json" };
import NUMBER_INCREMENTS from "../lexicons/number-increments.json" with { type: "json" };
import NUMBER_UNITS from "../lexicons/number-units.json" with { type: "json" };
import NUMBER_WORDS from "../lexicons/number-words.json" with { type: "json" };
import type { Message, NumberKind, NumberMention, Range } from "../schema.js";
import type { Stage } from "../stage.js";
import { findDateCandidates } from "./dates-grammar.js";
import { type Atom, findAtoms } from "./numbers-atoms.js";
import { tokenize } from "./numbers-words.js";

const STAGE = "numbers";

type Bound = "<" | "<=" | ">" | ">=";

export interface NumbersOptions {
  /** skip sentences without digits or number words before running the recognisers (default true) */
  prefilter?: boolean;
}

export interface NumbersResult {
  numbers: NumberMention[];
  messages: Message[];
}

// ---------------------------------------------------------------- lexicon-built patterns

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (words: string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ /g, "\\s+"))
    .join("|");

/** digits, vulgar fractions, number words or "an hour" (the sentence may hold a number) */
const PREFILTER = new RegExp(
  `[\\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]|\\ban?\\s+(?:${alternation(Object.keys(NUMBER_UNITS.durationUnits))})\\b|\\b(?:${alternation(
    [
      ...Object.keys(NUMBER_WORDS.units),
      ...Object.keys(NUMBER_WORDS.tens),
      ...Object.keys(NUMBER_WORDS.scales),
      ...Object.keys(NUMBER_WORDS.ordinals),
      ...Object.keys(NUMBER_WORDS.fractions),
      ...Object.keys(NUMBER_WORDS.dozen),
    ],
  )})`,
  "i",
);

interface MaskRule {
  rule: string;
  reason: string;
  quiet: boolean;
  re: RegExp;
}

const MASK_RULES: MaskRule[] = [
  ...NOT_NUMBERS.patterns.map((p) => ({
    rule: p.rule,
    reason: p.reason,
    quiet: (p as { quiet?: boolean }).quiet === true,
    re: new RegExp(p.source, "g"),
  })),
  {
    rule: "idiom",
    reason: "an idiom whose number word counts nothing",
    quiet: true,
    re: new RegExp(`(?<![\\w-])(?:${alternation(NOT_NUMBERS.idioms)})(?![\\w-])`, "gi"),
  },
  {
    rule: "identifier",
    reason: "a number that names something (Article 5, Boeing 737) is not a quantity",
    quiet: false,
    re: new RegExp(
      `(?<=(?<![\\w.])(?:${alternation(NUMBER_IDENTIFIERS.before)})\\s{1,2})\\d+(?:[.,]\\d+)*[A-Za-z]?(?![\\w])`,
      "g",
    ),
  },
];

const BOUND_PREFIX: Readonly<Record<string, string>> = NUMBER_BOUNDS.prefix;
const BOUND_SUFFIX: Readonly<Record<string, string>> = NUMBER_BOUNDS.suffix;
const HEDGE_BOUNDS: Readonly<Record<string, string>> = NUMBER_HEDGES.hedgeBounds;
const lookup = (table: Readonly<Record<string, string>>, phrase: string): string | undefined =>
  table[phrase.toLowerCase().replace(/\s+/g, " ")];

const BOUND_PREFIX_RE = new RegExp(
  `(?:^|[^\\w])(${alternation(Object.keys(BOUND_PREFIX))})\\s+((?:the\\s+)?)$`,
  "i",
);
const SYMBOL_PREFIX_RE = /(?:^|[^<>=≥≤])(>\s?=|<\s?=|≥|≤|>|<|=)\s*$/;
const HEDGE_PREFIX_RE = new RegExp(`(?:^|[^\\w])(${alternation(NUMBER_HEDGES.hedges)})\\s+$`, "i");
const INCREMENT_PREFIX_RE = new RegExp(`(?:^|[^\\w])(${alternation(NUMBER_INCREMENTS.prefix)})\\s+$`, "i");
const BOUND_SUFFIX_RE = new RegExp(`^\\s*(${alternation(Object.keys(BOUND_SUFFIX))})(?![\\w])`, "i");
const OR_EQUAL_RE = new RegExp(`^\\s*(${alternation(NUMBER_BOUNDS.orEqualSuffix)})(?![\\w])`, "i");
const INCREMENT_SUFFIX_RE = new RegExp(
  `^\\s+(${alternation(NUMBER_INCREMENTS.suffix)})(?![\\w])(?!\\s+(?:${alternation(NUMBER_INCREMENTS.suffixBlockers)})\\b)`,
  "i",
);
const HEDGE_SUFFIX_RE = new RegExp(`^\\s*(${alternation(NUMBER_HEDGES.suffixHedges)})(?![\\w])`, "i");
const NUMBER_AHEAD = new RegExp(
  `^\\s*(?:[-−]?\\d|(?:${alternation([...Object.keys(NUMBER_WORDS.units), ...Object.keys(NUMBER_WORDS.tens), "a", "an", "the"])})\\b)`,
  "i",
);

const PERCENT_AFTER_RE = new RegExp(`^\\s*(${alternation(NUMBER_UNITS.percentWords)}|%)(?![\\w])`, "i");
const PERCENT_OF_BEFORE_RE = /(?:^|[^\w])((?:per\s?cents?|percents?|percentage)\s+of)\s+$/i;
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = NUMBER_UNITS.currencySymbols;
const CURRENCY_WORDS: Readonly<Record<string, string>> = NUMBER_UNITS.currencyWords;
const CURRENCY_BEFORE_RE = new RegExp(`(?:^|[^\\w$])(${alternation(Object.keys(CURRENCY_SYMBOLS))})\\s?$`);
const CURRENCY_AFTER_RE = new RegExp(`^\\s+(${alternation(Object.keys(CURRENCY_WORDS))})(?![\\w])`, "i");
const DURATION_UNITS: Readonly<Record<string, string>> = NUMBER_UNITS.durationUnits;
const DURATION_AFTER_RE = new RegExp(`^(\\s+|-)(${alternation(Object.keys(DURATION_UNITS))})(?![\\w])`, "i");
const AGE_AFTER_RE = /^(?:\s+|-)years?(?:-|\s+)old\b|^\s+years?\s+of\s+age\b/i;
const GLUED_UNIT_RE = new RegExp(`^(${alternation(NUMBER_UNITS.gluedUnits)})(?![\\w])`, "i");

const RANGE_GAP_RE = new RegExp(
  `^(\\s*(?:%|per\\s?cent|percent))?\\s*(-|–|—|~|to|through|thru|and)\\s*((?:the\\s+)?)(${alternation(Object.keys(NUMBER_UNITS.currencySymbols))})?\\s?$`,
  "i",
);
const RANGE_OPENER_RE = new RegExp(
  `(?:^|[^\\w])(between|from)\\s+((?:the\\s+)?)(?:${alternation(Object.keys(NUMBER_UNITS.currencySymbols))})?\\s?$`,
  "i",
);
const EXCHANGE_CONTEXT = new RegExp(`\\b(?:${alternation(NUMBER_EXCHANGES.contextWords)})\\b`, "i");
const EXCHANGE_FOR = new RegExp(
  `^(?:-(?:${alternation(NUMBER_EXCHANGES.connectors)})-|\\s+(?:${alternation(NUMBER_EXCHANGES.connectors)})\\s+)$`,
  "i",
);
const COMPOUND_JOIN_RE = /^\s*(?:,\s*)?(?:and|but|,)?\s*(?:yet\s+)?$/i;

const IRREGULAR_PLURALS = new Set(NUMBER_UNITS.irregularPlurals);
const NOT_NOUNS = new Set(NUMBER_UNITS.notNouns);
const BOUND_PHRASES = NUMBER_UNITS.boundPhrases.map((p) => p.split(" "));
const UNIT_STOP = new Set(NUMBER_UNITS.unitStopWords);
const OF_DETERMINERS = new Set(NUMBER_UNITS.unitOfDeterminers);

// ---------------------------------------------------------------- drafts

interface Draft {
  start: number;
  end: number;
  kind: NumberKind;
  value?: number;
  low?: number;
  high?: number;
  sides?: number[];
  bound?: Bound;
  approx?: true;
  incremental?: true;
  unit?: string;
  /** 4-digit integer as written, a year candidate */
  yearish?: boolean;
  needsModifier?: boolean;
  /** a vague plural ("Hundreds of"), whose bound comes with it */
  vague?: boolean;
  /** an "equal to" phrase has been read */
  equality?: boolean;
}

/** The sentence being read: the masked text and its offsets. */
class View {
  constructor(
    readonly masked: string,
    readonly base: number,
  ) {}
  get end(): number {
    return this.base + this.masked.length;
  }
  slice(a: number, b: number): string {
    return this.masked.slice(a - this.base, b - this.base);
  }
  before(p: number, max = 60): string {
    return this.slice(Math.max(this.base, p - max), p);
  }
  after(p: number, max = 60): string {
    return this.slice(p, Math.min(this.end, p + max));
  }
}

/** Scale of a number's trailing scale word ("3 million" → 1e6, "20k" → 1e3), or 0. */
function scaleOf(text: string): number {
  const m = /(hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|tn|[kmb])\s*$/i.exec(text);
  if (!m) return 0;
  const w = m[1]!;
  const words: Record<string, number> = NUMBER_WORDS.scales;
  const abbrev: Record<string, number> = NUMBER_WORDS.scaleAbbreviations;
  return words[w.toLowerCase()] ?? abbrev[w] ?? abbrev[w.toLowerCase()] ?? 0;
}

/** Ranges ("24 to 48", "between 20 and 30") and exchanges ("1,200-for-1,200") from neighbouring atoms. */
function pairAtoms(atoms: Atom[], v: View, sentence: string): Draft[] {
  const drafts: Draft[] = [];
  const exchangeContext = EXCHANGE_CONTEXT.test(sentence);
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    if (b && !a.vague && !b.vague && !a.needsModifier && !b.needsModifier && a.kind === b.kind) {
      const gap = v.slice(a.end, b.start);
      if (a.kind === "cardinal") {
        const equal = a.value === b.value;
        const forGap = EXCHANGE_FOR.test(gap);
        const hyphen = /^[-–]$/.test(gap);
        if (
          (forGap && (/^-/.test(gap) || equal || exchangeContext)) ||
          (hyphen && equal && (exchangeContext || a.value >= 100))
        ) {
          drafts.push({ start: a.start, end: b.end, kind: "exchange", sides: [a.value, b.value] });
          i++;
          continue;
        }
      }
      const g = RANGE_GAP_RE.exec(gap);
      if (g) {
        const opener = RANGE_OPENER_RE.exec(v.before(a.start));
        const connector = g[2]!.toLowerCase();
        const needsBetween = connector === "and";
        let ok = needsBetween
          ? opener?.[1]?.toLowerCase() === "between"
          : !(opener?.[1]?.toLowerCase() === "between");
        // a dash joins figures, not words ("three-nought-four" is a sequence)
        if (
          /^[-–—~]$/.test(connector) &&
          !(/\d/.test(v.slice(a.start, a.end)) && /\d/.test(v.slice(b.start, b.end)))
        )
          ok = false;
        const bText = v.slice(b.start, b.end);
        const aText = v.slice(a.start, a.end);
        let low = a.value;
        const bScale = scaleOf(bText);
        if (bScale >= 1000 && !scaleOf(aText) && low < 1000 && low * bScale < b.value * 1.0000001)
          low *= bScale;
        if (ok && low < b.value && (!g[3] || a.kind === "ordinal")) {
          const start = opener ? a.start - matchedLength(opener) : a.start;
          const d: Draft = { start, end: b.end, kind: "range", low, high: b.value };
          if (g[1]) d.unit = g[1].trim();
          if (g[4]) {
            // "$500 to $2,000": the currency sign before the first figure makes it a money range
            const cur = CURRENCY_BEFORE_RE.exec(v.before(a.start));
            if (cur && cur[1] === g[4]) {
              d.start = Math.min(d.start, a.start - matchedLength(cur));
              d.unit = CURRENCY_SYMBOLS[g[4]]!;
            } else {
              drafts.push({ start: a.start, end: a.end, kind: a.kind, value: a.value });
              continue;
            }
          }
          drafts.push(d);
          i++;
          continue;
        }
      }
    }
    const d: Draft = { start: a.start, end: a.end, kind: a.kind, value: a.value };
    if (a.vague) {
      d.bound = ">=";
      d.vague = true;
    }
    if (a.needsModifier) d.needsModifier = true;
    if (
      a.kind === "cardinal" &&
      /^\d{4}$/.test(v.slice(a.start, a.end)) &&
      !/^\s*[-–/.]\s*\d/.test(v.after(a.end)) &&
      !/\d\s*[-–/.]\s*$/.test(v.before(a.start))
    )
      d.yearish = true;
    drafts.push(d);
  }
  return drafts;
}

/** Measure words that join the mention: %, per cent, currencies, time units. */
function measures(d: Draft, v: View): void {
  if (d.kind === "exchange" || d.kind === "ordinal") return;
  const after = v.after(d.end);
  const pct = PERCENT_AFTER_RE.exec(after);
  if (pct && d.kind !== "percent") {
    d.end += pct[0].length;
    if (d.kind === "range") d.unit = pct[1]!;
    else {
      d.kind = "percent";
      delete d.unit;
    }
    d.yearish = false;
    return;
  }
  if (d.kind === "range" && d.unit) {
    d.unit = d.unit.replace(/^%$/, "percent");
    return;
  }
  const cur = CURRENCY_BEFORE_RE.exec(v.before(d.start));
  if (cur && d.kind !== "percent") {
    d.start -= matchedLength(cur);
    d.unit = CURRENCY_SYMBOLS[cur[1]!]!;
    if (d.kind === "cardinal") d.kind = "money";
    d.yearish = false;
  }
  const curWord = CURRENCY_AFTER_RE.exec(v.after(d.end));
  if (curWord) {
    d.end += curWord[0].length;
    d.unit = lookup(CURRENCY_WORDS, curWord[1]!) ?? curWord[1]!;
    if (d.kind === "cardinal") d.kind = "money";
    d.yearish = false;
    return;
  }
  if (d.kind === "money") return;
  const rest = v.after(d.end);
  if (AGE_AFTER_RE.test(rest)) {
    d.unit = "years old";
    d.yearish = false;
    return;
  }
  const dur = DURATION_AFTER_RE.exec(rest);
  if (dur) {
    if (d.kind === "percent") return;
    d.end += dur[0].length;
    d.unit = dur[2]!.toLowerCase();
    if (d.kind === "cardinal") d.kind = "duration";
    d.yearish = false;
    return;
  }
  const glued = GLUED_UNIT_RE.exec(rest);
  if (glued && d.kind === "cardinal") {
    d.end += glued[0].length;
    d.unit = glued[1]!;
    d.yearish = false;
  }
}

/** For a match anchored at the end of the text before a mention: how far back its phrase (group 1) starts. */
function matchedLength(m: RegExpExecArray): number {
  return m[0].length - m[0].indexOf(m[1]!);
}

/** Bounds, hedges and increments before and after the mention; repeats until nothing changes. */
function modifiers(d: Draft, v: View): void {
  for (let guard = 0; guard < 6; guard++) {
    let changed = false;
    const before = v.before(d.start);
    const bp = d.bound || d.equality ? null : BOUND_PREFIX_RE.exec(before);
    // "over two years" spans two years; "over 200 buildings" is more than 200
    const spanning = bp && d.kind === "duration" && /^over$/i.test(bp[1]!);
    if (bp && (!bp[2] || d.kind === "ordinal") && !spanning) {
      const b = lookup(BOUND_PREFIX, bp[1]!);
      d.start -= matchedLength(bp);
      if (b && b !== "none") d.bound = b as Bound;
      else d.equality = true;
      changed = true;
    } else if (!d.bound && !d.equality) {
      const sym = SYMBOL_PREFIX_RE.exec(before);
      if (sym) {
        const s = sym[1]!.replace(/\s/g, "");
        const b = (
          { ">=": ">=", "<=": "<=", "≥": ">=", "≤": "<=", ">": ">", "<": "<" } as Record<string, Bound>
        )[s];
        d.start -= matchedLength(sym);
        if (b) d.bound = b;
        else d.equality = true;
        changed = true;
      }
    }
    if (!changed && !d.approx) {
      const h = HEDGE_PREFIX_RE.exec(v.before(d.start));
      // "how about 20?" asks, it does not hedge
      if (h && !(h[1]!.toLowerCase() === "about" && /\b(?:how|what)\s+about\s+$/i.test(v.before(d.start)))) {
        d.start -= matchedLength(h);
        d.approx = true;
        const hb = lookup(HEDGE_BOUNDS, h[1]!);
        if (hb && !d.bound) d.bound = hb as Bound;
        changed = true;
      }
    }
    if (
      !changed &&
      !d.incremental &&
      (d.kind === "cardinal" || d.kind === "money" || d.kind === "duration")
    ) {
      const inc = INCREMENT_PREFIX_RE.exec(v.before(d.start));
      if (inc) {
        d.start -= matchedLength(inc);
        d.incremental = true;
        changed = true;
      }
    }
    if (!changed && d.kind === "cardinal" && !d.needsModifier) {
      const pof = PERCENT_OF_BEFORE_RE.exec(v.before(d.start));
      if (pof) {
        d.start -= matchedLength(pof);
        d.kind = "percent";
        d.yearish = false;
        changed = true;
      }
    }
    const after = v.after(d.end);
    if (!changed && (!d.bound || d.equality)) {
      const sb = BOUND_SUFFIX_RE.exec(after);
      const rest = sb ? after.slice(sb[0].length) : "";
      // "or less than 6000" starts another mention
      const another =
        sb && ((/(than|to)$/i.test(sb[1]!) && NUMBER_AHEAD.test(rest)) || /^\s+(?:than|to)\b/i.test(rest));
      if (sb && !another) {
        d.end += sb[0].length;
        d.bound = lookup(BOUND_SUFFIX, sb[1]!) as Bound;
        changed = true;
      }
    }
    if (!changed && (d.bound === "<" || d.bound === ">")) {
      const oe = OR_EQUAL_RE.exec(after);
      if (oe && !NUMBER_AHEAD.test(after.slice(oe[0].length))) {
        d.end += oe[0].length;
        d.bound = d.bound === "<" ? "<=" : ">=";
        changed = true;
      }
    }
    if (!changed && !d.incremental && d.kind === "cardinal" && (!d.bound || d.vague)) {
      const inc = INCREMENT_SUFFIX_RE.exec(after);
      if (inc) {
        d.end += inc[0].length;
        d.incremental = true;
        changed = true;
      }
    }
    if (!changed && !d.approx) {
      const hs = HEDGE_SUFFIX_RE.exec(after);
      if (hs) {
        d.end += hs[0].length;
        d.approx = true;
        changed = true;
      }
    }
    if (!changed) return;
    d.yearish = false;
  }
}

const LOWER = new Set([">", ">="]);
const UPPER = new Set(["<", "<="]);

/** "more than 10 and less than 40", "at most 100 and at least 20": two bounds make a range. */
function compoundRanges(drafts: Draft[], v: View): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const a = drafts[i]!;
    const b = drafts[i + 1];
    if (b && a.bound && b.bound && a.value !== undefined && b.value !== undefined && a.kind === b.kind) {
      const gap = v.slice(a.end, b.start);
      const lowFirst = LOWER.has(a.bound) && UPPER.has(b.bound);
      const highFirst = UPPER.has(a.bound) && LOWER.has(b.bound);
      const low = lowFirst ? a.value : b.value;
      const high = lowFirst ? b.value : a.value;
      if (COMPOUND_JOIN_RE.test(gap) && gap.trim() && (lowFirst || highFirst) && low < high) {
        out.push({ start: a.start, end: b.end, kind: "range", low, high });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The counted noun after a mention: "7,000 deceased soldiers" → soldiers, "prisoners of war". */
function countedUnit(d: Draft, v: View): string | undefined {
  const rest = v.after(d.end, 80);
  const toks = tokenize(rest, 0, rest.length);
  let i = 0;
  const fraction = d.value !== undefined && d.value < 1;
  if ((d.bound === ">=" || fraction) && toks[0]?.l === "of") {
    i = 1;
    if (toks[i] && OF_DETERMINERS.has(toks[i]!.l)) i++;
  }
  for (let n = 0; n < 4 && i < toks.length; n++, i++) {
    const t = toks[i]!;
    if (t.k !== "w") return undefined;
    if (UNIT_STOP.has(t.l)) return undefined;
    // a possessive qualifies the noun that follows ("half of Donald Trump's supporters")
    if (/['’]s?$|['’]s$/.test(t.l)) continue;
    // a year-like figure counts only the noun right after it ("2000 soldiers", not "the 1995 tax filings")
    if (d.yearish && n > 0) return undefined;
    const plural =
      IRREGULAR_PLURALS.has(t.l) ||
      (t.l.length > 3 && t.l.endsWith("s") && !t.l.endsWith("ss") && !NOT_NOUNS.has(t.l));
    if (plural) {
      for (const p of BOUND_PHRASES) {
        if (p.every((w, k) => toks[i + k]?.l === w)) return p.join(" ");
      }
      return t.l;
    }
  }
  return undefined;
}

function toMention(text: string, d: Draft): NumberMention {
  const m: NumberMention = { start: d.start, end: d.end, text: text.slice(d.start, d.end), kind: d.kind };
  if (d.value !== undefined && d.kind !== "range" && d.kind !== "exchange") m.value = d.value;
  if (d.low !== undefined) m.low = d.low;
  if (d.high !== undefined) m.high = d.high;
  if (d.sides) m.sides = d.sides;
  if (d.bound) m.bound = d.bound;
  if (d.approx) m.approx = true;
  if (d.incremental) m.incremental = true;
  if (d.unit) m.unit = d.unit;
  return m;
}

/** The masked sentence: blanks over dates and not-numbers; messages for the not-numbers. */
function maskSentence(text: string, sentence: Range, messages: Message[]): string {
  const chars = text.slice(sentence.start, sentence.end).split("");
  const slice = text.slice(sentence.start, sentence.end);
  const blank = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (!/\s/.test(chars[k]!)) chars[k] = " ";
  };
  for (const rule of MASK_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      if (!m[0]) {
        rule.re.lastIndex++;
        continue;
      }
      // already blanked by an earlier rule: no second message
      const fresh = /\S/.test(chars.slice(m.index, m.index + m[0].length).join(""));
      blank(m.index, m.index + m[0].length);
      if (fresh && !rule.quiet && /\d|[IVXLC]{2}/.test(m[0]))
        messages.push({
          stage: STAGE,
          rule: `not-a-number:${rule.rule}`,
          reason: `${JSON.stringify(m[0])}: ${rule.reason}`,
          start: sentence.start + m.index,
          end: sentence.start + m.index + m[0].length,
        });
    }
  }
  for (const c of findDateCandidates(text, sentence)) blank(c.start - sentence.start, c.end - sentence.start);
  return chars.join("");
}

/** Numbers (not dates) in the sentences of `text`, sorted by start, non-overlapping. */
export function findNumbers(text: string, sentences: Range[], options: NumbersOptions = {}): NumbersResult {
  const prefilter = options.prefilter ?? true;
  const numbers: NumberMention[] = [];
  const messages: Message[] = [];
  for (const sentence of sentences) {
    const raw = text.slice(sentence.start, sentence.end);
    if (prefilter && !PREFILTER.test(raw)) continue;
    const masked = maskSentence(text, sentence, messages);
    if (prefilter && !PREFILTER.test(masked)) continue;
    const v = new View(masked, sentence.start);
    const { atoms, dropped } = findAtoms(masked, sentence.start);
    for (const x of dropped)
      messages.push({ stage: STAGE, rule: "not-a-quantity", reason: x.reason, start: x.start, end: x.end });
    let drafts = pairAtoms(atoms, v, raw);
    for (const d of drafts) measures(d, v);
    for (const d of drafts) modifiers(d, v);
    drafts = compoundRanges(drafts, v);
    const kept: Draft[] = [];
    for (const d of drafts) {
      if (d.needsModifier && !d.bound && !d.approx) continue;
      if ((d.kind === "cardinal" || d.kind === "range" || d.kind === "exchange") && !d.unit) {
        const u = countedUnit(d, v);
        if (u) {
          d.unit = u;
          d.yearish = false;
        }
      }
      if (d.yearish && d.kind === "cardinal" && d.value !== undefined && d.value >= 1900 && d.value <= 2099)
        d.kind = "year";
      const prev = kept[kept.length - 1];
      if (prev && d.start < prev.end) continue;
      kept.push(d);
    }
    for (const d of kept) numbers.push(toMention(text, d));
  }
  numbers.sort((a, b) => a.start - b.start || a.end - b.end);
  return { numbers, messages };
}

export const numbersStage: Stage = {
  name: STAGE,
  requires: ["sentences"],
  provides: "numbers",
  run(doc) {
    const { numbers, messages } = findNumbers(doc.text, doc.get("sentences"));
    doc.set("numbers", numbers);
    for (const m of messages) doc.message(m.stage, m.rule, m.reason, { start: m.start!, end: m.end! });
  },
};
