/** Counted weekdays: "first Sunday", "the second Tuesday of March", "two sundays from now", "3 Fridays later". */
import { parseWordNumber } from "../../number-words/word-numbers.js";
import { addDays, shiftMonth, validDay, weekdayOf } from "./calendar.js";
import { abs, type Core, type Resolver } from "./date-expression.js";
import { MONTH_MODS } from "./date-words.js";
import { yearlessMonth } from "./nearest-occurrence.js";
import type { DateScanner } from "./scanner.js";

/** first Sunday, the second Tuesday of March, two sundays from now */
export function ordinalWeekday(s: DateScanner, i: number): Core | null {
  let j = i;
  if (s.l(j) === "the") j++;
  const o = parseWordNumber(s.toks, j, { ordinal: true });
  const t = s.toks[j];
  let n = 0;
  let next = j;
  if (o?.ordinal && o.value >= 1 && o.value <= 5) {
    n = o.value;
    next = o.next;
  } else if (
    t &&
    t.k === "n" &&
    t.t.length === 1 &&
    /^(st|nd|rd|th)$/.test(s.l(j + 1)) &&
    !s.toks[j + 1]!.sp
  ) {
    n = Number(t.t);
    next = j + 2;
  }
  if (n >= 1 && n <= 5) {
    const w = s.weekday(next);
    if (!w || w.plural) return null;
    const wd = w.wd;
    let end = w.next;
    let monthRes: Resolver = (c) => (c.ref ? { y: c.ref.y, m: c.ref.m } : null);
    let relative = true;
    if (s.l(end) === "of") {
      const pm = s.phrase(end + 1, MONTH_MODS);
      if (pm && s.l(pm.next) === "month") {
        const off = pm.v;
        monthRes = (c) => (c.ref ? shiftMonth(c.ref.y, c.ref.m, off) : null);
        end = pm.next + 1;
      } else {
        const mo = s.month(end + 1, false);
        if (mo) {
          const y = s.yearAfter(mo.next, false);
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
  const cnt = s.count(i);
  if (cnt && cnt.n >= 1 && cnt.n <= 10) {
    const w = s.weekday(cnt.next);
    if (!w) return null;
    const fromNow = s.l(w.next) === "from" && s.l(w.next + 1) === "now";
    const later = s.l(w.next) === "later";
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
