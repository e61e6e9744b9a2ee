/**
 * Makes a tree projective for the oracle by lifting (Nivre & Nilsson 2005, without encoding the
 * lift in the label): while some arc h → d is non-projective (a word between h and d is not
 * dominated by h), the shortest such arc (leftmost on ties) is replaced by head(h) → d. Labels stay
 * as they were. The arc-hybrid parser can only build projective trees, so it learns the lifted
 * attachment for the few words whose gold arc crosses another.
 */

/** heads: CoNLL-U heads of words 1..n at index 1..n (index 0 unused). Returns a new array. */
export function projectivize(heads: Int32Array): Int32Array {
  const h = heads.slice();
  const n = h.length - 1;
  const dominates = (a: number, d: number): boolean => {
    for (let x = d; x > 0; x = h[x]!) if (x === a) return true;
    return a === 0;
  };
  for (;;) {
    let best = -1;
    let bestLen = Number.POSITIVE_INFINITY;
    for (let d = 1; d <= n; d++) {
      const a = h[d]!;
      const lo = Math.min(a, d);
      const hi = Math.max(a, d);
      if (hi - lo >= bestLen) continue;
      for (let k = lo + 1; k < hi; k++) {
        if (!dominates(a, k)) {
          best = d;
          bestLen = hi - lo;
          break;
        }
      }
    }
    if (best < 0) return h;
    h[best] = h[h[best]!]!;
  }
}

/** Whether any arc is non-projective. */
export function isProjective(heads: Int32Array): boolean {
  const p = projectivize(heads);
  return p.every((v, i) => v === heads[i]);
}
