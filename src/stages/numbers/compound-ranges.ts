/** "more than 10 and less than 40", "at most 100 and at least 20": two bounded drafts make a range. */
import type { Draft, View } from "./draft.js";

const COMPOUND_JOIN_RE = /^\s*(?:,\s*)?(?:and|but|,)?\s*(?:yet\s+)?$/i;
const LOWER = new Set([">", ">="]);
const UPPER = new Set(["<", "<="]);

/** "more than 10 and less than 40", "at most 100 and at least 20": two bounds make a range. */
export function compoundRanges(drafts: Draft[], v: View): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const a = drafts[i]!;
    const b = drafts[i + 1];
    if (b && a.bound && b.bound && a.value !== undefined && b.value !== undefined && a.kind === b.kind) {
      const gap = v.slice(a.end, b.start);
      const lowFirst = LOWER.has(a.bound) && UPPER.has(b.bound);
      const highFirst = UPPER.has(a.bound) && LOWER.has(b.bound);
      const low = lowFirst ? a.value : b.value;
      const high = lowFirst ? b.value : a.value;
      if (COMPOUND_JOIN_RE.test(gap) && gap.trim() && (lowFirst || highFirst) && low < high) {
        out.push({ start: a.start, end: b.end, kind: "range", low, high });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
