/**
 * The date grammar, shared by the numbers stage (which leaves date spans alone) and the dates stage
 * (which resolves them). `findDateCandidates` finds date expressions in one sentence without looking at
 * the document date; each candidate carries a resolver that turns it into a calendar day, month or year
 * given the document date and the tense of its clause.
 *
 * Conventions (../../shared/data/numbers/README.md): weeks start on Monday ("next Sunday" is the Sunday of
 * next week, "last Wednesday" the Wednesday of last week); a bare weekday is the most recent one on or
 * before the document date (the coming one in a future-tense clause); a day or month without a year is the
 * nearest occurrence, the last one on or before the document date in a past-tense clause and the next one
 * on or after it in a future-tense clause. Expressions relative to another event ("the next day", "three
 * weeks later"), weeks, and parts of a month or year ("early 2022") are recognised so that no number is
 * read inside them, but resolve to nothing.
 */
import DATE_WORDS from "../lexicons/date-words.json" with { type: "json" };
import NUMBER_UNITS from "../lexicons/number-units.json" with { type: "json" };
import NUMBER_WORDS from "../lexicons/number-words.json" with { type: "json" };
import type { Range } from "../schema.js";
import { parseDayWords, parseWordNumber, parseYearWords, type Tok, tokenize } from "./numbers-words.js";

export type Bound = "<" | "<=" | ">" | ">=";
export type Tense = "past" | "future" | "none";

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A resolved calendar date: a year, a month or a day. */
export interface Cal {
  y: number;
  m?: number;
  d?: number;
}

export interface ResolveCtx {
  /** the document date, or null */
  ref: Ymd | null;
  tense: Tense;
}

type Resolver = (ctx: ResolveCtx) => Cal | null;

export interface DateCandidate extends Range {
  /** null: a date-like span that names no single day, month or year (`why` says what it is) */
  resolve: Resolver | null;
  /** resolution needs the document date */
  relative: boolean;
  bound?: Bound;
  why?: string;
  /** the tense the expression itself implies ("since June" looks back) */
  tense?: Tense;
}

// ---------------------------------------------------------------- calendar arithmetic (UTC, no clock)

const DAY_MS = 86_400_000;

export function dayNumber(c: Ymd): number {
  return Math.floor(Date.UTC(c.y, c.m - 1, c.d) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const d = new Date(n * DAY_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday */
function weekdayOf(c: Ymd): number {
  return (((dayNumber(c) + 4) % 7) + 7) % 7;
}

function addDays(c: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(c) + n);
}

function addMonths(c: Ymd, n: number): Ymd {
  const total = c.y * 12 + (c.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(c.d, daysInMonth(y, m)) };
}

type Unit = "day" | "businessday" | "week" | "fortnight" | "month" | "year" | "decade";

function addBusinessDays(c: Ymd, n: number): Ymd {
  let r = c;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    r = addDays(r, step);
    const wd = weekdayOf(r);
    if (wd !== 0 && wd !== 6) left--;
  }
  return r;
}

function addUnits(c: Ymd, n: number, unit: Unit): Ymd {
  switch (unit) {
    case "day":
      return addDays(c, n);
    case "businessday":
      return addBusinessDays(c, n);
    case "week":
      return addDays(c, 7 * n);
    case "fortnight":
      return addDays(c, 14 * n);
    case "month":
      return addMonths(c, n);
    case "year":
      return addMonths(c, 12 * n);
    case "decade":
      return addMonths(c, 120 * n);
  }
}

/** Monday of the week holding c (weeks start on Monday). */
function mondayOf(c: Ymd): Ymd {
  return addDays(c, -((weekdayOf(c) + 6) % 7));
}

/** The given weekday (0 = Sunday) in the Monday-started week holding c, shifted by `weeks`. */
function weekdayInWeek(c: Ymd, wd: number, weeks: number): Ymd {
  return addDays(mondayOf(c), 7 * weeks + ((wd + 6) % 7));
}

/** The given weekday in the Sunday-started week holding c ("Monday two weeks from now"). */
function weekdayInSundayWeek(c: Ymd, wd: number): Ymd {
  return addDays(c, wd - weekdayOf(c));
}

/** Chooses among occurrences (keys comparable with refKey) by tense. */
function chooseByTense<T>(options: Array<{ key: number; v: T }>, refKey: number, tense: Tense): T | null {
  if (!options.length) return null;
  const sorted = [...options].sort((a, b) => a.key - b.key);
  if (tense === "past") {
    const past = sorted.filter((o) => o.key <= refKey);
    return past.length ? past[past.length - 1]!.v : sorted[0]!.v;
  }
  if (tense === "future") {
    const future = sorted.find((o) => o.key >= refKey);
    return future ? future.v : sorted[sorted.length - 1]!.v;
  }
  let best = sorted[0]!;
  for (const o of sorted) {
    const d = Math.abs(o.key - refKey);
    const b = Math.abs(best.key - refKey);
    if (d < b) best = o;
  }
  return best.v;
}

/** A day and month without a year: the occurrence the tense points to (weekday, when given, must fit). */
function yearlessDay(m: number, d: number, ctx: ResolveCtx, wd?: number): Cal | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const options: Array<{ key: number; v: Cal }> = [];
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (!validDay(y, m, d)) continue;
    const c = { y, m, d };
    if (wd !== undefined && weekdayOf(c) !== wd) continue;
    options.push({ key: dayNumber(c), v: c });
  }
  return chooseByTense(options, dayNumber(ref), ctx.tense);
}

function yearlessMonth(m: number, ctx: ResolveCtx): Cal | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const options = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ key: y * 12 + m, v: { y, m } as Cal }));
  return chooseByTense(options, ref.y * 12 + ref.m, ctx.tense);
}

/** A day of the month without month or year ("on the 21st"), in a month next to the document date's. */
function monthlessDay(d: number, ctx: ResolveCtx, wd?: number): Cal | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const options: Array<{ key: number; v: Cal }> = [];
  for (const k of [-1, 0, 1]) {
    const mm = addMonths({ y: ref.y, m: ref.m, d: 1 }, k);
    if (!validDay(mm.y, mm.m, d)) continue;
    const c = { y: mm.y, m: mm.m, d };
    if (wd !== undefined && weekdayOf(c) !== wd) continue;
    options.push({ key: dayNumber(c), v: c });
  }
  return chooseByTense(
    options,
    dayNumber(ref),
    wd !== undefined && ctx.tense === "none" ? "none" : ctx.tense,
  );
}

function twoDigitYear(yy: number): number {
  return yy < 40 ? 2000 + yy : 1900 + yy;
}

// ---------------------------------------------------------------- lexicon views

const MONTHS: Readonly<Record<string, number>> = DATE_WORDS.months;
const WEEKDAYS: Readonly<Record<string, number>> = DATE_WORDS.weekdays;
const REL_DAYS: Readonly<Record<string, number>> = DATE_WORDS.relativeDays;
const UNIT_WORDS: Readonly<Record<string, Unit>> = DATE_WORDS.unitWords as Record<string, Unit>;
const AMBIGUOUS_MONTHS = new Set(DATE_WORDS.ambiguousMonths);
const YEAR_CONTEXT = new Set(DATE_WORDS.yearContext);
const NOT_NOUNS = new Set(NUMBER_UNITS.notNouns);
const IRREGULAR_PLURALS = new Set(NUMBER_UNITS.irregularPlurals);
const PAST_MARKERS = new Set(DATE_WORDS.pastMarkers);
const FUTURE_MARKERS = new Set(DATE_WORDS.futureMarkers);
const NOT_PAST_ED = new Set(DATE_WORDS.notPastEd);
const MONTH_CONTEXT = new Set(DATE_WORDS.monthContext);
/** month names that are abbreviations and may take a full stop ("Dec.", not "June.") */
const MONTH_ABBREVIATIONS = new Set(DATE_WORDS.monthAbbreviations);
/** words before "in N years" that make it a span of time, not a date ("the first time in a decade") */
const SPAN_CUES = new Set(DATE_WORDS.spanCues);
/** nouns a year can qualify ("2005 levels", "the 2012 election"): the number before them is a year */
const YEAR_NOUNS = new Set(DATE_WORDS.yearNouns);
const YEAR_DETERMINERS = new Set(DATE_WORDS.yearDeterminers);
const NOT_YEAR_FOLLOWERS = new Set(DATE_WORDS.notYearFollowers);
const HOLIDAY_WORDS = new Set(DATE_WORDS.holidayWords);

