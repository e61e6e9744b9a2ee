/**
 * Dates that name a year: "year 2008", "calendar year 2008", "cy18", "in 2014", "2007 and 2009", "the 2012
 * election", "in ’97", "in nineteen twenty eight", "=2019". A bare 4-digit number
 * is a year only in context, and never before a count or a measure ("in 2000 cases").
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { parseYearPair, parseYearWords } from "../../number-words/word-numbers.js";
import { twoDigitYear } from "./calendar.js";
import { abs, type Bound, type Core } from "./date-expression.js";
import { SUFFIX_BOUNDS } from "./date-words.js";
import type { DateScanner } from "./scanner.js";

const YEAR_CONTEXT = new Set(DATE_WORDS.yearContext);
/** nouns a year can qualify ("2005 levels", "the 2012 election"): the number before them is a year */
const YEAR_NOUNS = new Set(DATE_WORDS.yearNouns);
const YEAR_DETERMINERS = new Set(DATE_WORDS.yearDeterminers);
const NOT_YEAR_FOLLOWERS = new Set(DATE_WORDS.notYearFollowers);

/** year 2008, the year of 2008, calendar year 2008, cy18, in 2014, 2007 and 2009 */
export function yearForms(s: DateScanner, i: number, ctx: boolean): Core | null {
  let j = i;
  let named = false;
  if (s.l(j) === "the" && (s.l(j + 1) === "year" || s.l(j + 1) === "calendar" || s.l(j + 1) === "fiscal"))
    j++;
  // fiscal 1989, fiscal year 1989, fiscal '89: a year named by its fiscal label
  if (s.l(j) === "fiscal" || s.l(j) === "financial") {
    let k = j + 1;
    if (s.l(k) === "year") k++;
    const y = s.year4(k) ?? shortYear(s, k);
    if (y) return { next: y.next, res: abs({ y: y.y }), relative: false, type: "year" };
    return null;
  }
  if (s.l(j) === "calendar" && s.l(j + 1) === "year") j++;
  if (s.l(j) === "year") {
    j++;
    if (s.l(j) === "of") j++;
    named = true;
  } else if (s.l(j) === "cy" || s.l(j) === "fy") {
    // CY2018, FY 2019, fy18, FY-19
    let k = j + 1;
    if (s.isPunct(k, "-") && !s.toks[k]!.sp) k++;
    const n = s.toks[k];
    if (n && n.k === "n" && (n.t.length === 2 || n.t.length === 4) && !s.toks[k + 1]?.k.startsWith("n")) {
      const y = n.t.length === 2 ? twoDigitYear(Number(n.t)) : Number(n.t);
      return { next: k + 1, res: abs({ y }), relative: false, type: "year" };
    }
    return null;
  }
  const y4 = s.year4(j);
  if (y4) {
    if (named) return { next: y4.next, res: abs({ y: y4.y }), relative: false, type: "year" };
    const qualifies =
      y4.y >= 1900 &&
      y4.y <= 2100 &&
      s.toks[y4.next]?.k === "w" &&
      (YEAR_NOUNS.has(s.l(y4.next)) || (determinerBefore(s, j) && modifiedNounAfter(s, y4.next)));
    if (qualifies) return { next: y4.next, res: abs({ y: y4.y }), relative: false, type: "year" };
    if (!ctx && !s.phrase(y4.next, SUFFIX_BOUNDS) && !yearRangeAhead(s, y4)) return null;
    if (!bareYearOk(s, j, y4.next)) return null;
    return { next: y4.next, res: abs({ y: y4.y }), relative: false, type: "year", bareYear: true };
  }
  // an abbreviated year after a context word: "in ’97"
  const ap = s.toks[j];
  const yy = s.toks[j + 1];
  if (
    !named &&
    ctx &&
    ap &&
    ap.k === "p" &&
    /['’]/.test(ap.t) &&
    yy?.k === "n" &&
    yy.t.length === 2 &&
    !yy.sp
  )
    if (!s.countedNoun(j + 2))
      return { next: j + 2, res: abs({ y: twoDigitYear(Number(yy.t)) }), relative: false, type: "year" };
  // a year in words: "nineteen ninety-six" anywhere (no count is said that way); "two thousand and eight"
  // after "in", "since", "until" or "the year"
  const pair = parseYearPair(s.toks, j);
  if (pair && !s.countedNoun(pair.next) && (pair.always || named || ctx))
    return { next: pair.next, res: abs({ y: pair.value }), relative: false, type: "year" };
  if (named || (ctx && WORD_YEAR_CONTEXT.has(s.l(i - 1)))) {
    const w = parseYearWords(s.toks, j);
    if (w && w.next - j >= 2 && !s.countedNoun(w.next))
      return { next: w.next, res: abs({ y: w.value }), relative: false, type: "year" };
  }
  return null;
}

/** words after which a year in words of the general form ("two thousand and eight") is a year */
const WORD_YEAR_CONTEXT = new Set(DATE_WORDS.wordYearContext);

/** '89, 89 after "fiscal": a two-digit year */
function shortYear(s: DateScanner, k: number): { next: number; y: number } | null {
  let j = k;
  if (s.isPunct(j, "'’")) j++;
  const n = s.toks[j];
  if (n?.k !== "n" || n.t.length !== 2 || (j > k && n.sp)) return null;
  if (j === k && s.quantityFollows(j + 1)) return null;
  return { next: j + 1, y: twoDigitYear(Number(n.t)) };
}

/** Is the token before i a word after which a bare year reads as a year ("in 2014")? */
export function yearContextBefore(s: DateScanner, i: number): boolean {
  return s.contextBefore(i, YEAR_CONTEXT, ["and", "or"]);
}

/** "the", "a", "its", "Obama's" before i: a year there qualifies the noun after it ("his 2002 book") */
export function determinerBefore(s: DateScanner, i: number): boolean {
  const p = s.toks[i - 1];
  if (p?.k !== "w") return false;
  return YEAR_DETERMINERS.has(p.l) || /\w['’]s$/.test(p.t);
}

/** a lower-case word after a year that it can qualify: not a counted noun, not "more", "to", "and" */
export function modifiedNounAfter(s: DateScanner, i: number): boolean {
  const t = s.toks[i];
  if (t?.k !== "w" || /^[A-Z]/.test(t.t) || s.countedNoun(i)) return false;
  return !NOT_YEAR_FOLLOWERS.has(t.l);
}

/** "1991–2020": a year, a dash and a later year */
export function yearRangeAhead(s: DateScanner, y: { next: number; y: number }): boolean {
  if (!s.isPunct(y.next, "-–—")) return false;
  const second = s.year4(y.next + 1);
  return !!second && y.y >= 1800 && second.y <= 2100 && second.y > y.y;
}

/** a bare 4-digit year is a year unless a count or a measure follows it ("in 2000 cases") */
export function bareYearOk(s: DateScanner, i: number, next: number): boolean {
  const y = Number(s.toks[i]!.t);
  if (y < 1000 || y > 2199) return false;
  const after = s.toks[next];
  if (!after) return true;
  if (after.k === "p") return after.t !== "%" && !(after.t === "-" && s.toks[next + 1]?.k === "n");
  if (after.k === "n") return false;
  if (s.countedNoun(next)) return false;
  if (/^(?:percent|per|million|billion|thousand|trillion|hundred|times|dollars|euros|pounds)$/.test(after.l))
    return false;
  return true;
}

/** =2019, > = 2019, < =2019 */
export function symbolYear(s: DateScanner, i: number): Core | null {
  const t = s.toks[i];
  if (t?.k !== "p" || !/[<>=≥≤]/.test(t.t)) return null;
  const prev = s.toks[i - 1];
  if (prev && prev.k === "p" && /[<>=]/.test(prev.t) && !t.sp) return null;
  let j = i;
  let sym = "";
  while (s.toks[j]?.k === "p" && /[<>=≥≤]/.test(s.toks[j]!.t) && sym.length < 2) {
    sym += s.toks[j]!.t;
    j++;
  }
  if (!/^(?:=|>=|<=|≥|≤)$/.test(sym)) return null;
  const y = s.year4(j);
  if (!y || y.y < 1900 || y.y > 2100) return null;
  const bound: Bound | undefined =
    sym === ">=" || sym === "≥" ? ">=" : sym === "<=" || sym === "≤" ? "<=" : undefined;
  const core: Core = { next: y.next, res: abs({ y: y.y }), relative: false, type: "year" };
  if (bound) core.bound = bound;
  return core;
}
