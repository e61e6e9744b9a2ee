/**
 * Turns training weights into the run-time form: averaged, quantised to Int16 with one scale per
 * table; rows touched by fewer than `minUpdates` updates, or whose weights all round to zero, are
 * dropped (rare features cost memory and lookups and barely change decisions); rows are sorted by
 * key (as unsigned) so that the model file stores the keys as small deltas.
 */
import type { AveragedTable } from "./averaged-table.js";

export interface FrozenTable {
  classes: number;
  keys: Int32Array;
  weights: Int16Array;
}

export function freeze(t: AveragedTable, steps: number, minUpdates = 1): FrozenTable {
  const c = t.classes;
  const avg = t.averaged(steps);
  let max = 0;
  for (let i = 0; i < avg.length; i++) max = Math.max(max, Math.abs(avg[i]!));
  const scale = max > 0 ? 32767 / max : 1;
  const kept: number[] = [];
  for (let r = 0; r < t.rows; r++) {
    if (t.counts[r]! < minUpdates) continue;
    let big = false;
    for (let k = 0; k < c && !big; k++) big = Math.round(avg[r * c + k]! * scale) !== 0;
    if (big) kept.push(r);
  }
  kept.sort((a, b) => (t.keys[a]! >>> 0) - (t.keys[b]! >>> 0));
  const keys = new Int32Array(kept.length);
  const weights = new Int16Array(kept.length * c);
  kept.forEach((r, i) => {
    keys[i] = t.keys[r]!;
    for (let k = 0; k < c; k++) weights[i * c + k] = Math.round(avg[r * c + k]! * scale);
  });
  return { classes: c, keys, weights };
}
