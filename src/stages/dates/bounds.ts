/**
 * Bounds around a date: the bound a phrase after it gives ("2018 or later"), "the end of" inside a bound
 * phrase before it ("by the end of August"), and year comparisons ("year greater than 2012").
 */
import { abs, type Bound, type Core } from "./date-expression.js";
import { SUFFIX_BOUNDS } from "./date-words.js";
import type { DateScanner } from "./scanner.js";

export function withSuffix(
  s: DateScanner,
  core: Core,
  prefixBound: Bound | undefined,
): { core: Core; bound?: Bound } {
  if (core.type === "mask" || !core.res) return { core };
  const bound = prefixBound ?? core.bound;
  if (!bound) {
    const sb = s.phrase(core.next, SUFFIX_BOUNDS);
    if (sb) return { core: { ...core, next: sb.next }, bound: sb.v };
  }
  return bound ? { core, bound } : { core };
}

export function phraseHasEnd(s: DateScanner, i: number, next: number): boolean {
  for (let j = i; j < next; j++) if (s.l(j) === "end") return true;
  return false;
}

/** "year greater than 2012", "year is later than 2015", "later than 2015" after "year" */
export function yearComparison(s: DateScanner, i: number): { core: Core; bound: Bound } | null {
  let j = i;
  if (s.l(i) === "the") return null;
  if (s.l(j) === "year") {
    j++;
    if (s.l(j) === "is") j++;
  } else if (!(s.l(i - 1) === "year" || (s.l(i - 1) === "is" && s.l(i - 2) === "year"))) return null;
  const w = s.l(j);
  let bound: Bound | null = null;
  if (["greater", "later", "more", "bigger", "higher", "after"].includes(w)) bound = ">";
  if (["less", "earlier", "smaller", "lower", "before"].includes(w)) bound = "<";
  if (!bound) return null;
  j++;
  if (s.l(j) === "than") j++;
  const y = s.year4(j);
  if (!y) return null;
  return { core: { next: y.next, res: abs({ y: y.y }), relative: false, type: "year" }, bound };
}
