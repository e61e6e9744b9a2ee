/**
 * Dates relative to the document date or to another date: "today", "the day after tomorrow", "two days
 * ago", "in 3 weeks", "2 weeks from January 15", "three weeks from tomorrow", "in 3 days on Friday", "the
 * year before 2015", "the day after 16 May". Offsets from another event ("three weeks later", "the next
 * day") are recognised and left unresolved.
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import {
  addDays,
  addUnits,
  asDay,
  type Cal,
  shiftMonth,
  type Unit,
  weekdayInSundayWeek,
  type Ymd,
} from "./calendar.js";
import {
  type AnchorRule,
  abs,
  type Core,
  type ResolveCtx,
  type Resolver,
  unresolved,
} from "./date-expression.js";
import { atGrain, bareEnd, fromReference, type Grain, referenceAt } from "./anaphora.js";
import { REL_DAYS } from "./date-words.js";
import { dayMonth, monthDay, numeric } from "./day-forms.js";
import { monthForms } from "./month-forms.js";
import type { DateScanner } from "./scanner.js";

const has = Object.hasOwn;
const UNIT_WORDS: Readonly<Record<string, Unit>> = DATE_WORDS.unitWords as Record<string, Unit>;
/** words before "in N years" that make it a span of time, not a date ("the first time in a decade") */
const SPAN_CUES = new Set(DATE_WORDS.spanCues);
/** hedges before an offset ("about two weeks ago"): it names no single day */
const OFFSET_HEDGES = new Set(DATE_WORDS.offsetHedges);

export function relativeDay(s: DateScanner, i: number): Core | null {
  const w = s.l(i);
  if (has(REL_DAYS, w)) {
    const n = REL_DAYS[w]!;
    return { next: i + 1, res: (c) => (c.ref ? addDays(c.ref, n) : null), relative: true, type: "day" };
  }
  // the day before yesterday, the day after tomorrow
  if (w === "the" && s.l(i + 1) === "day" && (s.l(i + 2) === "before" || s.l(i + 2) === "after")) {
    const rel = s.l(i + 3);
    if (has(REL_DAYS, rel)) {
      const n = REL_DAYS[rel]! + (s.l(i + 2) === "before" ? -1 : 1);
      return { next: i + 4, res: (c) => (c.ref ? addDays(c.ref, n) : null), relative: true, type: "day" };
    }
    // "the day before", "the day after" alone count from the day the story named last
    if (bareEnd(s, i + 3)) {
      const n = s.l(i + 2) === "before" ? -1 : 1;
      return { next: i + 3, res: fromReference("day", n), relative: true, type: "day" };
    }
    return unresolved(i + 3, "relative to another event", true);
  }
  // the next day, the previous day: the day after or before the one the story named last
  if (
    (w === "the" && ["next", "previous", "following"].includes(s.l(i + 1)) && s.l(i + 2) === "day") ||
    (["next", "previous"].includes(w) && s.l(i + 1) === "day")
  ) {
    const next = w === "the" ? i + 3 : i + 2;
    const n = s.l(next - 2) === "previous" ? -1 : 1;
    return { next, res: fromReference("day", n), relative: true, type: "day" };
  }
  return null;
}

/** A count of units: "2 years 1 month 21 days", "a fortnight", "three weeks". */
export interface Duration {
  next: number;
  parts: Array<{ n: number; unit: Unit }>;
  /** a choice of counts ("one or two years", "a year or two", "two to three weeks"): no single date */
  vague?: boolean;
  /** "a week or so": about that long */
  approx?: boolean;
}