const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** Multi-word phrase tables, longest first. */
/** A phrase table: entries by first word, longest first. */
type PhraseTable<V> = Map<string, Array<{ words: string[]; v: V }>>;

function phraseTable<V>(entries: Array<[string, V]>): PhraseTable<V> {
  const table: PhraseTable<V> = new Map();
  const sorted = entries
    .map(([k, v]) => ({ words: k.split(" "), v }))
    .sort((a, b) => b.words.length - a.words.length || b.words.join(" ").length - a.words.join(" ").length);
  for (const e of sorted) {
    const first = e.words[0]!;
    if (!table.has(first)) table.set(first, []);
    table.get(first)!.push(e);
  }
  return table;
}

const PREFIX_BOUNDS = phraseTable(Object.entries(DATE_WORDS.prefixBounds) as Array<[string, Bound]>);
const SUFFIX_BOUNDS = phraseTable(
  Object.entries({ ...DATE_WORDS.suffixBounds, "and greater": ">=", "or greater": ">=" }) as Array<
    [string, Bound]
  >,
);
const WEEKDAY_MODS = phraseTable(Object.entries(DATE_WORDS.weekdayModifiers));
const PERIOD_MODS = phraseTable(Object.entries(DATE_WORDS.periodModifiers));
const MONTH_MODS = phraseTable(Object.entries(DATE_WORDS.monthModifiers));
const PARTIAL = phraseTable(DATE_WORDS.partialPeriod.map((p) => [p, true] as [string, boolean]));

/** Words a date expression can start with; any other word is skipped at once. */
const START_WORDS = new Set<string>([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(REL_DAYS),
  ...[PREFIX_BOUNDS, WEEKDAY_MODS, PERIOD_MODS, MONTH_MODS, PARTIAL].flatMap((t) => [...t.keys()]),
  ...Object.keys(NUMBER_WORDS.units),
  ...Object.keys(NUMBER_WORDS.tens),
  ...Object.keys(NUMBER_WORDS.ordinals),
  ...["the", "in", "a", "an", "year", "calendar", "cy", "fy", "more", "greater", "later", "bigger", "higher"],
  ...["after", "less", "earlier", "smaller", "lower", "before", "mid", "early", "late"],
]);

function canStart(t: Tok): boolean {
  if (t.k === "n") return true;
  if (t.k === "p") return /[<>=≥≤'’]/.test(t.t);
  return START_WORDS.has(t.l);
}

/** Cheap test: can this text hold a date at all? */
export const DATE_PREFILTER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw|tmr|yesterday|year|month|week|fortnight|day|ago|cy)|\bin\s+(?:seventeen|eighteen|nineteen|twenty|two\s+thousand|one\s+thousand)\b/i;

// ---------------------------------------------------------------- numeric formats (regex over the text)

const MON = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** no digit (or digit + separator) glued before, none after */
const B = String.raw`(?<![\d.])(?<!\d[-/])`;
const E = String.raw`(?![\d])(?![-/.]\d)(?!,\d)`;

interface NumericHit {
  start: number;
  end: number;
  cal: Cal;
}

type NumericRule = { re: RegExp; make: (m: RegExpExecArray) => Cal | null };

function ymd(y: number, m: number, d: number): Cal | null {
  return validDay(y, m, d) ? { y, m, d } : null;
}
const monthNum = (s: string): number => MONTHS[s.toLowerCase().replace(/\.$/, "")] ?? 0;
const year4 = (s: string): number => Number(s);
const yearAny = (s: string): number => (s.length === 2 ? twoDigitYear(Number(s)) : Number(s));
const okYear = (y: number): boolean => y >= 1000 && y <= 2999;

const NUMERIC_RULES: NumericRule[] = [
  // 2015-08-12, 2015/08/12, 2015.5.13
  {
    re: new RegExp(String.raw`${B}(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${E}`, "g"),
    make: (m) => ymd(year4(m[1]!), Number(m[3]), Number(m[4])),
  },
  // 20161016
  {
    re: /(?<![\d.,])(\d{4})(\d{2})(\d{2})(?![\d,]|\.\d)/g,
    make: (m) =>
      Number(m[1]) >= 1900 && Number(m[1]) <= 2099 ? ymd(year4(m[1]!), Number(m[2]), Number(m[3])) : null,
  },
  // 2016 10 16
  {
    re: new RegExp(String.raw`${B}(\d{4}) (\d{1,2}) (\d{1,2})(?=\s*(?:[,.;:!?)]|$))`, "g"),
    make: (m) => ymd(year4(m[1]!), Number(m[2]), Number(m[3])),
  },
  // 02/22/2016, 21/04/16, 9-18-15, 13.5.2015 (day first with dots), 08/12,2015
  {
    re: new RegExp(String.raw`${B}(\d{1,2})([-/.])(\d{1,2})(?:\2|, ?)(\d{4}|\d{2})${E}`, "g"),
    make: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const y = yearAny(m[4]!);
      if (m[2] === ".") return ymd(y, b, a);
      if (a > 12) return ymd(y, b, a);
      return ymd(y, a, b);
    },
  },
  // 2019-sep-1, 2019/sep/01
  {
    re: new RegExp(String.raw`${B}(\d{4})([-/])(${MON})\.?\2(\d{1,2})${E}`, "gi"),
    make: (m) => ymd(year4(m[1]!), monthNum(m[3]!), Number(m[4])),
  },
  // 2020/23/Sep
  {
    re: new RegExp(String.raw`${B}(\d{4})([-/])(\d{1,2})\2(${MON})\b`, "gi"),
    make: (m) => ymd(year4(m[1]!), monthNum(m[4]!), Number(m[3])),
  },
  // 23/Sep/2020, 05-Aug-2016
  {
    re: new RegExp(String.raw`${B}(\d{1,2})([-/])(${MON})\.?\2(\d{4}|\d{2})${E}`, "gi"),
    make: (m) => ymd(yearAny(m[4]!), monthNum(m[3]!), Number(m[1])),
  },
  // Sep-23-2020
  {
    re: new RegExp(String.raw`\b(${MON})([-/])(\d{1,2})\2(\d{4})${E}`, "gi"),
    make: (m) => ymd(year4(m[4]!), monthNum(m[1]!), Number(m[3])),
  },
  // September-2020-23
  {
    re: new RegExp(String.raw`\b(${MON})-(\d{4})-(\d{1,2})${E}`, "gi"),
    make: (m) => ymd(year4(m[2]!), monthNum(m[1]!), Number(m[3])),
  },
  // 23-2020-September
  {
    re: new RegExp(String.raw`${B}(\d{1,2})-(\d{4})-(${MON})\b`, "gi"),
    make: (m) => ymd(year4(m[2]!), monthNum(m[3]!), Number(m[1])),
  },
  // Dec-2018, Dec/2018
  {
    re: new RegExp(String.raw`\b(${MON})[-/](\d{4})${E}`, "gi"),
    make: (m) => (monthNum(m[1]!) && okYear(year4(m[2]!)) ? { y: year4(m[2]!), m: monthNum(m[1]!) } : null),
  },
  // 2016-11, 2016 - 11, 2016/11, 2015.3
  {
    re: new RegExp(
      String.raw`${B}((?:1[89]|20)\d{2})(?:( ?[-/] ?)|\.)(\d{1,2})${E}(?!\s*(?:%|per\s?cent|percent))`,
      "g",
    ),
    make: (m) => {
      const mo = Number(m[3]);
      return mo >= 1 && mo <= 12 ? { y: year4(m[1]!), m: mo } : null;
    },
  },
  // 11-2016, 11 / 2016, 3/2015
  {
    re: new RegExp(String.raw`${B}(\d{1,2}) ?[-/] ?((?:1[89]|20)\d{2})${E}`, "g"),
    make: (m) => {
      const mo = Number(m[1]);
      return mo >= 1 && mo <= 12 ? { y: year4(m[2]!), m: mo } : null;
    },
  },
];

