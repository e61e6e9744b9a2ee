/**
 * Named days: "Christmas", "Boxing Day", "New Year's Day", "Thanksgiving", "Good Friday", "Labor Day",
 * with a year ("Christmas 2013", "Thanksgiving of 2014"), a modifier ("last Christmas", "next
 * Thanksgiving") or neither (the occurrence the clause's tense points to, like a day and month without a
 * year). How each is found in a year is language data (lexicons/date-words.json `holidays`): a fixed day,
 * the nth weekday of a month, or days from Easter Sunday.
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { addDays, type Cal, type Ymd, weekdayOf } from "./calendar.js";
import { abs, type Core } from "./date-expression.js";
import { MONTH_MODS } from "./date-words.js";
import { occurrenceByTense } from "./nearest-occurrence.js";
import type { DateScanner } from "./scanner.js";

interface HolidayRule {
  month?: number;
  day?: number;
  /** 0 = Sunday */
  weekday?: number;
  /** the nth weekday of the month; -1 the last */
  nth?: number;
  /** days after the nth weekday (Black Friday: Thanksgiving + 1) */
  plus?: number;
  /** days from Easter Sunday */
  easter?: number;
}

/** holiday names as token sequences ("new year 's day"), longest first, by first word */
const RULES = new Map<string, Array<{ words: string[]; rule: HolidayRule }>>();
for (const [name, rule] of Object.entries(DATE_WORDS.holidays as Record<string, HolidayRule>)) {
  const words = name.replace(/'s\b/g, " 's").replace(/\./g, " .").split(/\s+/);
  const list = RULES.get(words[0]!) ?? [];
  list.push({ words, rule });
  list.sort((a, b) => b.words.length - a.words.length);
  RULES.set(words[0]!, list);
}

/** The first words of holiday names, for the grammar's start words. */
export const HOLIDAY_STARTS: readonly string[] = [...RULES.keys()];

/** Easter Sunday of year y (the Gregorian computus). */
function easterSunday(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The day a rule names in year y. */
export function holidayIn(rule: HolidayRule, y: number): Cal | null {
  if (rule.easter !== undefined) return addDays(easterSunday(y), rule.easter);
  if (rule.month === undefined) return null;
  if (rule.day !== undefined) return { y, m: rule.month, d: rule.day };
  if (rule.weekday === undefined || rule.nth === undefined) return null;
  let day: Ymd;
  if (rule.nth > 0) {
    const first = { y, m: rule.month, d: 1 };
    day = addDays(first, ((rule.weekday - weekdayOf(first) + 7) % 7) + 7 * (rule.nth - 1));
  } else {
    const last = addDays(
      { y: rule.month === 12 ? y + 1 : y, m: rule.month === 12 ? 1 : rule.month + 1, d: 1 },
      -1,
    );
    day = addDays(last, -((weekdayOf(last) - rule.weekday + 7) % 7));
  }
  return rule.plus ? addDays(day, rule.plus) : day;
}

function matchName(s: DateScanner, i: number): { next: number; rule: HolidayRule } | null {
  const list = RULES.get(s.l(i));
  if (!list) return null;
  for (const { words, rule } of list) {
    let j = i;
    let ok = true;
    for (const w of words) {
      if (s.l(j).replace("’", "'") !== w) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) return { next: j, rule };
  }
  return null;
}

/** Christmas, last Christmas, Thanksgiving 2014, Good Friday */
export function holiday(s: DateScanner, i: number): Core | null {
  const mod = s.phrase(i, MONTH_MODS);
  const h = matchName(s, mod ? mod.next : i);
  if (!h) return null;
  const rule = h.rule;
  if (!mod) {
    const y = s.yearAfter(h.next, false);
    if (y) {
      const cal = holidayIn(rule, y.y);
      return cal ? { next: y.next, res: abs(cal), relative: false, type: "day" } : null;
    }
  }
  const dir = mod ? Math.sign(mod.v) : null;
  return {
    next: h.next,
    res: (c) => {
      if (!c.ref) return null;
      const ref = c.ref;
      if (dir === 0) return holidayIn(rule, ref.y);
      if (dir === null) return occurrenceByTense((y) => holidayIn(rule, y), c);
      // next: the first one after the document date; last: the last one before it
      const years = dir > 0 ? [ref.y, ref.y + 1] : [ref.y, ref.y - 1];
      for (const y of years) {
        const d = holidayIn(rule, y);
        if (!d || d.m === undefined || d.d === undefined) continue;
        const cmp = d.m * 100 + d.d - (ref.m * 100 + ref.d);
        if (dir > 0 ? y > ref.y || cmp > 0 : y < ref.y || cmp < 0) return d;
      }
      return null;
    },
    relative: true,
    type: "day",
  };
}
