/**
 * Dates that name a day: numeric dates ("2015-08-12", "Friday 2018-7-6"), day and month in either order
 * with an optional year ("16 May", "the 4th of July 1995", "January 12, 2016", "September the
 * twenty-first"), a day alone after a preposition ("on the 21st"), "the 20th of next month". A range of
 * days ("16-19 May") is recognised and left unresolved.
 */
import { shiftMonth, validDay, ymd } from "./calendar.js";
import { abs, type Core, unresolved } from "./date-expression.js";
import { MONTH_MODS } from "./date-words.js";
import { monthlessDay, yearlessDay } from "./nearest-occurrence.js";
import type { DateScanner } from "./scanner.js";

export function numeric(s: DateScanner, i: number): Core | null {
  const t = s.toks[i];
  if (!t) return null;
  // a weekday before a numeric date: "Friday 2018-7-6"
  const wd = s.weekday(i);
  if (wd) {
    let j = wd.next;
    if (s.isPunct(j, ",")) j++;
    const inner = numeric(s, j);
    if (inner) return inner;
  }
  const h = s.numericAt.get(t.s);
  if (!h) return null;
  if (h.yearless) {
    const { m, d } = h.cal as { m: number; d: number };
    return { next: s.tokenAfter(h.end, i), res: (c) => yearlessDay(m, d, c), relative: true, type: "day" };
  }
  return {
    next: s.tokenAfter(h.end, i),
    res: abs(h.cal),
    relative: false,
    type: h.cal.d ? "day" : "month",
  };
}

/** [the] DAY [.] [of] MONTH [YEAR]: 16 May, the 4th of July 1995, tenth of September, two thousand */
export function dayMonth(s: DateScanner, i: number): Core | null {
  let j = i;
  if (s.l(j) === "the") j++;
  const d = s.day(j);
  if (!d) return null;
  let k = d.next;
  if (s.isPunct(k, ".") && d.digits) k++;
  const viaOf = s.l(k) === "of";
  if (viaOf) k++;
  if (viaOf && !d.ordinal) return null;
  if (j > i && !d.ordinal) return null;
  const range = !viaOf && d.digits ? dayRangeEnd(s, d.next, d.d) : null;
  if (range) {
    const mr = s.month(range, true);
    if (mr) {
      const y = s.yearAfter(mr.next, false);
      return unresolved(y ? y.next : mr.next, "a range of days", false);
    }
  }
  const mo = s.month(k, !viaOf);
  if (!mo) return null;
  if (!d.digits && !d.ordinal && !/^[A-Z]/.test(s.toks[k]!.t)) return null;
  return withYear(s, mo.next, mo.m, d.d, false);
}

/** MONTH [the] DAY [,] [YEAR]: January 12, 2016; September the twenty-first nineteen seventy eight */
export function monthDay(s: DateScanner, i: number): Core | null {
  const strict = s.month(i, true);
  const mo = strict ?? s.month(i, false);
  if (!mo) return null;
  let j = mo.next;
  const viaThe = s.l(j) === "the";
  if (viaThe) j++;
  const d = s.day(j);
  if (!d) return null;
  if (viaThe && !d.ordinal) return null;
  if (!strict) {
    // an ambiguous lower-case month ("may", "march") counts before a day in digits ("jan 3", "march 14")
    // that no quantity follows, or before a year
    const y = s.yearAfter(d.next, false);
    if (!y && (!d.digits || s.quantityFollows(d.next))) return null;
  }
  // "May 15 people": a bare number followed by a counted noun is not a day
  if (d.digits && !d.ordinal && s.countedNoun(d.next)) return null;
  const span = dayRangeEnd(s, d.next, d.d);
  if (span) {
    const y = s.yearAfter(span, false);
    return unresolved(y ? y.next : span, "a range of days", false);
  }
  return withYear(s, d.next, mo.m, d.d, !d.digits && d.ordinal);
}

/** "-19" after a day 16: the token after the second day, or null */
export function dayRangeEnd(s: DateScanner, i: number, first: number): number | null {
  if (!s.isPunct(i, "-–—")) return null;
  let j = i + 1;
  const t = s.toks[j];
  if (t?.k !== "n" || t.t.length > 2) return null;
  const second = Number(t.t);
  if (second <= first || second > 31) return null;
  j++;
  if (/^(st|nd|rd|th)$/.test(s.l(j)) && !s.toks[j]!.sp) j++;
  return j;
}

export function withYear(s: DateScanner, j: number, m: number, d: number, twoDigitsOk: boolean): Core | null {
  const y = s.yearAfter(j, twoDigitsOk);
  if (y) {
    const cal = ymd(y.y, m, d);
    return cal ? { next: y.next, res: abs(cal), relative: false, type: "day" } : null;
  }
  if (!validDay(2000, m, d)) return null;
  return { next: j, res: (c) => yearlessDay(m, d, c), relative: true, type: "day" };
}

/** on the 21st: a day of the month alone, after a preposition */
export function theDay(s: DateScanner, i: number): Core | null {
  if (s.l(i) !== "the") return null;
  const prev = s.l(i - 1);
  if (!["on", "by", "until", "since", "before", "after", "from", "till"].includes(prev)) return null;
  const d = s.day(i + 1);
  if (!d?.ordinal || !d.digits) return null;
  const after = s.toks[d.next];
  if (after && after.k === "w" && after.l !== "and" && after.l !== "or") return null;
  const dd = d.d;
  return { next: d.next, res: (c) => monthlessDay(dd, c), relative: true, type: "day" };
}

/** the 20th of next month, the 15th day of next month, the twenty-sixth day of the month */
export function dayOfMonthPhrase(s: DateScanner, i: number): Core | null {
  let j = i;
  if (s.l(j) === "the") j++;
  const d = s.day(j);
  if (!d?.ordinal) return null;
  let k = d.next;
  if (s.l(k) === "day") k++;
  if (s.l(k) !== "of") return null;
  k++;
  let off: number | null = null;
  const pm = s.phrase(k, MONTH_MODS);
  if (pm && s.l(pm.next) === "month") {
    off = pm.v;
    k = pm.next + 1;
  } else if (s.l(k) === "the" && s.l(k + 1) === "month") {
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
      const r = shiftMonth(c.ref.y, c.ref.m, o);
      return ymd(r.y, r.m, dd);
    },
    relative: true,
    type: "day",
  };
}
