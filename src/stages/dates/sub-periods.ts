/**
 * Quarters, halves and other periods of a year: "the third quarter of 1984", "the first two quarters of
 * 1990", "the first nine months of the year", "the 1988 period", "the 1988 second quarter", "next year's
 * first quarter". They name no whole day, month or year, so they resolve to nothing; the grammar claims
 * them so that no number is read inside and their year is not taken for the whole year.
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import { type Core, unresolved } from "./date-expression.js";
import type { DateScanner } from "./scanner.js";

const NOUNS = new Set(DATE_WORDS.subPeriodNouns);
const ORDINALS = new Set(DATE_WORDS.subPeriodOrdinals);

const WHY = "a quarter, half or period of a year";

/** Ordinals and counts before a period noun ("first two", "third-", "latest nine"): the token after them. */
function ordinalsFrom(s: DateScanner, i: number): number {
  let k = i;
  while (true) {
    if (ORDINALS.has(s.l(k))) k++;
    else if (k > i && s.isPunct(k, "-") && !s.toks[k]!.sp) k++;
    else if (k > i) {
      const c = s.count(k);
      if (!c || c.next === k) break;
      k = c.next;
    } else break;
  }
  return k;
}

/** the third quarter of 1984, the first two quarters of next year, the first nine months of the year */
export function subPeriodOf(
  s: DateScanner,
  i: number,
  yearAt: (s: DateScanner, i: number) => Core | null,
): Core | null {
  const j = s.l(i) === "the" ? i + 1 : i;
  const k = ordinalsFrom(s, j);
  if (k === j) return null;
  const noun = s.l(k);
  if (!NOUNS.has(noun) && noun !== "months") return null;
  const of = s.l(k + 1);
  if (of !== "of" && of !== "in") return null;
  const y = yearAt(s, k + 2);
  if (!y || (y.type !== "year" && y.type !== "period")) return null;
  return unresolved(y.next, WHY, y.relative);
}

/** After a year expression ("the 1988", "next year's"): an ordinal and a period noun, or null. */
export function subPeriodAfter(s: DateScanner, next: number): number | null {
  let k = next;
  if (s.l(k) === "'s" || s.l(k) === "’s") k++;
  k = ordinalsFrom(s, k);
  return NOUNS.has(s.l(k)) ? k + 1 : null;
}

export { WHY as SUB_PERIOD_WHY };
