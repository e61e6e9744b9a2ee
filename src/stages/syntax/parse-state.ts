/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the root token 0 at
 * the bottom of the stack. Words are 1..n; the buffer is always the suffix b..n.
 *   SHIFT  moves b0 onto the stack;
 *   LEFT   makes b0 the head of s0 and pops s0;
 *   RIGHT  makes s1 the head of s0 and pops s0.
 * RIGHT onto the root is allowed only once the buffer is empty and the stack is [0, s0], so every
 * parse is a tree with exactly one word attached to the root, and every state has a valid move.
 * A word gets its head when it is popped, so its subtree is then complete.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

export class ParseState {
  n = 0;
  stack: Int32Array;
  /** stack size */
  sp = 0;
  /** front of the buffer (n + 1 when empty) */
  b = 1;
  head: Int32Array;
  label: Int32Array;
  /** leftmost, second leftmost, rightmost and second rightmost child (-1: none) */
  l1: Int32Array;
  l2: Int32Array;
  r1: Int32Array;
  r2: Int32Array;
  /** number of left and right children */
  nl: Int32Array;
  nr: Int32Array;
  /** labels of the left and right children as bit sets (labels 0..31 in lo, 32..63 in hi) */
  lsetLo: Int32Array;
  lsetHi: Int32Array;
  rsetLo: Int32Array;
  rsetHi: Int32Array;

  constructor(capacity = 128) {
    const c = capacity + 1;
    this.stack = new Int32Array(c);
    this.head = new Int32Array(c);
    this.label = new Int32Array(c);
    this.l1 = new Int32Array(c);
    this.l2 = new Int32Array(c);
    this.r1 = new Int32Array(c);
    this.r2 = new Int32Array(c);
    this.nl = new Int32Array(c);
    this.nr = new Int32Array(c);
    this.lsetLo = new Int32Array(c);
    this.lsetHi = new Int32Array(c);
    this.rsetLo = new Int32Array(c);
    this.rsetHi = new Int32Array(c);
  }

  /** Starts a sentence of n words (grows the arrays when needed). */
  static begin(st: ParseState | undefined, n: number): ParseState {
    const s = st && st.stack.length > n ? st : new ParseState(Math.max(n, 2 * (st?.stack.length ?? 64)));
    s.n = n;
    s.sp = 1;
    s.stack[0] = 0;
    s.b = 1;
    const m = n + 1;
    s.head.fill(-1, 0, m);
    s.label.fill(-1, 0, m);
    s.l1.fill(-1, 0, m);
    s.l2.fill(-1, 0, m);
    s.r1.fill(-1, 0, m);
    s.r2.fill(-1, 0, m);
    s.nl.fill(0, 0, m);
    s.nr.fill(0, 0, m);
    s.lsetLo.fill(0, 0, m);
    s.lsetHi.fill(0, 0, m);
    s.rsetLo.fill(0, 0, m);
    s.rsetHi.fill(0, 0, m);
    return s;
  }

  done(): boolean {
    return this.b > this.n && this.sp === 1;
  }

  valid(t: number): boolean {
    if (t === SHIFT) return this.b <= this.n;
    if (t === LEFT) return this.sp >= 2 && this.b <= this.n;
    // RIGHT
    if (this.sp < 2) return false;
    return this.stack[this.sp - 2] !== 0 || (this.b > this.n && this.sp === 2);
  }

  /** Applies transition t; `label` is the arc's label for LEFT and RIGHT. */
  apply(t: number, label: number): void {
    if (t === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const d = this.stack[--this.sp]!;
    const h = t === LEFT ? this.b : this.stack[this.sp - 1]!;
    this.head[d] = h;
    this.label[d] = label;
    const bit = 1 << (label & 31);
    if (d < h) {
      this.nl[h]!++;
      if (label < 32) this.lsetLo[h]! |= bit;
      else this.lsetHi[h]! |= bit;
      if (this.l1[h] === -1 || d < this.l1[h]!) {
        this.l2[h] = this.l1[h]!;
        this.l1[h] = d;
      } else if (this.l2[h] === -1 || d < this.l2[h]!) this.l2[h] = d;
    } else {
      this.nr[h]!++;
      if (label < 32) this.rsetLo[h]! |= bit;
      else this.rsetHi[h]! |= bit;
      if (this.r1[h] === -1 || d > this.r1[h]!) {
        this.r2[h] = this.r1[h]!;
        this.r1[h] = d;
      } else if (this.r2[h] === -1 || d > this.r2[h]!) this.r2[h] = d;
    }
  }
}
