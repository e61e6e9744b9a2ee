/**
 * The parser's transition features, after Zhang & Nivre (2011) adapted to arc-hybrid: words and
 * tags of s0, s1, s2, b0, b1, b2; their pairs and triples; the leftmost / rightmost children of s0,
 * s1 and b0 (word, tag, label) and the second ones; distances s0–b0 and s1–s0; valencies; the sets
 * of labels of the children. Every feature is one integer key.
 */
import { key1, key2, key3, key4 } from "./hash.js";
import type { ParseState } from "./parse-state.js";
import type { WordFeatures } from "./word-features.js";

/** Words and tags of a sentence, index 0 = the root. */
export interface ParseInput {
  n: number;
  word: Int32Array;
  tag: Int32Array;
}

export const NONE = -7;
export const MAX_PARSE_FEATURES = 96;

export function bucket(d: number): number {
  return d < 5 ? d : d < 7 ? 5 : d < 10 ? 6 : 7;
}

/** values[i], or NONE for a missing position (i < 0) */
export function at(values: Int32Array, i: number): number {
  return i < 0 ? NONE : values[i]!;
}

function child(a: Int32Array, i: number): number {
  return i < 0 ? -1 : a[i]!;
}

export function parseFeatures(st: ParseState, x: ParseInput, out: Int32Array): number {
  const { word, tag } = x;
  const sp = st.sp;
  const s0 = sp >= 1 ? st.stack[sp - 1]! : -1;
  const s1 = sp >= 2 ? st.stack[sp - 2]! : -1;
  const s2 = sp >= 3 ? st.stack[sp - 3]! : -1;
  const b0 = st.b <= st.n ? st.b : -1;
  const b1 = b0 >= 0 && b0 + 1 <= st.n ? b0 + 1 : -1;
  const b2 = b1 >= 0 && b1 + 1 <= st.n ? b1 + 1 : -1;
  const label = st.label;
  const s0w = at(word, s0),
    s0t = at(tag, s0),
    s1w = at(word, s1),
    s1t = at(tag, s1),
    b0w = at(word, b0),
    b0t = at(tag, b0);
  const b1w = at(word, b1),
    b1t = at(tag, b1),
    b2t = at(tag, b2),
    s2t = at(tag, s2);
  const s0l1 = child(st.l1, s0),
    s0r1 = child(st.r1, s0),
    s0l2 = child(st.l2, s0),
    s0r2 = child(st.r2, s0);
  const s1l1 = child(st.l1, s1),
    s1r1 = child(st.r1, s1),
    b0l1 = child(st.l1, b0),
    b0l2 = child(st.l2, b0);
  const d0 = s0 >= 0 && b0 >= 0 ? bucket(b0 - s0) : NONE;
  const d1 = s1 >= 0 ? bucket(s0 - s1) : NONE;
  let k = 0;
  out[k++] = key1(1, s0w);
  out[k++] = key1(2, s0t);
  out[k++] = key2(3, s0w, s0t);
  out[k++] = key1(4, s1w);
  out[k++] = key1(5, s1t);
  out[k++] = key2(6, s1w, s1t);
  out[k++] = key1(7, b0w);
  out[k++] = key1(8, b0t);
  out[k++] = key2(9, b0w, b0t);
  out[k++] = key1(10, b1w);
  out[k++] = key1(11, b1t);
  out[k++] = key2(12, b1w, b1t);
  out[k++] = key1(13, at(word, b2));
  out[k++] = key1(14, b2t);
  out[k++] = key1(15, s2t);
  out[k++] = key1(16, at(word, s2));
  out[k++] = key4(20, s0w, s0t, b0w, b0t);
  out[k++] = key3(21, s0w, s0t, b0w);
  out[k++] = key3(22, s0w, b0w, b0t);
  out[k++] = key3(23, s0w, s0t, b0t);
  out[k++] = key3(24, s0t, b0w, b0t);
  out[k++] = key2(25, s0w, b0w);
  out[k++] = key2(26, s0t, b0t);
  out[k++] = key2(27, b0t, b1t);
  out[k++] = key2(28, s1t, s0t);
  out[k++] = key2(29, s1w, s0w);
  out[k++] = key3(30, s1w, s1t, s0t);
  out[k++] = key3(31, s1t, s0w, s0t);
  out[k++] = key2(32, s1t, b0t);
  out[k++] = key4(33, s1w, s1t, s0w, s0t);
  out[k++] = key3(40, b0t, b1t, b2t);
  out[k++] = key3(41, s0t, b0t, b1t);
  out[k++] = key3(42, s1t, s0t, b0t);
  out[k++] = key3(43, s2t, s1t, s0t);
  out[k++] = key3(44, s0t, at(tag, s0l1), b0t);
  out[k++] = key3(45, s0t, at(tag, s0r1), b0t);
  out[k++] = key3(46, s0t, b0t, at(tag, b0l1));
  out[k++] = key3(47, s1t, at(tag, s1r1), s0t);
  out[k++] = key3(48, s1t, s0t, at(tag, s0l1));
  out[k++] = key3(49, s1t, s0t, at(tag, s0r1));
  out[k++] = key3(39, s1w, s0t, b0t);
  out[k++] = key3(38, s1t, s0w, b0t);
  out[k++] = key3(37, s1t, s0t, b0w);
  out[k++] = key2(50, s0w, d0);
  out[k++] = key2(51, s0t, d0);
  out[k++] = key2(52, b0w, d0);
  out[k++] = key2(53, b0t, d0);
  out[k++] = key3(54, s0w, b0w, d0);
  out[k++] = key3(55, s0t, b0t, d0);
  out[k++] = key3(56, s1t, s0t, d1);
  out[k++] = key3(57, s1w, s0w, d1);
  const nr0 = child(st.nr, s0),
    nl0 = child(st.nl, s0),
    nlb = child(st.nl, b0),
    nr1 = child(st.nr, s1);
  out[k++] = key2(60, s0w, nr0);
  out[k++] = key2(61, s0t, nr0);
  out[k++] = key2(62, s0w, nl0);
  out[k++] = key2(63, s0t, nl0);
  out[k++] = key2(64, b0w, nlb);
  out[k++] = key2(65, b0t, nlb);
  out[k++] = key2(66, s1w, nr1);
  out[k++] = key2(67, s1t, nr1);
  out[k++] = key1(70, at(word, s0l1));
  out[k++] = key1(71, at(tag, s0l1));
  out[k++] = key1(72, at(label, s0l1));
  out[k++] = key1(73, at(word, s0r1));
  out[k++] = key1(74, at(tag, s0r1));
  out[k++] = key1(75, at(label, s0r1));
  out[k++] = key1(76, at(word, b0l1));
  out[k++] = key1(77, at(tag, b0l1));
  out[k++] = key1(78, at(label, b0l1));
  out[k++] = key2(79, at(tag, s1r1), at(label, s1r1));
  out[k++] = key2(80, at(tag, s1l1), at(label, s1l1));
  out[k++] = key2(81, at(word, s1r1), at(label, s1r1));
  out[k++] = key2(82, at(tag, s0l2), at(label, s0l2));
  out[k++] = key2(83, at(tag, s0r2), at(label, s0r2));
  out[k++] = key2(84, at(tag, b0l2), at(label, b0l2));
  out[k++] = key3(86, s0t, at(tag, s0l1), at(tag, s0l2));
  out[k++] = key3(87, s0t, at(tag, s0r1), at(tag, s0r2));
  out[k++] = key3(88, b0t, at(tag, b0l1), at(tag, b0l2));
  const ls0 = s0 >= 0 ? key2(0, st.lsetLo[s0]!, st.lsetHi[s0]!) : NONE;
  const rs0 = s0 >= 0 ? key2(0, st.rsetLo[s0]!, st.rsetHi[s0]!) : NONE;
  const lb0 = b0 >= 0 ? key2(0, st.lsetLo[b0]!, st.lsetHi[b0]!) : NONE;
  const rs1 = s1 >= 0 ? key2(0, st.rsetLo[s1]!, st.rsetHi[s1]!) : NONE;
  out[k++] = key2(90, s0w, ls0);
  out[k++] = key2(91, s0t, ls0);
  out[k++] = key2(92, s0w, rs0);
  out[k++] = key2(93, s0t, rs0);
  out[k++] = key2(94, b0w, lb0);
  out[k++] = key2(95, b0t, lb0);
  out[k++] = key2(96, s1t, rs1);
  out[k++] = key3(97, s0t, ls0, rs0);
  return k;
}

const ROOT_WORD = 0x600d;
const ROOT_TAG = 1000;

/** The parser's input from per-word ids and tags (word i of the sentence is token i + 1). */
export function parseInput(wf: WordFeatures, tags: Int32Array, into?: ParseInput): ParseInput {
  const n = wf.length;
  const x =
    into && into.word.length > n ? into : { n, word: new Int32Array(n + 64), tag: new Int32Array(n + 64) };
  x.n = n;
  x.word[0] = ROOT_WORD;
  x.tag[0] = ROOT_TAG;
  for (let i = 0; i < n; i++) {
    x.word[i + 1] = wf.norm[i]!;
    x.tag[i + 1] = tags[i]!;
  }
  return x;
}