function numericHits(text: string, start: number, end: number): NumericHit[] {
  const slice = text.slice(start, end);
  const hits: NumericHit[] = [];
  for (const rule of NUMERIC_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      const cal = rule.make(m);
      if (cal) hits.push({ start: start + m.index, end: start + m.index + m[0].length, cal });
    }
  }
  // longest first at each start; drop hits inside longer ones
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NumericHit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

// ---------------------------------------------------------------- the token grammar

interface Core {
  /** token index after the expression */
  next: number;
  res: Resolver | null;
  relative: boolean;
  why?: string;
  /** what the expression names, for the rules that build on it */
  type: "day" | "month" | "year" | "weekday" | "period" | "mask";
  /** a bare 4-digit year (needs context to count) */
  bareYear?: boolean;
  /** a bound written into the expression itself ("> = 2019") */
  bound?: Bound;
}

const abs =
  (cal: Cal): Resolver =>
  () =>
    cal;

class Grammar {
  private readonly toks: Tok[];
  private readonly numericAt = new Map<number, NumericHit>();
  private prevEnd = -1;

  constructor(text: string, range: Range) {
    this.toks = tokenize(text, range.start, range.end);
    for (const h of numericHits(text, range.start, range.end)) this.numericAt.set(h.start, h);
  }

  run(): DateCandidate[] {
    const out: DateCandidate[] = [];
    const toks = this.toks;
    let i = 0;
    while (i < toks.length) {
      const hit = canStart(toks[i]!) ? this.at(i) : null;
      if (hit) {
        const first = toks[i]!;
        const last = toks[hit.core.next - 1]!;
        const cand: DateCandidate = {
          start: first.s,
          end: last.e,
          resolve: hit.core.res,
          relative: hit.core.relative,
        };
        if (hit.bound) cand.bound = hit.bound;
        if (hit.core.why) cand.why = hit.core.why;
        if (hit.tense) cand.tense = hit.tense;
        out.push(cand);
        this.prevEnd = hit.core.next;
        i = hit.core.next;
      } else i++;
    }
    return out;
  }

  // ---- token helpers

  private l(i: number): string {
    return this.toks[i]?.l ?? "";
  }

