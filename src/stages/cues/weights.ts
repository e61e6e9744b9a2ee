/** The run-time half of the averaged perceptron (trained by src/learn/perceptron.ts): scoring. */

export type Weights = Map<string, Float64Array>;

/** Scores of every class for a feature list; unknown features count zero. */
export function scores(weights: Weights, features: readonly string[], classes: number): Float64Array {
  const out = new Float64Array(classes);
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    for (let c = 0; c < classes; c++) out[c]! += w[c]!;
  }
  return out;
}

/** Index of the highest score; ties go to the lower index. */
export function argmax(s: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
  return best;
}
