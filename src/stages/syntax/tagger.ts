/**
 * Greedy left-to-right tagging with an averaged perceptron; optionally a second pass that also
 * sees the first pass's tags of the next two words.
 */
import { ambiguityClasses, type TagDictionary } from "./tag-dictionary.js";
import { MAX_TAG_FEATURES, type TagContext, tagFeatures } from "./tag-features.js";
import { addScores, type WeightTable } from "./weight-table.js";
import type { WordFeatures } from "./word-features.js";

export interface TaggerModel {
  /** tag names (the tagger's classes) */
  tags: string[];
  dict: TagDictionary;
  first: WeightTable;
  /** the second pass, or null for one pass */
  second: WeightTable | null;
}

export interface TagScratch {
  ctx: TagContext;
  keys: Int32Array;
  scores: Int32Array;
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
    scores: new Int32Array(classes),
  };
}

function pass(table: WeightTable, s: TagScratch, out: Int32Array): void {
  const { ctx, keys, scores } = s;
  const c = table.classes;
  for (let i = 0; i < ctx.wf.length; i++) {
    const n = tagFeatures(ctx, i, keys);
    scores.fill(0);
    addScores(table, keys, n, scores);
    let best = 0;
    for (let k = 1; k < c; k++) if (scores[k]! > scores[best]!) best = k;
    out[i] = best;
  }
}

/** Tags the words of `s.ctx.wf` into s.ctx.tags (scratch sized for wf). */
export function tagWords(model: TaggerModel, s: TagScratch): Int32Array {
  const ctx = s.ctx;
  ambiguityClasses(model.dict, ctx.wf.lower, ctx.wf.length, ctx.amb);
  ctx.second = false;
  pass(model.first, s, ctx.tags);
  if (model.second) {
    ctx.first.set(ctx.tags.subarray(0, ctx.wf.length));
    ctx.second = true;
    pass(model.second, s, ctx.tags);
  }
  return ctx.tags;
}
