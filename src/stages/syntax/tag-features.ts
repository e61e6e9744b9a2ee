/**
 * The tagger's features for word i: the word, its affixes, shape and flags, its neighbours ±2, the
 * two previous predicted tags, the tags the training data allowed for the word and its right
 * neighbours (ambiguity classes, from the tag dictionary) and, in the second pass, the first pass's
 * tags of the two words to the right. Each is one integer key (template number + values).
 */
import { key1, key2, key3 } from "./hash.js";
import { AFFIXES, type WordFeatures } from "./word-features.js";

/** Value of a position before the sentence / after it. */
const START = 0x5a17;
const END = 0x5a18;

/** Upper bound of features per word. */
export const MAX_TAG_FEATURES = 48;

export interface TagContext {
  wf: WordFeatures;
  /** ambiguity class of each word (0 = unknown word) */
  amb: Int32Array;
  /** tags predicted so far, and the first pass's tags (used when `second`) */
  tags: Int32Array;
  first: Int32Array;
  second: boolean;
}

function at(values: Int32Array, i: number, n: number): number {
  return i < 0 ? START : i >= n ? END : values[i]!;
}

/** Writes the keys of word i to out and returns how many. */
export function tagFeatures(ctx: TagContext, i: number, out: Int32Array): number {
  const { wf, amb, tags } = ctx;
  const n = wf.length;
  const w = wf.lower[i]!;
  const wm1 = at(wf.lower, i - 1, n);
  const wp1 = at(wf.lower, i + 1, n);
  const p1 = i > 0 ? tags[i - 1]! : -1;
  const p2 = i > 1 ? tags[i - 2]! : -2;
  const a0 = amb[i]!;
  const ap1 = at(amb, i + 1, n);
  let k = 0;
  out[k++] = key1(1, 0);
  out[k++] = key1(2, w);
  out[k++] = key1(3, wf.form[i]!);
  for (let a = 0; a < AFFIXES; a++) {
    out[k++] = key1(4 + a, wf.suffix[i * AFFIXES + a]!);
    out[k++] = key1(8 + a, wf.prefix[i * AFFIXES + a]!);
  }
  out[k++] = key1(12, wf.shape[i]!);
  out[k++] = key2(13, wf.flags[i]!, i === 0 ? 1 : 0);
  out[k++] = key1(14, p1);
  out[k++] = key2(15, p2, p1);
  out[k++] = key2(16, p1, w);
  out[k++] = key1(17, wm1);
  out[k++] = key1(18, at(wf.lower, i - 2, n));
  out[k++] = key1(19, wp1);
  out[k++] = key1(20, at(wf.lower, i + 2, n));
  out[k++] = key1(21, i > 0 ? wf.suffix[(i - 1) * AFFIXES + 2]! : START);
  out[k++] = key1(22, i + 1 < n ? wf.suffix[(i + 1) * AFFIXES + 2]! : END);
  out[k++] = key2(23, wm1, w);
  out[k++] = key2(24, w, wp1);
  out[k++] = key2(25, p1, wp1);
  out[k++] = key1(26, a0);
  out[k++] = key1(27, ap1);
  out[k++] = key1(28, at(amb, i + 2, n));
  out[k++] = key2(29, a0, ap1);
  out[k++] = key2(30, p1, a0);
  out[k++] = key2(31, at(wf.shape, i - 1, n), wf.shape[i]!);
  out[k++] = key2(32, wf.shape[i]!, at(wf.shape, i + 1, n));
  out[k++] = key2(33, p1, wf.suffix[i * AFFIXES + 2]!);
  out[k++] = key3(34, p2, p1, a0);
  out[k++] = key1(35, at(wf.form, i - 1, n));
  out[k++] = key1(36, at(wf.form, i + 1, n));
  out[k++] = key2(37, at(wf.flags, i - 1, n), wf.flags[i]!);
  out[k++] = key2(38, wf.flags[i]!, at(wf.flags, i + 1, n));
  out[k++] = key2(39, wp1, at(wf.lower, i + 2, n));
  out[k++] = key2(46, at(amb, i - 1, n), a0);
  out[k++] = key3(47, p1, w, wp1);
  if (ctx.second) k = rightTagFeatures(ctx, i, out, k);
  return k;
}

/**
 * The second pass's own features of word i (the first pass's tags to the right), written from
 * out[k]; returns the new count.
 */
export function rightTagFeatures(ctx: TagContext, i: number, out: Int32Array, k: number): number {
  const { wf, amb, tags } = ctx;
  const n = wf.length;
  const w = wf.lower[i]!;
  const p1 = i > 0 ? tags[i - 1]! : -1;
  const a0 = amb[i]!;
  const n1 = i + 1 < n ? ctx.first[i + 1]! : -3;
  const n2 = i + 2 < n ? ctx.first[i + 2]! : -3;
  out[k++] = key1(40, n1);
  out[k++] = key2(41, n1, n2);
  out[k++] = key2(42, p1, n1);
  out[k++] = key2(43, n1, w);
  out[k++] = key2(44, n1, wf.suffix[i * AFFIXES + 2]!);
  out[k++] = key3(45, p1, n1, a0);
  return k;
}
