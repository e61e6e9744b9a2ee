/**
 * The date grammar, shared by the numbers stage (which leaves date spans alone) and the dates stage
 * (which resolves them). `findDateCandidates` finds date expressions in one sentence without looking at
 * the document date; each candidate carries a resolver that turns it into a calendar day, month or year
 * given the document date and the tense of its clause.
 *
 * At each token that can start a date, every rule is tried (day-forms.ts, month-forms.ts, year-forms.ts,
 * weekdays.ts, ordinal-weekdays.ts, relative-offsets.ts, with the bounds of bounds.ts) and the longest
 * reading wins. Conventions: ../../shared/data/numbers/README.md. Expressions that count from another date
 * ("the next day", "three weeks later", "that year") resolve against the date the story named last
 * (anaphora.ts); parts of a month or year ("early 2022") name it; weeks, quarters and halves ("the third
 * quarter of 1984") are recognised so that no number is read inside them, but resolve to nothing.
 */
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import type { Tok } from "../../number-words/tokenize.js";
import type { Range } from "../../schema.js";
import { anaphoricPeriod } from "./anaphora.js";
import { phraseHasEnd, withSuffix, yearComparison } from "./bounds.js";
import { type Bound, type Core, type DateCandidate, type Tense, unresolved } from "./date-expression.js";
import {
  MONTH_MODS,
  MONTHS,
  PARTIAL,
  PERIOD_MODS,
  PREFIX_BOUNDS,
  REL_DAYS,
  WEEKDAY_MODS,
  WEEKDAYS,
} from "./date-words.js";
import { dayMonth, dayOfMonthPhrase, monthDay, numeric, theDay } from "./day-forms.js";
import { monthForms, monthOfYearPhrase, period } from "./month-forms.js";
import { ordinalWeekday } from "./ordinal-weekdays.js";
import { offset, relativeDay, unitNextTo } from "./relative-offsets.js";
import { HOLIDAY_STARTS, holiday } from "./holidays.js";
import { DateScanner } from "./scanner.js";
import { SUB_PERIOD_WHY, subPeriodAfter, subPeriodOf } from "./sub-periods.js";
import { weekdayForms } from "./weekdays.js";
import { symbolYear, yearContextBefore, yearForms } from "./year-forms.js";

/** Words a date expression can start with; any other word is skipped at once. */
const START_WORDS = new Set<string>([
  ...Object.keys(MONTHS),
  ...Object.keys(WEEKDAYS),
  ...Object.keys(REL_DAYS),
  ...[PREFIX_BOUNDS, WEEKDAY_MODS, PERIOD_MODS, MONTH_MODS, PARTIAL].flatMap((t) => [...t.keys()]),
  ...HOLIDAY_STARTS,
  ...Object.keys(NUMBER_WORDS.units),
  ...Object.keys(NUMBER_WORDS.tens),
  ...Object.keys(NUMBER_WORDS.ordinals),
  ...["the", "that", "in", "a", "an", "year", "calendar", "cy", "fy", "fiscal", "financial"],
  ...["more", "greater", "later", "bigger", "higher"],
  ...["after", "less", "earlier", "smaller", "lower", "before", "mid", "early", "late"],
]);

function canStart(t: Tok): boolean {
  if (t.k === "n") return true;
  if (t.k === "p") return /[<>=≥≤'’]/.test(t.t);
  return START_WORDS.has(t.l);
}

/** Cheap test: can this text hold a date at all? (digits, date words, a year in words) */
export const DATE_PREFILTER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw|tmr|yesterday|year|month|week|fortnight|day|ago|cy|fy|fiscal|christmas|xmas|boxing|new\s+year|eve\b|halloween|valentine|patrick|veterans|armistice|thanksgiving|black\s+friday|cyber|labor\s+day|memorial|martin\s+luther|mlk|presidents|columbus|mother|father|easter|good\s+friday|holy|maundy|palm\s+sunday|ash\s+wednesday|pentecost|whit|ascension)|\b(?:thir|four|fif|six|seven|eigh|nine)teen[\s-]+(?:oh|zero|nought|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b|\b(?:in|since|until|till|before|after|by|of)\s+(?:ten|eleven|twelve|twenty|(?:one|two)\s+thousand)\b/i;

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
  const found = DATE_PREFILTER.test(text.slice(range.start, range.end))
    ? scan(new DateScanner(text, range))
    : [];
  memo.set(key, found);
  return found;
}

