/** Calendar arithmetic in UTC, with no clock: days, months, weekdays (0 = Sunday), ISO forms. */

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

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday */
export function weekdayOf(c: Ymd): number {
  return (((dayNumber(c) + 4) % 7) + 7) % 7;
}

export function addDays(c: Ymd, n: number): Ymd {
  return fromDayNumber(dayNumber(c) + n);
}

export function addMonths(c: Ymd, n: number): Ymd {
  const total = c.y * 12 + (c.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(c.d, daysInMonth(y, m)) };
}

export type Unit = "day" | "businessday" | "week" | "fortnight" | "month" | "year" | "decade";

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

export function addUnits(c: Ymd, n: number, unit: Unit): Ymd {
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
export function weekdayInWeek(c: Ymd, wd: number, weeks: number): Ymd {
  return addDays(mondayOf(c), 7 * weeks + ((wd + 6) % 7));
}

/** The given weekday in the Sunday-started week holding c ("Monday two weeks from now"). */
export function weekdayInSundayWeek(c: Ymd, wd: number): Ymd {
  return addDays(c, wd - weekdayOf(c));
}

/** A two-digit year: 00-39 are 2000-2039, 40-99 are 1940-1999. */
export function twoDigitYear(yy: number): number {
  return yy < 40 ? 2000 + yy : 1900 + yy;
}

/** The day, or null when there is no such day (30 February). */
export function ymd(y: number, m: number, d: number): Cal | null {
  return validDay(y, m, d) ? { y, m, d } : null;
}

/** The month `n` months after the month of y-m: "next month", "the month before". */
export function shiftMonth(y: number, m: number, n: number): { y: number; m: number } {
  const r = addMonths({ y, m, d: 1 }, n);
  return { y: r.y, m: r.m };
}

/** The day a resolved date names, or null when it names only a month or a year. */
export function asDay(c: Cal | null): Ymd | null {
  if (!c || c.m === undefined || c.d === undefined) return null;
  return { y: c.y, m: c.m, d: c.d };
}

/** The ISO form of a resolved date: "2025", "2025-08", "2025-08-09". */
export function isoDate(c: Cal): string {
  const y = String(c.y).padStart(4, "0");
  if (c.m === undefined) return y;
  const m = String(c.m).padStart(2, "0");
  if (c.d === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(c.d).padStart(2, "0")}`;
}