  /** the longest phrase of the table at i (words must follow each other, hyphens allowed inside) */
  private phrase<V>(i: number, table: PhraseTable<V>): { next: number; v: V } | null {
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

  private isPunct(i: number, chars: string): boolean {
    const t = this.toks[i];
    return !!t && t.k === "p" && chars.includes(t.t);
  }

  /** a month name at i (with an optional glued full stop), not "$DEC" */
  private month(i: number, strict: boolean): { next: number; m: number } | null {
    const t = this.toks[i];
    if (t?.k !== "w" || !has(MONTHS, t.l)) return null;
    const before = this.toks[i - 1];
    if (before && !t.sp && before.k === "p" && /[$#@]/.test(before.t)) return null;
    if (strict && AMBIGUOUS_MONTHS.has(t.l) && !/^[A-Z]/.test(t.t)) return null;
    let next = i + 1;
    if (this.isPunct(next, ".") && !this.toks[next]!.sp && MONTH_ABBREVIATIONS.has(t.l)) next++;
    return { next, m: MONTHS[t.l]! };
  }

  private weekday(i: number): { next: number; wd: number; plural: boolean } | null {
    const t = this.toks[i];
    if (t?.k !== "w" || !has(WEEKDAYS, t.l)) return null;
    return { next: i + 1, wd: WEEKDAYS[t.l]!, plural: t.l.endsWith("s") };
  }

  /** a 4-digit year token 1000..2999 not glued to more digits or a decimal part */
  private year4(i: number): { next: number; y: number } | null {
    const t = this.toks[i];
    if (t?.k !== "n" || t.t.length !== 4) return null;
    const y = Number(t.t);
    if (!okYear(y)) return null;
    const after = this.toks[i + 1];
    if (
      after &&
      !after.sp &&
      (after.k === "n" ||
        (after.k === "p" && /[.,:]/.test(after.t) && this.toks[i + 2]?.k === "n" && !this.toks[i + 2]!.sp))
    )
      return null;
    if (after && !after.sp && after.k === "w") return null;
    const before = this.toks[i - 1];
    if (before && !t.sp && (before.k === "n" || /[$€£¥.,]/.test(before.t))) return null;
    return { next: i + 1, y };
  }

  /** a year after a month or day: [,] [of|in] (YYYY | year in words | YY after "of" or when allowed) */
  private yearAfter(i: number, allowTwoDigits: boolean): { next: number; y: number } | null {
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
  private quantityFollows(i: number): boolean {
    const t = this.toks[i];
    if (!t) return false;
    if (t.k === "n" && !t.sp) return true;
    if (t.k === "w") return this.countedNoun(i);
    return (
      t.t === "%" || (/[.,:]/.test(t.t) && !t.sp && this.toks[i + 1]?.k === "n" && !this.toks[i + 1]!.sp)
    );
  }

  /** a day of the month: 21, 21st, 04th, "twenty first", "fifteen" */
  private day(i: number): { next: number; d: number; ordinal: boolean; digits: boolean } | null {
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
      if (
        suf &&
        !suf.sp &&
        suf.k === "p" &&
        /[.,:/]/.test(suf.t) &&
        this.toks[i + 2]?.k === "n" &&
        !this.toks[i + 2]!.sp
      )
        return null;
      return { next: i + 1, d, ordinal: false, digits: true };
    }
    const w = parseDayWords(this.toks, i);
    if (w) return { next: w.next, d: w.value, ordinal: w.ordinal, digits: false };
    return null;
  }

  /** the digits at i continue a number ("000" in "4,000", "5" in "2.5") */
  private insideNumber(i: number): boolean {
    const t = this.toks[i]!;
    const p = this.toks[i - 1];
    return !t.sp && !!p && p.k === "p" && /[.,]/.test(p.t) && !p.sp && this.toks[i - 2]?.k === "n";
  }

  /** a lower-case plural-looking word that a count would qualify ("2000 soldiers") */
  private countedNoun(i: number): boolean {
    const t = this.toks[i];
    if (t?.k !== "w" || /^[A-Z]/.test(t.t)) return false;
    if (IRREGULAR_PLURALS.has(t.l)) return true;
    return t.l.length > 3 && t.l.endsWith("s") && !t.l.endsWith("ss") && !NOT_NOUNS.has(t.l);
  }

  // ---- the grammar

  /** The best date expression starting at token i, with its bound. */
  private at(i: number): { core: Core; bound?: Bound; tense?: Tense } | null {
    const cands: Array<{ core: Core; bound?: Bound; tense?: Tense }> = [];
    // bound prefixes: "since 2022", "by the end of August", "no later than ..."
    const pb = this.phrase(i, PREFIX_BOUNDS);
    if (pb) {
      const core = this.core(pb.next, true, pb.v === "<=" && this.phraseHasEnd(i, pb.next));
      if (core && core.type !== "mask") {
        const c: { core: Core; bound?: Bound; tense?: Tense } = this.withSuffix(core, pb.v);
        if (this.l(i) === "since") c.tense = "past";
        cands.push(c);
      } else if (core) cands.push({ core });
    }
    // "more than 2 weeks before today"
    if (this.l(i) === "more" && this.l(i + 1) === "than") {
      const off = this.offset(i + 2);
      if (off?.dir) cands.push({ core: off.core, bound: off.dir > 0 ? ">" : "<" });
    }
    // "year greater than 2012", "year is later than 2015"
    const cmp = this.yearComparison(i);
    if (cmp) cands.push(cmp);
    // parts of a month or year: "early 2022", "mid-August", "the end of the month"
    const part = this.phrase(i, PARTIAL);
    if (part) {
      let j = part.next;
      if (this.isPunct(j, "-")) j++;
      const core = this.core(j, true, true);
      if (core && core.type !== "day" && core.type !== "weekday")
        cands.push({
          core: { next: core.next, res: null, relative: false, type: "mask", why: "part of a month or year" },
        });
    }
    const core = this.core(i, this.yearContextBefore(i), false);
    if (core) cands.push(this.withSuffix(core, undefined));
    if (!cands.length) return null;
    let best = cands[0]!;
    for (const c of cands) if (c.core.next > best.core.next) best = c;
    return best;
  }

  private phraseHasEnd(i: number, next: number): boolean {
    for (let j = i; j < next; j++) if (this.l(j) === "end") return true;
    return false;
  }

  private withSuffix(core: Core, prefixBound: Bound | undefined): { core: Core; bound?: Bound } {
    if (core.type === "mask" || !core.res) return { core };
    const bound = prefixBound ?? core.bound;
    if (!bound) {
      const sb = this.phrase(core.next, SUFFIX_BOUNDS);
      if (sb) return { core: { ...core, next: sb.next }, bound: sb.v };
    }
    return bound ? { core, bound } : { core };
  }

  /** Is the token before i a word after which a bare year reads as a year ("in 2014")? */
  private yearContextBefore(i: number): boolean {
    const prev = this.toks[i - 1];
    if (!prev) return false;
    if (prev.k === "w" && YEAR_CONTEXT.has(prev.l)) {
      if (prev.l === "and" || prev.l === "or") return this.prevEnd === i - 1;
      return true;
    }
    if (prev.k === "p" && /[,–—-]/.test(prev.t)) return this.prevEnd === i - 1;
    return false;
  }

  private yearComparison(i: number): { core: Core; bound: Bound } | null {
    let j = i;
    if (this.l(i) === "the") return null;
    if (this.l(j) === "year") {
      j++;
      if (this.l(j) === "is") j++;
    } else if (!(this.l(i - 1) === "year" || (this.l(i - 1) === "is" && this.l(i - 2) === "year")))
      return null;
    const w = this.l(j);
    let bound: Bound | null = null;
    if (["greater", "later", "more", "bigger", "higher", "after"].includes(w)) bound = ">";
    if (["less", "earlier", "smaller", "lower", "before"].includes(w)) bound = "<";
    if (!bound) return null;
    j++;
    if (this.l(j) === "than") j++;
    const y = this.year4(j);
    if (!y) return null;
    return { core: { next: y.next, res: abs({ y: y.y }), relative: false, type: "year" }, bound };
  }

  /**
   * A date expression at i. `ctx`: the word before makes a bare year or month a date ("in 2014", "since
   * June"). `afterEnd`: right after "end of", where "the month"/"the year" name the current ones.
   */
  private core(i: number, ctx: boolean, afterEnd: boolean): Core | null {
    const options: Array<Core | null> = [
      this.numeric(i),
      this.relativeDay(i),
      this.offset(i)?.core ?? null,
      this.period(i, afterEnd),
      this.monthForms(i, ctx),
      this.dayMonth(i),
      this.monthDay(i),
      this.weekdayForms(i),
      this.ordinalWeekday(i),
      this.dayOfMonthPhrase(i),
      this.monthOfYearPhrase(i),
      this.yearForms(i, ctx),
      this.symbolYear(i),
      this.theDay(i),
      this.unitNextTo(i),
    ];
    let best: Core | null = null;
    for (const o of options) if (o && (!best || o.next > best.next)) best = o;
    return best;
  }

  private tokenAfter(charEnd: number, from: number): number {
    let j = from;
    while (j < this.toks.length && this.toks[j]!.s < charEnd) j++;
    return j;
  }

  private numeric(i: number): Core | null {
    const t = this.toks[i];
    if (!t) return null;
    // a weekday before a numeric date: "Friday 2018-7-6"
    const wd = this.weekday(i);
    if (wd) {
      let j = wd.next;
      if (this.isPunct(j, ",")) j++;
      const inner = this.numeric(j);
      if (inner) return inner;
    }
    const h = this.numericAt.get(t.s);
    if (!h) return null;
    return {
      next: this.tokenAfter(h.end, i),
      res: abs(h.cal),
      relative: false,
      type: h.cal.d ? "day" : "month",
    };
  }

  private relativeDay(i: number): Core | null {
    const w = this.l(i);
    if (has(REL_DAYS, w)) {
      const n = REL_DAYS[w]!;
      return { next: i + 1, res: (c) => (c.ref ? addDays(c.ref, n) : null), relative: true, type: "day" };
    }
    // the day before yesterday, the day after tomorrow
    if (w === "the" && this.l(i + 1) === "day" && (this.l(i + 2) === "before" || this.l(i + 2) === "after")) {
      const rel = this.l(i + 3);
      if (has(REL_DAYS, rel)) {
        const n = REL_DAYS[rel]! + (this.l(i + 2) === "before" ? -1 : 1);
        return { next: i + 4, res: (c) => (c.ref ? addDays(c.ref, n) : null), relative: true, type: "day" };
      }
      return { next: i + 3, res: null, relative: true, type: "mask", why: "relative to another event" };
    }
    // the next day, the previous day: relative to the story's events, not to the document date
    if (
      (w === "the" && ["next", "previous", "following"].includes(this.l(i + 1)) && this.l(i + 2) === "day") ||
      (["next", "previous"].includes(w) && this.l(i + 1) === "day")
    ) {
      const next = w === "the" ? i + 3 : i + 2;
      return { next, res: null, relative: true, type: "mask", why: "relative to another event" };
    }
    return null;
  }

  /** a count of units: "2 years 1 month 21 days", "a fortnight", "three weeks" */
  private duration(i: number): { next: number; parts: Array<{ n: number; unit: Unit }> } | null {
    const parts: Array<{ n: number; unit: Unit }> = [];
    let j = i;
    while (true) {
      let k = j;
      if (parts.length) {
        if (this.isPunct(k, ",")) k++;
        if (this.l(k) === "and") k++;
      }
      const count = this.count(k);
      if (!count) break;
      let at = count.next;
      const business = this.l(at) === "business" || this.l(at) === "working";
      if (business) at++;
      const u = this.l(at).replace(/['’]s$/, "");
      if (!has(UNIT_WORDS, u)) break;
      if (business && UNIT_WORDS[u] !== "day") break;
      parts.push({ n: count.n, unit: business ? "businessday" : UNIT_WORDS[u]! });
      j = at + 1;
    }
    return parts.length ? { next: j, parts } : null;
  }

  private count(i: number): { next: number; n: number } | null {
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

  /** an offset, then "on WEEKDAY": that weekday in the offset's week ("in 3 days on Friday") */
  private offset(i: number): { core: Core; dir: number } | null {
    const o = this.plainOffset(i);
    if (!o?.core.res || o.core.type !== "day" || this.l(o.core.next) !== "on") return o;
    const w = this.weekday(o.core.next + 1);
    if (!w || w.plural) return o;
    const res = o.core.res;
    return {
      core: { ...o.core, next: w.next, res: (c) => this.inWeekOf(res(c), w.wd) },
      dir: o.dir,
    };
  }

  private inWeekOf(c: Cal | null, wd: number): Cal | null {
    if (!c || c.m === undefined || c.d === undefined) return null;
    return weekdayInSundayWeek({ y: c.y, m: c.m, d: c.d }, wd);
  }

  /** "two days ago", "in 3 weeks", "2 weeks from January 15", "three weeks from tomorrow"; dir +1/-1 */
  private plainOffset(i: number): { core: Core; dir: number } | null {
    let j = i;
    const inForm = this.l(i) === "in";
    if (inForm) j++;
    const dur = this.duration(j);
    if (!dur) return null;
    // thousands of years ago is history, not a calendar date
    if (dur.parts.some((p) => (p.unit === "year" && p.n > 200) || (p.unit === "decade" && p.n > 20)))
      return null;
    // "the first time in a decade", "the highest level in 20 years": a span of time
    if (inForm && this.spanCueBefore(i)) return null;
    const apply = (c: Ymd, sign: number): Ymd => {
      let r = c;
      for (const p of dur.parts) r = addUnits(r, sign * p.n, p.unit);
      return r;
    };
    const after = this.l(dur.next);
    if (inForm) {
      if (after === "of" || after === "to" || this.isPunct(dur.next, "-")) return null;
      let next = dur.next;
      if (after === "time" || after === "’s" || after === "'s") next++;
      if (this.l(next) === "time") next++;
      return {
        core: { next, res: (c) => (c.ref ? apply(c.ref, 1) : null), relative: true, type: "day" },
        dir: 1,
      };
    }
    if (after === "ago" || after === "before" || after === "earlier" || after === "prior") {
      if (after === "ago")
        return {
          core: {
            next: dur.next + 1,
            res: (c) => (c.ref ? apply(c.ref, -1) : null),
            relative: true,
            type: "day",
          },
          dir: -1,
        };
    }
    if (after === "later" || after === "earlier" || (after === "after" && !this.anchorAt(dur.next + 1))) {
      return {
        core: {
          next: dur.next + 1,
          res: null,
          relative: true,
          type: "mask",
          why: "relative to another event",
        },
        dir: 0,
      };
    }
    if ((after === "from" || after === "hence") && this.l(dur.next + 1) === "now")
      return {
        core: {
          next: dur.next + 2,
          res: (c) => (c.ref ? apply(c.ref, 1) : null),
          relative: true,
          type: "day",
        },
        dir: 1,
      };
    if (after === "hence")
      return {
        core: {
          next: dur.next + 1,
          res: (c) => (c.ref ? apply(c.ref, 1) : null),
          relative: true,
          type: "day",
        },
        dir: 1,
      };
    if (after === "from" || after === "after" || after === "before") {
      const anchor = this.anchorAt(dur.next + 1);
      if (!anchor?.res) return null;
      const sign = after === "before" ? -1 : 1;
      const res = anchor.res;
      return {
        core: {
          next: anchor.next,
          res: (c) => {
            const a = res(c);
            if (!a || a.m === undefined || a.d === undefined) return null;
            return apply({ y: a.y, m: a.m, d: a.d }, sign);
          },
          relative: anchor.relative,
          type: "day",
        },
        dir: sign,
      };
    }
    return null;
  }

  private spanCueBefore(i: number): boolean {
    for (let k = i - 1; k >= 0 && k >= i - 10; k--) {
      const t = this.toks[k]!;
      if (t.k === "p" && /[.;:!?,]/.test(t.t)) return false;
      if (SPAN_CUES.has(t.l)) return true;
    }
    return false;
  }

  /** what an offset counts from: today, tomorrow, a day date, a weekday */
  private anchorAt(i: number): Core | null {
    if (this.l(i) === "today" || this.l(i) === "now")
      return { next: i + 1, res: (c) => (c.ref ? { ...c.ref } : null), relative: true, type: "day" };
    const opts = [
      this.relativeDay(i),
      this.numeric(i),
      this.dayMonth(i),
      this.monthDay(i),
      this.weekdayForms(i),
    ];
    let best: Core | null = null;
    for (const o of opts) if (o && o.type === "day" && o.res && (!best || o.next > best.next)) best = o;
    if (best) return best;
    const w = this.weekdayForms(i);
    return w?.res ? w : null;
  }

  /** this month, next year, last year, earlier this month, the year after next */
  private period(i: number, afterEnd: boolean): Core | null {
    let j = i;
    let calendar = false;
    const mod = this.phrase(i, PERIOD_MODS);
    let offset: number | null = null;
    if (mod) {
      offset = mod.v;
      j = mod.next;
    } else if (afterEnd && this.l(i) === "the") {
      offset = 0;
      j = i + 1;
    } else if (
      this.l(i) === "the" &&
      (this.l(i + 1) === "month" || this.l(i + 1) === "year") &&
      this.l(i + 2) === "after" &&
      (this.l(i + 3) === "next" || (this.l(i + 3) === "the" && this.l(i + 4) === "next"))
    ) {
      // "the year after next"
      j = i + 1;
      offset = 0;
    }
    if (offset === null) return null;
    if (this.l(j) === "calendar") {
      calendar = true;
      j++;
    }
    const unit = this.l(j);
    if (unit === "week" || unit === "weekend")
      return { next: j + 1, res: null, relative: true, type: "mask", why: "a week" };
    if (unit !== "month" && unit !== "year") return null;
    let next = j + 1;
    // "the year after next", "the month after the next"
    if (
      this.l(next) === "after" &&
      (this.l(next + 1) === "next" || (this.l(next + 1) === "the" && this.l(next + 2) === "next"))
    ) {
      offset = (offset || 0) + 2;
      next += this.l(next + 1) === "next" ? 2 : 3;
    } else if (
      mod &&
      /^(?:the )?(?:past|following|next)$|^the previous$/.test(
        this.toks
          .slice(i, mod.next)
          .map((t) => t.l)
          .join(" "),
      ) &&
      this.l(i) !== "next"
    ) {
      // "the following year", "the past month": relative to the story or a rolling period
      return {
        next,
        res: null,
        relative: true,
        type: "mask",
        why: "relative to another event or a rolling period",
      };
    }
    if (calendar && unit !== "year") return null;
    const off = offset;
    if (unit === "month")
      return {
        next,
        res: (c) => {
          if (!c.ref) return null;
          const r = addMonths({ y: c.ref.y, m: c.ref.m, d: 1 }, off);
          return { y: r.y, m: r.m };
        },
        relative: true,
        type: "period",
      };
    return { next, res: (c) => (c.ref ? { y: c.ref.y + off } : null), relative: true, type: "period" };
  }

  /** month-level forms: June 2016, 2016 June, June of 1992, this September, June next year, in June */
  private monthForms(i: number, ctx: boolean): Core | null {
    // this/next/last MONTH
    const mod = this.phrase(i, MONTH_MODS);
    if (mod) {
      const mo = this.month(mod.next, true);
      if (mo && !this.day(mo.next)) {
        const off = mod.v;
        return {
          next: mo.next,
          res: (c) => (c.ref ? { y: c.ref.y + off, m: mo.m } : null),
          relative: true,
          type: "month",
        };
      }
    }
    // YYYY [,] MONTH
    const y0 = this.year4(i);
    if (y0) {
      let j = y0.next;
      if (this.isPunct(j, ",")) j++;
      // strict: "in 2016 may be" is not May 2016
      const mo = this.month(j, true);
      if (mo && !this.day(mo.next))
        return { next: mo.next, res: abs({ y: y0.y, m: mo.m }), relative: false, type: "month" };
    }
    const mo = this.month(i, true) ?? this.month(i, false);
    if (!mo) return null;
    const strictOk = !!this.month(i, true);
    // MONTH [,] [of] YEAR
    const y = this.yearAfter(mo.next, false);
    // a lower-case "may" before a year is still the verb ("we may 2030"): other months are fine
    if (y && (strictOk || this.toks[i]!.l !== "may"))
      return { next: y.next, res: abs({ y: y.y, m: mo.m }), relative: false, type: "month" };
    // MONTH [of] next/last/this year
    const py = this.phrase(this.l(mo.next) === "of" ? mo.next + 1 : mo.next, MONTH_MODS);
    if (py && this.l(py.next) === "year" && strictOk) {
      const off = py.v;
      return {
        next: py.next + 1,
        res: (c) => (c.ref ? { y: c.ref.y + off, m: mo.m } : null),
        relative: true,
        type: "month",
      };
    }
    // a bare month after a context word: "in June", "since December"
    if (strictOk && (ctx || this.monthContextBefore(i)) && !this.day(mo.next)) {
      return { next: mo.next, res: (c) => yearlessMonth(mo.m, c), relative: true, type: "month" };
    }
    return null;
  }

  private monthContextBefore(i: number): boolean {
    const prev = this.toks[i - 1];
    if (!prev) return false;
    if (prev.k === "w" && MONTH_CONTEXT.has(prev.l)) {
      if (prev.l === "and" || prev.l === "or" || prev.l === "to") return this.prevEnd === i - 1;
      return true;
    }
    if (prev.k === "p" && /[,–—-]/.test(prev.t)) return this.prevEnd === i - 1;
    return false;
  }

  /** [the] DAY [.] [of] MONTH [YEAR]: 16 May, the 4th of July 1995, tenth of September, two thousand */
  private dayMonth(i: number): Core | null {
    let j = i;
    if (this.l(j) === "the") j++;
    const d = this.day(j);
    if (!d) return null;
    let k = d.next;
    if (this.isPunct(k, ".") && d.digits) k++;
    const viaOf = this.l(k) === "of";
    if (viaOf) k++;
    if (viaOf && !d.ordinal) return null;
    if (j > i && !d.ordinal) return null;
    const range = !viaOf && d.digits ? this.dayRangeEnd(d.next, d.d) : null;
    if (range) {
      const mr = this.month(range, true);
      if (mr) {
        const y = this.yearAfter(mr.next, false);
        return {
          next: y ? y.next : mr.next,
          res: null,
          relative: false,
          type: "mask",
          why: "a range of days",
        };
      }
    }
    const mo = this.month(k, !viaOf);
    if (!mo) return null;
    if (!d.digits && !d.ordinal && !/^[A-Z]/.test(this.toks[k]!.t)) return null;
    return this.withYear(i, mo.next, mo.m, d.d, false);
  }

  /** MONTH [the] DAY [,] [YEAR]: January 12, 2016; September the twenty-first nineteen seventy eight */
  private monthDay(i: number): Core | null {
    const strict = this.month(i, true);
    const mo = strict ?? this.month(i, false);
    if (!mo) return null;
    let j = mo.next;
    const viaThe = this.l(j) === "the";
    if (viaThe) j++;
    const d = this.day(j);
    if (!d) return null;
    if (viaThe && !d.ordinal) return null;
    if (!strict) {
      // an ambiguous lower-case month ("may") needs a year to count
      const y = this.yearAfter(d.next, false);
      if (!y) return null;
    }
    // "May 15 people": a bare number followed by a counted noun is not a day
    if (d.digits && !d.ordinal && this.countedNoun(d.next)) return null;
    const span = this.dayRangeEnd(d.next, d.d);
    if (span) {
      const y = this.yearAfter(span, false);
      return { next: y ? y.next : span, res: null, relative: false, type: "mask", why: "a range of days" };
    }
    return this.withYear(i, d.next, mo.m, d.d, !d.digits && d.ordinal);
  }

  /** "-19" after a day 16: the token after the second day, or null */
  private dayRangeEnd(i: number, first: number): number | null {
    if (!this.isPunct(i, "-–—")) return null;
    let j = i + 1;
    const t = this.toks[j];
    if (t?.k !== "n" || t.t.length > 2) return null;
    const second = Number(t.t);
    if (second <= first || second > 31) return null;
    j++;
    if (/^(st|nd|rd|th)$/.test(this.l(j)) && !this.toks[j]!.sp) j++;
    return j;
  }

  private withYear(_i: number, j: number, m: number, d: number, twoDigitsOk: boolean): Core | null {
    const y = this.yearAfter(j, twoDigitsOk);
    if (y) {
      const cal = ymd(y.y, m, d);
      return cal ? { next: y.next, res: abs(cal), relative: false, type: "day" } : null;
    }
    if (!validDay(2000, m, d)) return null;
    return { next: j, res: (c) => yearlessDay(m, d, c), relative: true, type: "day" };
  }

  private weekdayForms(i: number): Core | null {
    let j = i;
    const mod = this.phrase(i, WEEKDAY_MODS);
    // MOD week [-|,|on] WEEKDAY: next week Sunday, previous week - Monday
    const wkMod = this.phrase(i, PERIOD_MODS);
    if (wkMod && this.l(wkMod.next) === "week") {
      let k = wkMod.next + 1;
      if (this.isPunct(k, "-,")) k++;
      if (this.l(k) === "on") k++;
      const w = this.weekday(k);
      if (w && !w.plural) {
        const weeks = wkMod.v;
        return {
          next: w.next,
          res: (c) => (c.ref ? weekdayInWeek(c.ref, w.wd, weeks) : null),
          relative: true,
          type: "day",
        };
      }
    }
    if (mod) j = mod.next;
    const w = this.weekday(j);
    if (!w) return null;
    const prev = this.toks[i - 1];
    if (!mod && prev && HOLIDAY_WORDS.has(prev.l) && /^[A-Z]/.test(prev.t))
      return { next: w.next, res: null, relative: false, type: "mask", why: "a named holiday" };
    if (w.plural)
      return { next: w.next, res: null, relative: false, type: "mask", why: "a recurring weekday" };
    if (!mod && ["the", "a", "an", "every", "each"].includes(this.l(i - 1)))
      return {
        next: w.next,
        res: null,
        relative: false,
        type: "mask",
        why: "a weekday as a modifier or a recurring weekday",
      };
    const wd = w.wd;
    // WEEKDAY [of] [the] (this|next|last|following) week
    {
      let k = w.next;
      if (this.l(k) === "of") k++;
      const wm = this.phrase(k, PERIOD_MODS);
      if (wm && this.l(wm.next) === "week" && !mod) {
        const weeks = wm.v;
        return {
          next: wm.next + 1,
          res: (c) => (c.ref ? weekdayInWeek(c.ref, wd, weeks) : null),
          relative: true,
          type: "day",
        };
      }
    }
    if (!mod) {
      let k = w.next;
      if (this.isPunct(k, ",")) k++;
      // WEEKDAY [,] offset: Monday two weeks from now, Saturday 3 days from now
      const off = this.plainOffset(k);
      if (off?.core.res && off.core.type === "day" && off.dir > 0) {
        const res = off.core.res;
        return {
          next: off.core.next,
          res: (c) => this.inWeekOf(res(c), wd),
          relative: off.core.relative,
          type: "day",
        };
      }
      // WEEKDAY [,] absolute date: monday january 12th, 2016
      const inner = this.monthDay(k) ?? this.dayMonth(k);
      if (inner?.res && inner.type === "day") {
        const innerRes = inner.res;
        if (!inner.relative) return inner;
        // a weekday fixes the year of a year-less date
        return {
          next: inner.next,
          res: (c) => {
            const r = innerRes(c);
            if (!r || r.m === undefined || r.d === undefined) return r;
            return yearlessDay(r.m, r.d, c, wd) ?? r;
          },
          relative: true,
          type: "day",
        };
      }
      // WEEKDAY the DAY: Thursday the 21st, Friday the fifteen
      if (this.l(w.next) === "the") {
        const d = this.day(w.next + 1);
        if (d && !(d.digits && !d.ordinal)) {
          const dd = d.d;
          return { next: d.next, res: (c) => monthlessDay(dd, c, wd), relative: true, type: "day" };
        }
        if (d?.digits) {
          const dd = d.d;
          return { next: d.next, res: (c) => monthlessDay(dd, c, wd), relative: true, type: "day" };
        }
      }
      // WEEKDAY DAY: Monday 21
      const d = this.day(w.next);
      if (d?.digits && !this.toks[w.next + (d.ordinal ? 2 : 1)]?.k?.startsWith("w")) {
        const dd = d.d;
        return { next: d.next, res: (c) => monthlessDay(dd, c, wd), relative: true, type: "day" };
      }
    }
    if (mod) {
      const m = mod.v;
      const res: Resolver = (c) => {
        if (!c.ref) return null;
        const ref = c.ref;
        switch (m) {
          case "this":
            return weekdayInWeek(ref, wd, 0);
          case "next":
            return weekdayInWeek(ref, wd, 1);
          case "last":
          case "previous":
            return weekdayInWeek(ref, wd, -1);
          case "past": {
            const back = (weekdayOf(ref) - wd + 7) % 7 || 7;
            return addDays(ref, -back);
          }
          case "coming": {
            const fwd = (wd - weekdayOf(ref) + 7) % 7 || 7;
            return addDays(ref, fwd);
          }
          default:
            return null;
        }
      };
      return { next: w.next, res, relative: true, type: "day" };
    }
    // a bare weekday: the most recent on or before the document date; the coming one in a future clause
    return {
      next: w.next,
      res: (c) => {
        if (!c.ref) return null;
        const ref = c.ref;
        if (c.tense === "future") return addDays(ref, (wd - weekdayOf(ref) + 7) % 7);
        return addDays(ref, -((weekdayOf(ref) - wd + 7) % 7));
      },
      relative: true,
      type: "weekday",
    };
  }

  /** first Sunday, the second Tuesday of March, two sundays from now */
  private ordinalWeekday(i: number): Core | null {
    let j = i;
    if (this.l(j) === "the") j++;
    const o = parseWordNumber(this.toks, j, { ordinal: true });
    const t = this.toks[j];
    let n = 0;
    let next = j;
    if (o?.ordinal && o.value >= 1 && o.value <= 5) {
      n = o.value;
      next = o.next;
    } else if (
      t &&
      t.k === "n" &&
      t.t.length === 1 &&
      /^(st|nd|rd|th)$/.test(this.l(j + 1)) &&
      !this.toks[j + 1]!.sp
    ) {
      n = Number(t.t);
      next = j + 2;
    }
    if (n >= 1 && n <= 5) {
      const w = this.weekday(next);
      if (!w || w.plural) return null;
      const wd = w.wd;
      let end = w.next;
      let monthRes: Resolver = (c) => (c.ref ? { y: c.ref.y, m: c.ref.m } : null);
      let relative = true;
      if (this.l(end) === "of") {
        const pm = this.phrase(end + 1, MONTH_MODS);
        if (pm && this.l(pm.next) === "month") {
          const off = pm.v;
          monthRes = (c) => {
            if (!c.ref) return null;
            const r = addMonths({ y: c.ref.y, m: c.ref.m, d: 1 }, off);
            return { y: r.y, m: r.m };
          };
          end = pm.next + 1;
        } else {
          const mo = this.month(end + 1, false);
          if (mo) {
            const y = this.yearAfter(mo.next, false);
            if (y) {
              monthRes = abs({ y: y.y, m: mo.m });
              relative = false;
              end = y.next;
            } else {
              monthRes = (c) => yearlessMonth(mo.m, c);
              end = mo.next;
            }
          }
        }
      }
      const nth = n;
      return {
        next: end,
        res: (c) => {
          const mm = monthRes(c);
          if (!mm || mm.m === undefined) return null;
          const first = { y: mm.y, m: mm.m, d: 1 };
          const d = 1 + ((wd - weekdayOf(first) + 7) % 7) + 7 * (nth - 1);
          return validDay(mm.y, mm.m, d) ? { y: mm.y, m: mm.m, d } : null;
        },
        relative,
        type: "day",
      };
    }
    // N WEEKDAYs from now / N WEEKDAY later
    const cnt = this.count(i);
    if (cnt && cnt.n >= 1 && cnt.n <= 10) {
      const w = this.weekday(cnt.next);
      if (!w) return null;
      const fromNow = this.l(w.next) === "from" && this.l(w.next + 1) === "now";
      const later = this.l(w.next) === "later";
      if (!fromNow && !later) return null;
      const wd = w.wd;
      const k = cnt.n;
      return {
        next: w.next + (fromNow ? 2 : 1),
        res: (c) => {
          if (!c.ref) return null;
          const fwd = (wd - weekdayOf(c.ref) + 7) % 7 || 7;
          return addDays(c.ref, fwd + 7 * (k - 1));
        },
        relative: true,
        type: "day",
      };
    }
    return null;
  }

  /** the 20th of next month, the 15th day of next month, the twenty-sixth day of the month */
  private dayOfMonthPhrase(i: number): Core | null {
    let j = i;
    if (this.l(j) === "the") j++;
    const d = this.day(j);
    if (!d?.ordinal) return null;
    let k = d.next;
    if (this.l(k) === "day") k++;
    if (this.l(k) !== "of") return null;
    k++;
    let off: number | null = null;
    const pm = this.phrase(k, MONTH_MODS);
    if (pm && this.l(pm.next) === "month") {
      off = pm.v;
      k = pm.next + 1;
    } else if (this.l(k) === "the" && this.l(k + 1) === "month") {
      off = 0;
      k += 2;
    }
    if (off === null) return null;
    const o = off;
    const dd = d.d;
    return {
      next: k,
      res: (c) => {
        if (!c.ref) return null;
        const r = addMonths({ y: c.ref.y, m: c.ref.m, d: 1 }, o);
        return validDay(r.y, r.m, dd) ? { y: r.y, m: r.m, d: dd } : null;
      },
      relative: true,
      type: "day",
    };
  }

  /** the year before 2015 (2014), the day after 16 May */
  private unitNextTo(i: number): Core | null {
    if (this.l(i) !== "the") return null;
    const unit = this.l(i + 1);
    if (!["year", "month", "day"].includes(unit)) return null;
    const dir = this.l(i + 2) === "before" ? -1 : this.l(i + 2) === "after" ? 1 : 0;
    if (!dir) return null;
    const j = i + 3;
    if (unit === "year") {
      const y = this.year4(j);
      return y ? { next: y.next, res: abs({ y: y.y + dir }), relative: false, type: "year" } : null;
    }
    const anchor =
      unit === "day" ? (this.monthDay(j) ?? this.dayMonth(j) ?? this.numeric(j)) : this.monthForms(j, true);
    if (
      !anchor?.res ||
      (unit === "day" && anchor.type !== "day") ||
      (unit === "month" && anchor.type !== "month")
    )
      return null;
    const res = anchor.res;
    return {
      next: anchor.next,
      res: (c) => {
        const a = res(c);
        if (!a || a.m === undefined) return null;
        if (unit === "month") {
          const r = addMonths({ y: a.y, m: a.m, d: 1 }, dir);
          return { y: r.y, m: r.m };
        }
        return a.d === undefined ? null : addDays({ y: a.y, m: a.m, d: a.d }, dir);
      },
      relative: anchor.relative,
      type: unit === "day" ? "day" : "month",
    };
  }

  /** the third month of 2021, the 9th month of next year */
  private monthOfYearPhrase(i: number): Core | null {
    let j = i;
    if (this.l(j) === "the") j++;
    const d = this.day(j);
    if (!d?.ordinal || d.d > 12) return null;
    if (this.l(d.next) !== "month" || this.l(d.next + 1) !== "of") return null;
    const k = d.next + 2;
    const m = d.d;
    const y = this.year4(k);
    if (y) return { next: y.next, res: abs({ y: y.y, m }), relative: false, type: "month" };
    const pm = this.phrase(k, MONTH_MODS);
    if (pm && this.l(pm.next) === "year") {
      const off = pm.v;
      return {
        next: pm.next + 1,
        res: (c) => (c.ref ? { y: c.ref.y + off, m } : null),
        relative: true,
        type: "month",
      };
    }
    return null;
  }

  /** on the 21st: a day of the month alone, after a preposition */
  private theDay(i: number): Core | null {
    if (this.l(i) !== "the") return null;
    const prev = this.l(i - 1);
    if (!["on", "by", "until", "since", "before", "after", "from", "till"].includes(prev)) return null;
    const d = this.day(i + 1);
    if (!d?.ordinal || !d.digits) return null;
    const after = this.toks[d.next];
    if (after && after.k === "w" && after.l !== "and" && after.l !== "or") return null;
    const dd = d.d;
    return { next: d.next, res: (c) => monthlessDay(dd, c), relative: true, type: "day" };
  }

  /** year 2008, the year of 2008, calendar year 2008, cy18, in 2014, 2007 and 2009 */
  private yearForms(i: number, ctx: boolean): Core | null {
    let j = i;
    let named = false;
    if (this.l(j) === "the" && (this.l(j + 1) === "year" || this.l(j + 1) === "calendar")) j++;
    if (this.l(j) === "calendar" && this.l(j + 1) === "year") j++;
    if (this.l(j) === "year") {
      j++;
      if (this.l(j) === "of") j++;
      named = true;
    } else if (this.l(j) === "cy" || this.l(j) === "fy") {
      const n = this.toks[j + 1];
      if (n && n.k === "n" && (n.t.length === 2 || n.t.length === 4)) {
        const y = n.t.length === 2 ? twoDigitYear(Number(n.t)) : Number(n.t);
        if (this.l(j) === "cy") return { next: j + 2, res: abs({ y }), relative: false, type: "year" };
      }
      return null;
    }
    const y4 = this.year4(j);
    if (y4) {
      if (named) return { next: y4.next, res: abs({ y: y4.y }), relative: false, type: "year" };
      const qualifies =
        y4.y >= 1900 &&
        y4.y <= 2100 &&
        this.toks[y4.next]?.k === "w" &&
        (YEAR_NOUNS.has(this.l(y4.next)) || (this.determinerBefore(j) && this.modifiedNounAfter(y4.next)));
      if (qualifies) return { next: y4.next, res: abs({ y: y4.y }), relative: false, type: "year" };
      if (!ctx && !this.phrase(y4.next, SUFFIX_BOUNDS) && !this.yearRangeAhead(y4)) return null;
      if (!this.bareYearOk(j, y4.next)) return null;
      return { next: y4.next, res: abs({ y: y4.y }), relative: false, type: "year", bareYear: true };
    }
    // an abbreviated year after a context word: "in ’97"
    const ap = this.toks[j];
    const yy = this.toks[j + 1];
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
      if (!this.countedNoun(j + 2))
        return { next: j + 2, res: abs({ y: twoDigitYear(Number(yy.t)) }), relative: false, type: "year" };
    // a year in words after "in": "in nineteen twenty eight"
    if (!named && ctx && this.l(i - 1) === "in") {
      const w = parseYearWords(this.toks, i);
      if (w && w.next - i >= 2 && !this.countedNoun(w.next))
        return { next: w.next, res: abs({ y: w.value }), relative: false, type: "year" };
    }
    return null;
  }

  /** "the", "a", "its", "Obama's" before i: a year there qualifies the noun after it ("his 2002 book") */
  private determinerBefore(i: number): boolean {
    const p = this.toks[i - 1];
    if (p?.k !== "w") return false;
    return YEAR_DETERMINERS.has(p.l) || /\w['’]s$/.test(p.t);
  }

  /** a lower-case word after a year that it can qualify: not a counted noun, not "more", "to", "and" */
  private modifiedNounAfter(i: number): boolean {
    const t = this.toks[i];
    if (t?.k !== "w" || /^[A-Z]/.test(t.t) || this.countedNoun(i)) return false;
    return !NOT_YEAR_FOLLOWERS.has(t.l);
  }

  /** "1991–2020": a year, a dash and a later year */
  private yearRangeAhead(y: { next: number; y: number }): boolean {
    if (!this.isPunct(y.next, "-–—")) return false;
    const second = this.year4(y.next + 1);
    return !!second && y.y >= 1800 && second.y <= 2100 && second.y > y.y;
  }

  /** a bare 4-digit year is a year unless a count or a measure follows it ("in 2000 cases") */
  private bareYearOk(i: number, next: number): boolean {
    const y = Number(this.toks[i]!.t);
    if (y < 1000 || y > 2199) return false;
    const after = this.toks[next];
    if (!after) return true;
    if (after.k === "p") return after.t !== "%" && !(after.t === "-" && this.toks[next + 1]?.k === "n");
    if (after.k === "n") return false;
    if (this.countedNoun(next)) return false;
    if (
      /^(?:percent|per|million|billion|thousand|trillion|hundred|times|dollars|euros|pounds)$/.test(after.l)
    )
      return false;
    return true;
  }

  /** =2019, > = 2019, < =2019 */
  private symbolYear(i: number): Core | null {
    const t = this.toks[i];
    if (t?.k !== "p" || !/[<>=≥≤]/.test(t.t)) return null;
    const prev = this.toks[i - 1];
    if (prev && prev.k === "p" && /[<>=]/.test(prev.t) && !t.sp) return null;
    let j = i;
    let sym = "";
    while (this.toks[j]?.k === "p" && /[<>=≥≤]/.test(this.toks[j]!.t) && sym.length < 2) {
      sym += this.toks[j]!.t;
      j++;
    }
    if (!/^(?:=|>=|<=|≥|≤)$/.test(sym)) return null;
    const y = this.year4(j);
    if (!y || y.y < 1900 || y.y > 2100) return null;
    const bound: Bound | undefined =
      sym === ">=" || sym === "≥" ? ">=" : sym === "<=" || sym === "≤" ? "<=" : undefined;
    const core: Core = { next: y.next, res: abs({ y: y.y }), relative: false, type: "year" };
    if (bound) core.bound = bound;
    return core;
  }
}

/** Date expressions in one sentence (no document date needed). Sorted, non-overlapping. */
/** The last document's candidates by sentence: the numbers and dates stages both ask for them. */
let memoText: string | null = null;
let memo = new Map<string, readonly DateCandidate[]>();

/**
 * Date expressions in one sentence (no document date needed), sorted and non-overlapping. The result is
 * shared between callers (memoised for the last text): do not change it.
 */
export function findDateCandidates(text: string, range: Range): readonly DateCandidate[] {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
  }
  const key = `${range.start}:${range.end}`;
  const known = memo.get(key);
  if (known) return known;
  const found = DATE_PREFILTER.test(text.slice(range.start, range.end)) ? new Grammar(text, range).run() : [];
  memo.set(key, found);
  return found;
}

// ---------------------------------------------------------------- tense of a clause

const WORD = /[A-Za-z’']+/g;

const CLAUSE_BREAK = /[,;:()"“”«»—–]|\s-\s/;

/**
 * The tense around [start, end) in the sentence: the nearer of a past marker ("were", "intensified") and a
 * future marker ("will", "expected", "next"), looked for first in the clause around the span (between
 * commas, semicolons, dashes, brackets or quotes), then in the whole sentence. Reporting verbs ("said")
 * do not count.
 */
export function clauseTense(text: string, sentence: Range, span: Range): Tense {
  const slice = text.slice(sentence.start, sentence.end);
  const words: Array<{ w: string; at: number; clause: number }> = [];
  let clause = 0;
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    if (CLAUSE_BREAK.test(slice.slice(last, m.index))) clause++;
    last = m.index + m[0].length;
    words.push({ w: m[0].toLowerCase(), at: sentence.start + m.index, clause });
  }
  const own = words.find((x) => x.at >= span.start)?.clause ?? clause;
  const inClause = markers(
    words.filter((x) => x.clause === own),
    span,
  );
  if (inClause !== "none") return inClause;
  return markers(words, span);
}

function markers(words: Array<{ w: string; at: number }>, span: Range): Tense {
  let past = Number.POSITIVE_INFINITY;
  let future = Number.POSITIVE_INFINITY;
  words.forEach(({ w, at }, idx) => {
    if (at >= span.start && at < span.end) return;
    const dist = at < span.start ? span.start - at : at - span.end;
    const prev = words[idx - 1]?.w ?? "";
    if (FUTURE_MARKERS.has(w) || w.endsWith("'ll") || w.endsWith("’ll")) {
      future = Math.min(future, dist);
      return;
    }
    if (w === "said" || w === "says" || w === "told") return;
    const passiveOrPresent = ["is", "are", "am", "be", "been", "being", "will", "to", "'s", "would"].includes(
      prev,
    );
    if (
      PAST_MARKERS.has(w) ||
      (w.length >= 5 && w.endsWith("ed") && !NOT_PAST_ED.has(w) && !passiveOrPresent)
    ) {
      past = Math.min(past, dist);
    }
  });
  if (past === Number.POSITIVE_INFINITY && future === Number.POSITIVE_INFINITY) return "none";
  return past <= future ? "past" : "future";
}

/** The ISO form of a resolved date: "2025", "2025-08", "2025-08-09". */
export function isoDate(c: Cal): string {
  const y = String(c.y).padStart(4, "0");
  if (c.m === undefined) return y;
  const m = String(c.m).padStart(2, "0");
  if (c.d === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(c.d).padStart(2, "0")}`;
}

export function parseYmd(s: string | null): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const c = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validDay(c.y, c.m, c.d) ? c : null;
}
