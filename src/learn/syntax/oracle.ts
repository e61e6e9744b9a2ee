/**
 * The dynamic oracle of arc-hybrid (Goldberg & Nivre 2013): the cost of a transition is the number
 * of gold arcs it makes unreachable. Exact for projective gold trees, hence the lifting. Arcs are
 * unlabelled here: labels are learnt by the labeller on the arcs whose head is right.
 */
import { LEFT, type ParseState, RIGHT, SHIFT } from "../../stages/syntax/parse-state.js";

export interface Gold {
  /** gold head of word 1..n (index 0: -1) */
  head: Int32Array;
  /** children[d] = gold dependents of word d, ascending */
  children: Int32Array[];
}

export function gold(head: Int32Array): Gold {
  const lists: number[][] = Array.from({ length: head.length }, () => []);
  for (let d = 1; d < head.length; d++) lists[head[d]!]!.push(d);
  return { head, children: lists.map((l) => Int32Array.from(l)) };
}

/** Gold dependents of w still in the buffer (index ≥ b). */
function inBuffer(g: Gold, w: number, b: number): number {
  const c = g.children[w]!;
  let k = 0;
  for (let i = c.length - 1; i >= 0 && c[i]! >= b; i--) k++;
  return k;
}

/** Cost of transition t (which must be valid). */
export function cost(st: ParseState, g: Gold, t: number): number {
  const sp = st.sp;
  const s0 = st.stack[sp - 1]!;
  const b = st.b;
  const gh = g.head;
  if (t === SHIFT) {
    let c = 0;
    const hb = gh[b]!;
    for (let i = 0; i < sp; i++) {
      const k = st.stack[i]!;
      if (i < sp - 1 && hb === k) c++;
      if (gh[k] === b) c++;
    }
    return c;
  }
  const h = gh[s0]!;
  const s1 = st.stack[sp - 2]!;
  if (t === LEFT) return (h !== b && (h === s1 || h > b) ? 1 : 0) + inBuffer(g, s0, b);
  if (t === RIGHT) return (h !== s1 && h >= b ? 1 : 0) + inBuffer(g, s0, b);
  throw new Error(`unknown transition ${t}`);
}
