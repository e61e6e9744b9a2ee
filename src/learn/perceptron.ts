/**
 * Trains an averaged multiclass perceptron over string features. Training interns the feature
 * strings to integer ids and keeps dense per-class weight rows; the result is a plain
 * `Map<feature, weights>` that the cues stage scores at run time (src/stages/cues/weights.ts).
 * Deterministic: examples are shuffled with a seeded PRNG and the epoch count is fixed, so the same
 * data gives the same weights.
 */

import { seededRandom, shuffle } from "../random.js";
import { argmax, type Weights } from "../stages/cues/weights.js";

export interface Example {
  features: string[];
  /** class index */
  label: number;
}

export interface TrainOptions {
  classes: number;
  epochs: number;
  seed: number;
  /** features seen in fewer training examples are dropped before training */
  minCount?: number;
  /** per-epoch callback (epoch number, errors) */
  onEpoch?: (epoch: number, errors: number) => void;
}

export function train(examples: Iterable<Example>, options: TrainOptions): Weights {
  const { classes, epochs, seed } = options;
  const minCount = options.minCount ?? 1;
  // intern feature strings as they come, so that the examples are kept as small integer arrays
  const interned = new Map<string, number>();
  let counts = new Int32Array(1 << 16);
  const raw: Array<{ fs: Int32Array; label: number }> = [];
  for (const e of examples) {
    const fs = new Int32Array(e.features.length);
    e.features.forEach((f, k) => {
      let id = interned.get(f);
      if (id === undefined) {
        id = interned.size;
        interned.set(f, id);
        if (id >= counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      counts[id]!++;
      fs[k] = id;
    });
    raw.push({ fs, label: e.label });
  }
  // ids in sorted feature order (kept when frequent enough), so that nothing depends on arrival order
  const remap = new Int32Array(interned.size).fill(-1);
  const names: string[] = [];
  for (const [f, id] of [...interned].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (counts[id]! < minCount) continue;
    remap[id] = names.length;
    names.push(f);
  }
  const data = raw.map((e) => ({ fs: e.fs.map((id) => remap[id]!).filter((id) => id >= 0), label: e.label }));
  const n = names.length;
  const w = new Float64Array(n * classes);
  // u accumulates step * update, so that the average is w - u / step
  const u = new Float64Array(n * classes);
  const random = seededRandom(seed);
  const order = data.map((_, i) => i);
  const s = new Float64Array(classes);
  let step = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    for (const idx of order) {
      const ex = data[idx]!;
      s.fill(0);
      for (const f of ex.fs) for (let c = 0; c < classes; c++) s[c]! += w[f * classes + c]!;
      const guess = argmax(s);
      if (guess !== ex.label) {
        errors++;
        for (const f of ex.fs) {
          w[f * classes + ex.label]! += 1;
          u[f * classes + ex.label]! += step;
          w[f * classes + guess]! -= 1;
          u[f * classes + guess]! -= step;
        }
      }
      step++;
    }
    options.onEpoch?.(epoch, errors);
  }
  const out: Weights = new Map();
  for (let f = 0; f < n; f++) {
    const row = new Float64Array(classes);
    let any = false;
    for (let c = 0; c < classes; c++) {
      const v = w[f * classes + c]! - u[f * classes + c]! / step;
      row[c] = v;
      if (v !== 0) any = true;
    }
    if (any) out.set(names[f]!, row);
  }
  return out;
}

/**
 * Drops features whose largest absolute weight is below `min` (after centring each row, which
 * leaves class differences unchanged) and rounds to `digits` decimals.
 */
export function prune(weights: Weights, min: number, digits: number): Weights {
  const out: Weights = new Map();
  const scale = 10 ** digits;
  for (const f of [...weights.keys()].sort()) {
    const row = weights.get(f)!;
    let mean = 0;
    for (const v of row) mean += v / row.length;
    const centred = Float64Array.from(row, (v) => Math.round((v - mean) * scale) / scale);
    if (Math.max(...centred.map(Math.abs)) < min) continue;
    out.set(f, centred);
  }
  return out;
}
