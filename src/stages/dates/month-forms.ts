/**
 * Dates that name a month or a year relative to the document date: "June 2016", "2016 June", "June of
 * 1992", "this September", "June next year", "in June", "the third month of 2021", "this month", "next
 * year", "the year after next".
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { fromReference } from "./anaphora.js";
import { shiftMonth } from "./calendar.js";
import { abs, type Core, unresolved } from "./date-expression.js";
import { MONTH_MODS, PERIOD_MODS } from "./date-words.js";
import { yearlessMonth } from "./nearest-occurrence.js";
import type { DateScanner } from "./scanner.js";

const MONTH_CONTEXT = new Set(DATE_WORDS.monthContext);

/** month-level forms: June 2016, 2016 June, June of 1992, this September, June next year, in June */
export function monthForms(s: DateScanner, i: number, ctx: boolean): Core | null {
  // this/next/last MONTH: this year's; the first one after the document's month; the last one before it
  // ("last June" in October is the June just gone)
  const mod = s.phrase(i, MONTH_MODS);
  if (mod) {
    const mo = s.month(mod.next, true);
    if (mo && !s.day(mo.next)) {
      const dir = Math.sign(mod.v);
      return {
        next: mo.next,
        res: (c) => {
          if (!c.ref) return null;
          const { y, m } = c.ref;
          if (dir > 0) return { y: mo.m > m ? y : y + 1, m: mo.m };
          if (dir < 0) return { y: mo.m < m ? y : y - 1, m: mo.m };
          return { y, m: mo.m };
        },
        relative: true,
        type: "month",
      };
    }
  }
  // YYYY [,] MONTH
  const y0 = s.year4(i);
  if (y0) {
    let j = y0.next;
    if (s.isPunct(j, ",")) j++;
    // strict: "in 2016 may be" is not May 2016
    const mo = s.month(j, true);
    if (mo && !s.day(mo.next))
      return { next: mo.next, res: abs({ y: y0.y, m: mo.m }), relative: false, type: "month" };
  }
  const mo = s.month(i, true) ?? s.month(i, false);
  if (!mo) return null;
  const strictOk = !!s.month(i, true);
  // MONTH [,] [of] YEAR
  const y = s.yearAfter(mo.next, false);
  // a lower-case "may" before a year is still the verb ("we may 2030"): other months are fine
  if (y && (strictOk || s.toks[i]!.l !== "may"))
    return { next: y.next, res: abs({ y: y.y, m: mo.m }), relative: false, type: "month" };
  // MONTH [of] next/last/this year
  const py = s.phrase(s.l(mo.next) === "of" ? mo.next + 1 : mo.next, MONTH_MODS);
  if (py && s.l(py.next) === "year" && strictOk) {
    const off = py.v;
    return {
      next: py.next + 1,
      res: (c) => (c.ref ? { y: c.ref.y + off, m: mo.m } : null),
      relative: true,
      type: "month",
    };
  }
  // a bare month after a context word: "in June", "since December"
  if (strictOk && (ctx || monthContextBefore(s, i)) && !s.day(mo.next)) {
    return { next: mo.next, res: (c) => yearlessMonth(mo.m, c), relative: true, type: "month" };
  }
  return null;
}

/** Is the token before i a word after which a bare month reads as a date ("in June", "since December")? */
function monthContextBefore(s: DateScanner, i: number): boolean {
  return s.contextBefore(i, MONTH_CONTEXT, ["and", "or", "to"]);
}

/** the third month of 2021, the 9th month of next year */
export function monthOfYearPhrase(s: DateScanner, i: number): Core | null {
  let j = i;
  if (s.l(j) === "the") j++;
  const d = s.day(j);
  if (!d?.ordinal || d.d > 12) return null;
  if (s.l(d.next) !== "month" || s.l(d.next + 1) !== "of") return null;
  const k = d.next + 2;
  const m = d.d;
  const y = s.year4(k);
  if (y) return { next: y.next, res: abs({ y: y.y, m }), relative: false, type: "month" };
  const pm = s.phrase(k, MONTH_MODS);
  if (pm && s.l(pm.next) === "year") {
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

/** this month, next year, last year, earlier this month, the year after next */
export function period(s: DateScanner, i: number, afterEnd: boolean): Core | null {
  let j = i;
  let calendar = false;
  const mod = s.phrase(i, PERIOD_MODS);
  let offset: number | null = null;
  if (mod) {
    offset = mod.v;
    j = mod.next;
  } else if (afterEnd && s.l(i) === "the") {
    offset = 0;
    j = i + 1;
  } else if (
    s.l(i) === "the" &&
    (s.l(i + 1) === "month" || s.l(i + 1) === "year") &&
    s.l(i + 2) === "after" &&
    (s.l(i + 3) === "next" || (s.l(i + 3) === "the" && s.l(i + 4) === "next"))
  ) {
    // "the year after next"
    j = i + 1;
    offset = 0;
  }
  if (offset === null) return null;
  if (s.l(j) === "calendar") {
    calendar = true;
    j++;
  }
  const unit = s.l(j);
  if (unit === "week" || unit === "weekend") return unresolved(j + 1, "a week", true);
  if (unit !== "month" && unit !== "year") return null;
  let next = j + 1;
  // "the year after next", "the month after the next"
  if (
    s.l(next) === "after" &&
    (s.l(next + 1) === "next" || (s.l(next + 1) === "the" && s.l(next + 2) === "next"))
  ) {
    offset = (offset || 0) + 2;
    next += s.l(next + 1) === "next" ? 2 : 3;
  } else if (mod) {
    const words = s.toks
      .slice(i, mod.next)
      .map((t) => t.l)
      .join(" ");
    // "the following year", "the next month", "the previous year": from the date the story named last
    if (/^(?:the )?(?:following|next|previous)$|^previous$/.test(words) && words !== "next") {
      if (calendar) return null;
      return { next, res: fromReference(unit, offset), relative: true, type: "period" };
    }
  }
  if (calendar && unit !== "year") return null;
  const off = offset;
  if (unit === "month")
    return {
      next,
      res: (c) => {
        return c.ref ? shiftMonth(c.ref.y, c.ref.m, off) : null;
      },
      relative: true,
      type: "period",
    };
  return { next, res: (c) => (c.ref ? { y: c.ref.y + off } : null), relative: true, type: "period" };
}
