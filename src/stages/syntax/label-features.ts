/**
 * The labeller's features for an arc head → dep that the parser has just chosen (dep = s0, whose
 * subtree is then complete): words and tags of both ends and their pairs, distance, the dependent's
 * outer children (word, tag, label: "by" under an agent, "'s" under a possessor), its label sets,
 * the head's children so far, and the neighbouring tags. Every key also carries the arc direction.
 */
import { key2, key3, key4 } from "./hash.js";
import { at, bucket, NONE, type ParseInput } from "./parse-features.js";
import type { ParseState } from "./parse-state.js";

export const MAX_LABEL_FEATURES = 48;

function inside(values: Int32Array, i: number, n: number): number {
  return i < 0 || i > n ? NONE : values[i]!;
}

export function labelFeatures(
  st: ParseState,
  x: ParseInput,
  dep: number,
  head: number,
  out: Int32Array,
): number {
  const { word, tag, n } = x;
  const label = st.label;
  const dir = dep < head ? 1 : 2;
  const dw = inside(word, dep, n),
    dt = inside(tag, dep, n),
    hw = inside(word, head, n),
    ht = inside(tag, head, n);
  const dl1 = st.l1[dep]!,
    dl2 = st.l2[dep]!,
    dr1 = st.r1[dep]!,
    dr2 = st.r2[dep]!;
  const hl1 = st.l1[head]!,
    hr1 = st.r1[head]!;
  const dist = bucket(Math.abs(head - dep));
  const dls = key2(0, st.lsetLo[dep]!, st.lsetHi[dep]!);
  const drs = key2(0, st.rsetLo[dep]!, st.rsetHi[dep]!);
  const hls = key2(0, st.lsetLo[head]!, st.lsetHi[head]!);
  const hrs = key2(0, st.rsetLo[head]!, st.rsetHi[head]!);
  let k = 0;
  out[k++] = key2(1, dir, dw);
  out[k++] = key2(2, dir, dt);
  out[k++] = key3(3, dir, dw, dt);
  out[k++] = key2(4, dir, hw);
  out[k++] = key2(5, dir, ht);
  out[k++] = key3(6, dir, hw, ht);
  out[k++] = key3(7, dir, dt, ht);
  out[k++] = key3(8, dir, dw, ht);
  out[k++] = key3(9, dir, dt, hw);
  out[k++] = key3(10, dir, dw, hw);
  out[k++] = key4(11, dir, dt, ht, dist);
  out[k++] = key3(12, dir, inside(word, dl1, n), at(label, dl1));
  out[k++] = key3(13, dir, inside(tag, dl1, n), at(label, dl1));
  out[k++] = key4(14, dir, dt, inside(word, dl1, n), ht);
  out[k++] = key3(15, dir, inside(word, dl2, n), at(label, dl2));
  out[k++] = key3(16, dir, inside(word, dr1, n), at(label, dr1));
  out[k++] = key3(17, dir, inside(tag, dr1, n), at(label, dr1));
  out[k++] = key4(18, dir, dt, inside(word, dr1, n), ht);
  out[k++] = key3(19, dir, inside(tag, dr2, n), at(label, dr2));
  out[k++] = key3(20, dir, dt, dls);
  out[k++] = key3(21, dir, dt, drs);
  out[k++] = key4(22, dir, dt, dls, drs);
  out[k++] = key4(23, dir, dt, ht, dls);
  out[k++] = key4(24, dir, dt, ht, drs);
  out[k++] = key3(25, dir, ht, hls);
  out[k++] = key3(26, dir, ht, hrs);
  out[k++] = key4(27, dir, ht, inside(tag, hl1, n), at(label, hl1));
  out[k++] = key4(28, dir, ht, inside(tag, hr1, n), at(label, hr1));
  out[k++] = key3(29, dir, dt, inside(tag, dep - 1, n));
  out[k++] = key3(30, dir, dt, inside(tag, dep + 1, n));
  out[k++] = key3(31, dir, ht, inside(tag, head - 1, n));
  out[k++] = key3(32, dir, ht, inside(tag, head + 1, n));
  out[k++] = key3(33, dir, dt, inside(word, dep - 1, n));
  out[k++] = key4(34, dir, dt, ht, inside(word, dl1, n));
  out[k++] = key4(35, dir, dw, ht, hw);
  out[k++] = key3(36, dir, st.nl[dep]!, st.nr[dep]!);
  out[k++] = key4(37, dir, dt, ht, at(label, hl1));
  return k;
}
