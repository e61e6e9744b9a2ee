/**
 * A perceptron's weights at run time: an open-addressing hash table (linear probing) from 32-bit
 * feature keys to rows of per-class weights, quantised to Int16 (scores only need their argmax).
 * Only features seen in training are stored; an unknown key scores zero.
 */

export interface WeightTable {
  classes: number;
  /** slot count - 1 (slot count a power of two) */
  mask: number;
  /** slot i holds key slots[2i] (0 = empty) and row slots[2i+1] */
  slots: Int32Array;
  /** rows × classes, row-major */
  weights: Int16Array;
}

/** A table over `keys` (distinct, non-zero) whose row r is weights[r * classes ...]. */
export function buildTable(classes: number, keys: Int32Array, weights: Int16Array): WeightTable {
  let size = 16;
  while (size < keys.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r]!;
    let i = key & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    slots[2 * i] = key;
    slots[2 * i + 1] = r;
  }
  return { classes, mask, slots, weights };
}

/** The row of `key`, or -1. */
export function findRow(t: WeightTable, key: number): number {
  const slots = t.slots;
  let i = key & t.mask;
  for (;;) {
    const k = slots[2 * i]!;
    if (k === key) return slots[2 * i + 1]!;
    if (k === 0) return -1;
    i = (i + 1) & t.mask;
  }
}

/** Adds the rows of keys[0..n) to out[0..classes) (out is not cleared). */
export function addScores(t: WeightTable, keys: Int32Array, n: number, out: Int32Array): void {
  const c = t.classes;
  const w = t.weights;
  for (let f = 0; f < n; f++) {
    const r = findRow(t, keys[f]!);
    if (r < 0) continue;
    const base = r * c;
    for (let k = 0; k < c; k++) out[k]! += w[base + k]!;
  }
}
