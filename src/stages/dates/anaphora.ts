/**
 * Dates that count from the time the story last named, not from the document date: "that year", "the
 * same day", "the following year", "the previous month", "the next day", "the day before", "three days
 * later", "a year earlier". The reference time is the last date named before the expression that is fine
 * enough for it (the dates stage passes them in as `anchors`) — a day for "the next day", a month or a day
 * for "the following month", any date for "that year" — and otherwise the document date, which is the
 * story's own time when nothing else was named ("compared with $2 million a year earlier").
 * What they name has the grain of their unit: "a year earlier" is a year, "the next day" a day.
 *
 * "the day", "the month", "the year" after a preposition or at the end of a clause ("for the year", "later
 * in the day", "in July … above the mean for the month") name the one the story is in: the last one named,
 * else the document's; "the full year", "the fiscal year", "the current fiscal year" name the current one;
 * "the year ended Sept. 30" names, like "fiscal 1989", the year it ends in.
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { addUnits, type Cal, type Unit, type Ymd } from "./calendar.js";
import { type AnchorRule, type Core, type ResolveCtx, unresolved } from "./date-expression.js";
import type { DateScanner } from "./scanner.js";

export type Grain = "year" | "month" | "day";

/** "following" +1, "previous" -1, "same" 0: the words before day/month/year that count from the anchor */
const ANAPHORIC_MODS: Readonly<Record<string, number>> = DATE_WORDS.anaphoricModifiers;
/** prepositions after which "the year" is the current one ("for the year", "later in the day") */
const CURRENT_PERIOD_AFTER = new Set(DATE_WORDS.currentPeriodAfter);
/** modifiers of "the year" that make it the current one: "the full year", "the fiscal year" */
const CURRENT_PERIOD_MODS = new Set(DATE_WORDS.currentPeriodModifiers);

const GRAIN_OF: Readonly<Record<string, Grain>> = { day: "day", month: "month", year: "year" };

/** The day c at a grain: the year, the month or the day itself. */
export function atGrain(c: Ymd, grain: Grain): Cal {
  if (grain === "year") return { y: c.y };
  if (grain === "month") return { y: c.y, m: c.m };
  return c;
}

/**
 * The time an anaphor of this grain counts from: the last date named at that grain or a finer one, else
 * the document date.
 */
export function referenceAt(c: ResolveCtx, grain: Grain): Ymd | null {
  const a = c.anchors?.[grain];
  if (a) return { y: a.y, m: a.m ?? 1, d: a.d ?? 1 };
  return c.ref;
}

/** n units from the reference time of the grain, at that grain: "the following year", "the day before". */
export function fromReference(grain: Grain, n: number, unit: Unit = grain): (c: ResolveCtx) => Cal | null {
  return (c) => {
    const r = referenceAt(c, grain);
    return r ? atGrain(addUnits(r, n, unit), grain) : null;
  };
}

/** A word that ends a bare "the day before", "the year after": punctuation, the end, or a conjunction. */
export function bareEnd(s: DateScanner, i: number): boolean {
  const t = s.toks[i];
  return !t || (t.k === "p" && t.t !== "'s" && t.t !== "’s") || ["and", "or", "but"].includes(t.l);
}

/**
 * that year, the same day, the following month, the previous year, the next day, the day before, the year
 * after; the year, the full year, the fiscal year (the current one)
 */
export function anaphoricPeriod(s: DateScanner, i: number, dateAt: AnchorRule): Core | null {
  const w = s.l(i);
  if (w === "year") return yearCompound(s, i);
  // that day, that month, that year
  if (w === "that" && GRAIN_OF[s.l(i + 1)] && !s.isPunct(i + 2, "-")) {
    const grain = GRAIN_OF[s.l(i + 1)]!;
    return { next: i + 2, res: fromReference(grain, 0), relative: true, type: "period" };
  }
  if (w !== "the") return null;
  // the same year, the following month, the previous day, the next day
  const mod = s.l(i + 1);
  if (Object.hasOwn(ANAPHORIC_MODS, mod) && GRAIN_OF[s.l(i + 2)]) {
    const grain = GRAIN_OF[s.l(i + 2)]!;
    return { next: i + 3, res: fromReference(grain, ANAPHORIC_MODS[mod]!), relative: true, type: "period" };
  }
  const grain = GRAIN_OF[mod];
  // the day before, the year after (bare: "the day after the vote" counts from an event)
  if (grain && (s.l(i + 2) === "before" || s.l(i + 2) === "after") && bareEnd(s, i + 3)) {
    const n = s.l(i + 2) === "before" ? -1 : 1;
    return { next: i + 3, res: fromReference(grain, n), relative: true, type: "period" };
  }
  // the year (for the year, later in the day, "… the month."), the full year, the fiscal year
  let j = i + 1;
  let modified = false;
  while (CURRENT_PERIOD_MODS.has(s.l(j))) {
    j++;
    modified = true;
  }
  const g = GRAIN_OF[s.l(j)];
  if (!g || (modified && g !== "year")) return null;
  const after = s.l(j + 1);
  if (after === "of" || after === "before" || after === "after" || s.isPunct(j + 1, "-")) return null;
  // "the year ended Sept. 30": a twelve-month year named, like "fiscal 1989", by the year it ends in
  if (g === "year" && (after === "ended" || after === "ending")) {
    const end = dateAt(s, j + 2);
    if (!end?.res || end.type !== "day") return unresolved(j + 1, "a year named by the day it ends", false);
    const endRes = end.res;
    return {
      next: j + 1,
      res: (c) => {
        const e = endRes(c);
        return e ? { y: e.y } : null;
      },
      relative: end.relative,
      type: "period",
    };
  }
  if (s.toks[j + 1]?.k === "n") return null;
  if (s.l(i - 1) === "of") return null;
  const clauseEnd = !s.toks[j + 1] || (s.toks[j + 1]!.k === "p" && !/^['’]s$/.test(s.toks[j + 1]!.t));
  if (!modified && !(CURRENT_PERIOD_AFTER.has(s.l(i - 1)) || clauseEnd)) return null;
  // "the full year", "the fiscal year": the current one; "for the month": the one the story is in
  const res = modified ? (c: ResolveCtx) => (c.ref ? atGrain(c.ref, g) : null) : fromReference(g, 0);
  return { next: j + 1, res, relative: true, type: "period" };
}

/**
 * year-ago, year-earlier (a year before the story's time: "the year-ago results"); year-end, year end,
 * year's end (the end of the year: the current one, or the last one in a past-tense clause or after
 * "since").
 */
function yearCompound(s: DateScanner, i: number): Core | null {
  let k = i + 1;
  if (s.isPunct(k, "-") || s.l(k) === "'s" || s.l(k) === "’s") k++;
  const w = s.l(k);
  if (w === "ago" || w === "earlier") {
    if (s.l(i - 1) === "a" || s.toks[k + 1]?.k === "n") return null;
    // year-ago counts from the document date, year-earlier from the year the story is in
    const res =
      w === "ago" ? (c: ResolveCtx) => (c.ref ? { y: c.ref.y - 1 } : null) : fromReference("year", -1);
    return { next: k + 1, res, relative: true, type: "period" };
  }
  if (w === "end" && s.l(k + 1) !== "of") {
    return {
      next: k + 1,
      res: (c) => (c.ref ? { y: c.ref.y - (c.tense === "past" ? 1 : 0) } : null),
      relative: true,
      type: "period",
    };
  }
  return null;
}