/** Left to right: the best candidate at each token that can start one, then on after it. */
function scan(s: DateScanner): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = s.toks;
  let i = 0;
  while (i < toks.length) {
    const hit = canStart(toks[i]!) ? candidateAt(s, i) : null;
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
      s.prevEnd = hit.core.next;
      i = hit.core.next;
    } else i++;
  }
  return out;
}

/** The best date expression starting at token i, with its bound. */
function candidateAt(s: DateScanner, i: number): { core: Core; bound?: Bound; tense?: Tense } | null {
  const cands: Array<{ core: Core; bound?: Bound; tense?: Tense }> = [];
  // bound prefixes: "since 2022", "by the end of August", "no later than ..."
  const pb = s.phrase(i, PREFIX_BOUNDS);
  if (pb) {
    const core = expressionAt(s, pb.next, true, pb.v === "<=" && phraseHasEnd(s, i, pb.next));
    if (core && core.type !== "mask") {
      const c: { core: Core; bound?: Bound; tense?: Tense } = withSuffix(s, core, pb.v);
      if (s.l(i) === "since") c.tense = "past";
      cands.push(c);
    } else if (core) cands.push({ core });
  }
  // "more than 2 weeks before today"
  if (s.l(i) === "more" && s.l(i + 1) === "than") {
    const off = offset(s, i + 2, anchorAt);
    if (off?.dir) cands.push({ core: off.core, bound: off.dir > 0 ? ">" : "<" });
  }
  // "year greater than 2012", "year is later than 2015"
  const cmp = yearComparison(s, i);
  if (cmp) cands.push(cmp);
  const core = expressionAt(s, i, yearContextBefore(s, i), false);
  if (core) cands.push(withSuffix(s, core, undefined));
  if (!cands.length) return null;
  let best = cands[0]!;
  for (const c of cands) if (c.core.next > best.core.next) best = c;
  // "the 1988 period", "next year's first quarter": a period of that year
  if (best.core.res && (best.core.type === "year" || best.core.type === "period")) {
    const end = subPeriodAfter(s, best.core.next);
    if (end !== null) return { core: unresolved(end, SUB_PERIOD_WHY, best.core.relative) };
  }
  return best;
}

/** A part of a month or year names the month or year: "early 2022" 2022, "mid-August", "the end of the month". */
function partOf(s: DateScanner, i: number): Core | null {
  const part = s.phrase(i, PARTIAL);
  if (!part) return null;
  let j = part.next;
  if (s.isPunct(j, "-")) j++;
  const core = expressionAt(s, j, true, true);
  if (!core || core.type === "day" || core.type === "weekday") return null;
  if (core.type === "mask") return unresolved(core.next, core.why ?? "part of a period", core.relative);
  return { ...core, type: core.type === "month" ? "month" : "period" };
}

/**
 * A date expression at i. `ctx`: the word before makes a bare year or month a date ("in 2014", "since
 * June"). `afterEnd`: right after "end of", where "the month"/"the year" name the current ones.
 */
function expressionAt(s: DateScanner, i: number, ctx: boolean, afterEnd: boolean): Core | null {
  const options: Array<Core | null> = [
    numeric(s, i),
    relativeDay(s, i),
    offset(s, i, anchorAt)?.core ?? null,
    period(s, i, afterEnd),
    monthForms(s, i, ctx),
    dayMonth(s, i),
    monthDay(s, i),
    weekdayForms(s, i, anchorAt),
    ordinalWeekday(s, i),
    dayOfMonthPhrase(s, i),
    monthOfYearPhrase(s, i),
    yearForms(s, i, ctx),
    symbolYear(s, i),
    theDay(s, i),
    unitNextTo(s, i),
    anaphoricPeriod(s, i, anchorAt),
    partOf(s, i),
    holiday(s, i),
    subPeriodOf(s, i, (sc, k) => expressionAt(sc, k, true, false)),
  ];
  let best: Core | null = null;
  for (const o of options) if (o && (!best || o.next > best.next)) best = o;
  return best;
}

/** what an offset counts from: today, tomorrow, a day date, a weekday */
function anchorAt(s: DateScanner, i: number): Core | null {
  if (s.l(i) === "today" || s.l(i) === "now")
    return { next: i + 1, res: (c) => (c.ref ? { ...c.ref } : null), relative: true, type: "day" };
  const opts = [
    relativeDay(s, i),
    numeric(s, i),
    dayMonth(s, i),
    monthDay(s, i),
    weekdayForms(s, i, anchorAt),
  ];
  let best: Core | null = null;
  for (const o of opts) if (o && o.type === "day" && o.res && (!best || o.next > best.next)) best = o;
  if (best) return best;
  const w = weekdayForms(s, i, anchorAt);
  return w?.res ? w : null;
}