/** a count of units: "2 years 1 month 21 days", "a fortnight", "three weeks", "a week or so" */
export function duration(s: DateScanner, i: number): Duration | null {
  const parts: Array<{ n: number; unit: Unit }> = [];
  let vague = false;
  let j = i;
  while (true) {
    let k = j;
    if (parts.length) {
      if (s.isPunct(k, ",")) k++;
      if (s.l(k) === "and") k++;
    }
    const count = s.count(k);
    if (!count) break;
    let at = count.next;
    // "one or two years", "two to three weeks"
    if ((s.l(at) === "or" || s.l(at) === "to") && !parts.length) {
      const other = s.count(at + 1);
      if (other && has(UNIT_WORDS, s.l(other.next))) {
        vague = true;
        at = other.next;
      }
    }
    const business = s.l(at) === "business" || s.l(at) === "working";
    if (business) at++;
    const u = s.l(at).replace(/['’]s$/, "");
    if (!has(UNIT_WORDS, u)) break;
    if (business && UNIT_WORDS[u] !== "day") break;
    parts.push({ n: count.n, unit: business ? "businessday" : UNIT_WORDS[u]! });
    j = at + 1;
  }
  if (!parts.length) return null;
  const d: Duration = { next: j, parts };
  // "a year or two", "a week or so"
  if (s.l(j) === "or") {
    if (s.l(j + 1) === "so") {
      d.approx = true;
      d.next = j + 2;
    } else {
      const other = s.count(j + 1);
      if (other && !has(UNIT_WORDS, s.l(other.next))) {
        vague = true;
        d.next = other.next;
      }
    }
  }
  if (vague) d.vague = true;
  return d;
}

/**
 * What an offset names: a year when it counts years ("two years ago": 2023), a month when it counts
 * months ("five months ago"), else a day ("two days ago", "two weeks ago": weeks are whole days). Calendar
 * months and years are not fixed numbers of days, so no day is made up.
 */
export function offsetGrain(parts: Duration["parts"]): Grain {
  if (parts.every((p) => p.unit === "year" || p.unit === "decade")) return "year";
  if (parts.every((p) => p.unit === "year" || p.unit === "decade" || p.unit === "month")) return "month";
  return "day";
}

/** an offset, then "on WEEKDAY": that weekday in the offset's week ("in 3 days on Friday") */
export function offset(s: DateScanner, i: number, anchorAt: AnchorRule): Offset | null {
  const o = plainOffset(s, i, anchorAt);
  if (!o?.core.res || o.core.type !== "day" || s.l(o.core.next) !== "on") return o;
  const w = s.weekday(o.core.next + 1);
  if (!w || w.plural) return o;
  const res = o.day ?? o.core.res;
  return {
    core: { ...o.core, next: w.next, res: (c) => inWeekOf(res(c), w.wd) },
    dir: o.dir,
  };
}

/** The given weekday in the (Sunday-started) week of a resolved day: "in 3 days on Friday". */
export function inWeekOf(c: Cal | null, wd: number): Cal | null {
  const day = asDay(c);
  return day ? weekdayInSundayWeek(day, wd) : null;
}

/** An offset: its expression, its direction (+1, -1; 0 from another event), and the day it lands on
 * before its grain is applied ("Thursday, two years from now" needs the day). */
export interface Offset {
  core: Core;
  dir: number;
  day?: Resolver;
}

/** "two days ago", "in 3 weeks", "2 weeks from January 15", "three weeks from tomorrow"; dir +1/-1 */
export function plainOffset(s: DateScanner, i: number, anchorAt: AnchorRule): Offset | null {
  let j = i;
  const inForm = s.l(i) === "in";
  if (inForm) j++;
  const dur = duration(s, j);
  if (!dur) return null;
  // thousands of years ago is history, not a calendar date
  if (dur.parts.some((p) => (p.unit === "year" && p.n > 200) || (p.unit === "decade" && p.n > 20)))
    return null;
  // "the first time in a decade", "the highest level in 20 years": a span of time
  if (inForm && spanCueBefore(s, i)) return null;
  const apply = (c: Ymd, sign: number): Ymd => {
    let r = c;
    for (const p of dur.parts) r = addUnits(r, sign * p.n, p.unit);
    return r;
  };
  const grain = offsetGrain(dur.parts);
  // "one or two years ago", "about two weeks ago", "a week or so ago": no single date at that grain
  const approx = dur.approx || OFFSET_HEDGES.has(s.l(i - 1));
  const vague = dur.vague || (approx && grain === "day");
  /** the offset counted from the document date, ending before token `next` (`day`: before the grain) */
  const fromRef = (next: number, sign: number): Offset => ({
    core: vague
      ? unresolved(next, "an approximate offset from the document date", true)
      : {
          next,
          res: (c) => (c.ref ? atGrain(apply(c.ref, sign), grain) : null),
          relative: true,
          type: "day",
        },
    dir: sign,
    day: (c) => (c.ref ? apply(c.ref, sign) : null),
  });
  const after = s.l(dur.next);
  if (inForm) {
    if (after === "of" || after === "to" || s.isPunct(dur.next, "-")) return null;
    let next = dur.next;
    if (after === "time" || after === "’s" || after === "'s") next++;
    if (s.l(next) === "time") next++;
    return fromRef(next, 1);
  }
  if (after === "ago") return fromRef(dur.next + 1, -1);
  // "three days later", "a year earlier", "two weeks after": from the date the story named last
  if (
    after === "later" ||
    after === "earlier" ||
    ((after === "after" || after === "before") && !anchorAt(s, dur.next + 1) && bareEnd(s, dur.next + 1))
  ) {
    const sign = after === "later" || after === "after" ? 1 : -1;
    const next = dur.next + 1;
    if (vague) return { core: unresolved(next, "an approximate offset from another date", true), dir: 0 };
    const res = (c: ResolveCtx) => {
      const r = referenceAt(c, grain);
      return r ? atGrain(apply(r, sign), grain) : null;
    };
    return { core: { next, res, relative: true, type: "day" }, dir: 0 };
  }
  if ((after === "from" || after === "hence") && s.l(dur.next + 1) === "now") return fromRef(dur.next + 2, 1);
  if (after === "hence") return fromRef(dur.next + 1, 1);
  if (after === "from" || after === "after" || after === "before") {
    const anchor = anchorAt(s, dur.next + 1);
    if (!anchor?.res) return null;
    const sign = after === "before" ? -1 : 1;
    const res = anchor.res;
    return {
      core: {
        next: anchor.next,
        res: (c) => {
          const a = asDay(res(c));
          return a ? apply(a, sign) : null;
        },
        relative: anchor.relative,
        type: "day",
      },
      dir: sign,
    };
  }
  return null;
}

export function spanCueBefore(s: DateScanner, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 10; k--) {
    const t = s.toks[k]!;
    if (t.k === "p" && /[.;:!?,]/.test(t.t)) return false;
    if (SPAN_CUES.has(t.l)) return true;
  }
  return false;
}

/** the year before 2015 (2014), the day after 16 May */
export function unitNextTo(s: DateScanner, i: number): Core | null {
  if (s.l(i) !== "the") return null;
  const unit = s.l(i + 1);
  if (!["year", "month", "day"].includes(unit)) return null;
  const dir = s.l(i + 2) === "before" ? -1 : s.l(i + 2) === "after" ? 1 : 0;
  if (!dir) return null;
  const j = i + 3;
  if (unit === "year") {
    const y = s.year4(j);
    return y ? { next: y.next, res: abs({ y: y.y + dir }), relative: false, type: "year" } : null;
  }
  const anchor =
    unit === "day" ? (monthDay(s, j) ?? dayMonth(s, j) ?? numeric(s, j)) : monthForms(s, j, true);
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
      if (unit === "month") return shiftMonth(a.y, a.m, dir);
      return a.d === undefined ? null : addDays({ y: a.y, m: a.m, d: a.d }, dir);
    },
    relative: anchor.relative,
    type: unit === "day" ? "day" : "month",
  };
}
