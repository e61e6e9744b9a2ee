/**
 * Weekdays: "Monday", "next Sunday", "last Wednesday", "Friday of next week", "next week Sunday",
 * "Monday two weeks from now", "monday january 12th, 2016", "Thursday the 21st". Recurring ("Mondays",
 * "every Friday") and named ("Good Friday") weekdays are recognised and left unresolved.
 *
 * Weeks start on Monday ("next Sunday" is the Sunday of next week); a bare weekday is the most recent one
 * on or before the document date, the coming one in a future-tense clause.
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { looksPlural } from "../../number-words/plural-nouns.js";
import { addDays, weekdayInWeek, weekdayOf } from "./calendar.js";
import { type AnchorRule, type Core, type Resolver, unresolved } from "./date-expression.js";
import { PERIOD_MODS, WEEKDAY_MODS } from "./date-words.js";
import { dayMonth, monthDay } from "./day-forms.js";
import { monthlessDay, yearlessDay } from "./nearest-occurrence.js";
import { inWeekOf, plainOffset } from "./relative-offsets.js";
import type { DateScanner } from "./scanner.js";

const HOLIDAY_WORDS = new Set(DATE_WORDS.holidayWords);
/** words after "the Monday" that make it a weekday of another week, not a day named by its noun */
const NOT_MODIFIED = new Set(["of", "after", "before", "following", "and", "or", "in", "to", "that", "when"]);

export function weekdayForms(s: DateScanner, i: number, anchorAt: AnchorRule): Core | null {
  let j = i;
  const mod = s.phrase(i, WEEKDAY_MODS);
  // MOD week [-|,|on] WEEKDAY: next week Sunday, previous week - Monday
  const wkMod = s.phrase(i, PERIOD_MODS);
  if (wkMod && s.l(wkMod.next) === "week") {
    let k = wkMod.next + 1;
    if (s.isPunct(k, "-,")) k++;
    if (s.l(k) === "on") k++;
    const w = s.weekday(k);
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
  const w = s.weekday(j);
  if (!w) return null;
  const prev = s.toks[i - 1];
  if (!mod && prev && HOLIDAY_WORDS.has(prev.l) && /^[A-Z]/.test(prev.t))
    return unresolved(w.next, "a named holiday", false);
  if (w.plural) return unresolved(w.next, "a recurring weekday", false);
  // "every Monday", "a Monday meeting", "the Sunday hours"; but "the Tuesday deadline" is that day
  const modifies =
    s.toks[w.next]?.k === "w" &&
    /^[a-z]/.test(s.toks[w.next]!.t) &&
    !NOT_MODIFIED.has(s.l(w.next)) &&
    !looksPlural(s.l(w.next));
  if (!mod && (["a", "an", "every", "each"].includes(s.l(i - 1)) || (s.l(i - 1) === "the" && !modifies)))
    return unresolved(w.next, "a weekday as a modifier or a recurring weekday", false);
  const wd = w.wd;
  // WEEKDAY [of] [the] (this|next|last|following) week
  {
    let k = w.next;
    if (s.l(k) === "of") k++;
    const wm = s.phrase(k, PERIOD_MODS);
    if (wm && s.l(wm.next) === "week" && !mod) {
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
    if (s.isPunct(k, ",")) k++;
    // WEEKDAY [,] offset: Monday two weeks from now, Saturday 3 days from now
    const off = plainOffset(s, k, anchorAt);
    if (off?.core.res && off.core.type === "day" && off.dir > 0) {
      const res = off.day ?? off.core.res;
      return {
        next: off.core.next,
        res: (c) => inWeekOf(res(c), wd),
        relative: off.core.relative,
        type: "day",
      };
    }
    // WEEKDAY [,] absolute date: monday january 12th, 2016
    const inner = monthDay(s, k) ?? dayMonth(s, k);
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
    if (s.l(w.next) === "the") {
      const d = s.day(w.next + 1);
      if (d) {
        const dd = d.d;
        return { next: d.next, res: (c) => monthlessDay(dd, c, wd), relative: true, type: "day" };
      }
    }
    // WEEKDAY DAY: Monday 21
    const d = s.day(w.next);
    if (d?.digits && !s.toks[w.next + (d.ordinal ? 2 : 1)]?.k?.startsWith("w")) {
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
