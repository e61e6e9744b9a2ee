/**
 * Training-time weights of an averaged perceptron over integer feature keys: an open-addressing
 * table from key to row, rows of `classes` weights. Averaging uses the usual trick: alongside the
 * weights w keep u = Σ (step × update), and the average after `steps` steps is w − u / steps.
 * A feature gets a row on its first update, so only features that ever mattered are kept.
 */

export class AveragedTable {
  readonly classes: number;
  private mask = 0;
  private slots = new Int32Array(0);
  rows = 0;
  keys = new Int32Array(1024);
  /** how many updates touched each row */
  counts = new Int32Array(1024);
  private w: Float32Array;
  private u: Float64Array;

  constructor(classes: number) {
    this.classes = classes;
    this.w = new Float32Array(1024 * classes);
    this.u = new Float64Array(1024 * classes);
    this.rehash(1 << 16);
  }

  private rehash(size: number): void {
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (let r = 0; r < this.rows; r++) this.place(this.keys[r]!, r);
  }

  private place(key: number, row: number): void {
    let i = key & this.mask;
    while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = row;
  }

  row(key: number): number {
    let i = key & this.mask;
    for (;;) {
      const k = this.slots[2 * i]!;
      if (k === key) return this.slots[2 * i + 1]!;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  private add(key: number): number {
    if (this.rows === this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
      const counts = new Int32Array(keys.length);
      counts.set(this.counts);
      this.counts = counts;
      const w = new Float32Array(keys.length * this.classes);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(keys.length * this.classes);
      u.set(this.u);
      this.u = u;
    }
    const r = this.rows++;
    this.keys[r] = key;
    if (this.rows * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    else this.place(key, r);
    return r;
  }

  /** Adds the current (not averaged) weights of keys[0..n) to out. */
  score(keys: Int32Array, n: number, out: Float64Array): void {
    const c = this.classes;
    for (let f = 0; f < n; f++) {
      const r = this.row(keys[f]!);
      if (r < 0) continue;
      const base = r * c;
      for (let k = 0; k < c; k++) out[k]! += this.w[base + k]!;
    }
  }

  /** w[f][cls] += delta for every key, at training step `step` (counted from 1). */
  update(keys: Int32Array, n: number, cls: number, delta: number, step: number): void {
    const c = this.classes;
    for (let f = 0; f < n; f++) {
      const key = keys[f]!;
      let r = this.row(key);
      if (r < 0) r = this.add(key);
      this.counts[r]!++;
      this.w[r * c + cls]! += delta;
      this.u[r * c + cls]! += step * delta;
    }
  }

  /** The averaged weights after `steps` steps, row-major in row order (rows × classes). */
  averaged(steps: number): Float32Array {
    const out = new Float32Array(this.rows * this.classes);
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / steps;
    return out;
  }
}
