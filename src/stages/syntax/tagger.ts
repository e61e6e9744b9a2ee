/**
 * Greedy left-to-right tagging with an averaged perceptron, in two passes: the second also sees
 * the first pass's tags of the next two words. Both passes' weights live in one table whose rows
 * hold the first pass's weights and then the second's, so the first pass also sums the second
 * pass's scores of the features they share; the second pass then looks up only its own features,
 * and recomputes a word in full only when its previous tags differ from the first pass's. The
 * result is exactly that of two separate passes, at little more than the cost of one.
 */
import type { ModelTable } from "./model-file.js";
import { ambiguityClasses, type TagDictionary } from "./tag-dictionary.js";
import { MAX_TAG_FEATURES, rightTagFeatures, type TagContext, tagFeatures } from "./tag-features.js";
import { addScores, buildTable, type WeightTable } from "./weight-table.js";
import type { WordFeatures } from "./word-features.js";

export interface TaggerModel {
  /** tag names (the tagger's classes) */
  tags: string[];
  dict: TagDictionary;
  /** rows of tags.length weights (one pass) or 2 × tags.length (first pass, then second) */
  table: WeightTable;
}

/**
 * One table from the two passes' tables (keys ascending as unsigned numbers, as the model file has
 * them): each key's first-pass row, then its second-pass row (zeros where a pass lacks the key).
 */
export function mergePasses(first: ModelTable, second: ModelTable | null): WeightTable {
  if (!second) return buildTable(first.classes, first.keys, first.weights);
  const c = first.classes;
  const a = first.keys;
  const b = second.keys;
  const keys = new Int32Array(a.length + b.length);
  const weights = new Int16Array(keys.length * 2 * c);
  let i = 0;
  let j = 0;
  let r = 0;
  while (i < a.length || j < b.length) {
    const ka = i < a.length ? a[i]! >>> 0 : Number.POSITIVE_INFINITY;
    const kb = j < b.length ? b[j]! >>> 0 : Number.POSITIVE_INFINITY;
    if (ka <= kb) weights.set(first.weights.subarray(i * c, (i + 1) * c), r * 2 * c);
    if (kb <= ka) weights.set(second.weights.subarray(j * c, (j + 1) * c), r * 2 * c + c);
    keys[r++] = (ka <= kb ? a[i++] : b[j++])!;
    if (ka === kb) j++;
  }
  return buildTable(2 * c, keys.subarray(0, r), weights);
}

export interface TagScratch {
  ctx: TagContext;
  keys: Int32Array;
  scores: Int32Array;
  /** second-pass scores of each word's shared features, from the first pass */
  shared: Int32Array;
}

export function tagScratch(wf: WordFeatures, classes: number): TagScratch {
  const cap = wf.form.length;
  return {
    ctx: {
      wf,
      amb: new Int32Array(cap),
      tags: new Int32Array(cap),
      first: new Int32Array(cap),
      second: false,
    },
    keys: new Int32Array(MAX_TAG_FEATURES),
    scores: new Int32Array(2 * classes),
    shared: new Int32Array(cap * classes),
  };
}

function argmax(scores: Int32Array, from: number, c: number): number {
  let best = 0;
  for (let k = 1; k < c; k++) if (scores[from + k]! > scores[from + best]!) best = k;
  return best;
}

/** Tags the words of `s.ctx.wf` into s.ctx.tags (scratch sized for wf). */
export function tagWords(model: TaggerModel, s: TagScratch): Int32Array {
  const { ctx, keys, scores, shared } = s;
  const n = ctx.wf.length;
  const c = model.tags.length;
  const twoPass = model.table.classes === 2 * c;
  ambiguityClasses(model.dict, ctx.wf.lower, n, ctx.amb);
  ctx.second = false;
  for (let i = 0; i < n; i++) {
    const nk = tagFeatures(ctx, i, keys);
    scores.fill(0);
    addScores(model.table, keys, nk, scores);
    ctx.tags[i] = argmax(scores, 0, c);
    if (twoPass) shared.set(scores.subarray(c, 2 * c), i * c);
  }
  if (!twoPass) return ctx.tags;
  ctx.first.set(ctx.tags.subarray(0, n));
  ctx.second = true;
  for (let i = 0; i < n; i++) {
    const same =
      (i < 1 || ctx.tags[i - 1] === ctx.first[i - 1]) && (i < 2 || ctx.tags[i - 2] === ctx.first[i - 2]);
    scores.fill(0);
    if (same) {
      const nk = rightTagFeatures(ctx, i, keys, 0);
      addScores(model.table, keys, nk, scores);
      for (let k = 0; k < c; k++) scores[c + k]! += shared[i * c + k]!;
    } else {
      const nk = tagFeatures(ctx, i, keys);
      addScores(model.table, keys, nk, scores);
    }
    ctx.tags[i] = argmax(scores, c, c);
  }
  return ctx.tags;
}
