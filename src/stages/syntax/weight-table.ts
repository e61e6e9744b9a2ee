/**
 * A perceptron's weights at run time: an open-addressing hash table (linear probing) from 32-bit
 * feature keys to rows of per-class weights quantised to Int16 (scores only need their argmax).
 * A row sits in its slot beside its key, so a lookup touches one place in memory: slot i is
 * `stride` Int32 words, the key first and then the row as Int16 pairs. Only features kept from
 * training are stored; an unknown key scores zero.
 */

export interface WeightTable {
  classes: number;
  /** slot count - 1 (slot count a power of two) */
  mask: number;
  /** Int32 words per slot: 1 + ceil(classes / 2) */
  stride: number;
  /** keys at slots[i * stride] (0 = empty) */
  slots: Int32Array;
  /** the same memory as Int16: row of slot i from (i * stride + 1) * 2 */
  w16: Int16Array;
}

/** Slot count for n keys: a power of two, at most 70% full. */
export function slotCount(n: number): number {
  let size = 16;
  while (size * 0.7 < n) size *= 2;
  return size;
}

/** A table over `keys` (distinct, non-zero) whose row r is weights[r * classes ...]. */
export function buildTable(classes: number, keys: Int32Array, weights: Int16Array): WeightTable {
  const size = slotCount(keys.length);
  const mask = size - 1;
  const stride = 1 + Math.ceil(classes / 2);
  const slots = new Int32Array(size * stride);
  const w16 = new Int16Array(slots.buffer);
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r]!;
    let i = key & mask;
    while (slots[i * stride] !== 0) i = (i + 1) & mask;
    slots[i * stride] = key;
    const to = (i * stride + 1) * 2;
    const from = r * classes;
    for (let c = 0; c < classes; c++) w16[to + c] = weights[from + c]!;
  }
  return { classes, mask, stride, slots, w16 };
}

/** Adds the rows of keys[0..n) to out[0..classes) (out is not cleared). */
export function addScores(t: WeightTable, keys: Int32Array, n: number, out: Int32Array): void {
  const { classes, mask, stride, slots, w16 } = t;
  for (let f = 0; f < n; f++) {
    const key = keys[f]!;
    let i = key & mask;
    for (;;) {
      const k = slots[i * stride]!;
      if (k === key) {
        const base = (i * stride + 1) * 2;
        for (let c = 0; c < classes; c++) out[c]! += w16[base + c]!;
        break;
      }
      if (k === 0) break;
      i = (i + 1) & mask;
    }
  }
}
