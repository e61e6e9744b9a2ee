/**
 * Trains the tagger: an averaged perceptron, greedy left to right with its own predicted tags as
 * history, sentences in a seeded shuffled order each epoch. With `twoPass`, each sentence is tagged
 * twice per step: the first table as at run time, then the second table, which also sees the
 * first pass's (current, not averaged) tags of the next two words.
 */
import { finish, step } from "../../stages/syntax/hash.js";
import {
  ambiguityClasses,
  buildTagDictionary,
  type TagDictionary,
} from "../../stages/syntax/tag-dictionary.js";
import { MAX_TAG_FEATURES, type TagContext, tagFeatures } from "../../stages/syntax/tag-features.js";
import { mergePasses, type TaggerModel } from "../../stages/syntax/tagger.js";
import { emptyWordFeatures, wordFeatures } from "../../stages/syntax/word-features.js";
import { seededRandom, shuffle } from "../../random.js";
import { AveragedTable } from "./averaged-table.js";
import { type FrozenTable, freeze } from "./freeze.js";

export interface TaggerTrainOptions {
  epochs: number;
  seed: number;
  /** words seen fewer times than this get no tag-dictionary entry */
  dictMinCount: number;
  twoPass: boolean;
  /** training sees ambiguity classes from a dictionary of the other folds (0: of all sentences) */
  dictFolds: number;
  /** rows touched by fewer updates are dropped */
  minUpdates: number;
  onEpoch?: (epoch: number, accuracy: number) => void;
}

export interface TaggerData {
  forms: string[][];
  /** gold tag ids, one array per sentence */
  tags: Int32Array[];
}

export interface FrozenTagger {
  tags: string[];
  dictKeys: Int32Array;
  dictMasks: Int32Array;
  first: FrozenTable;
  second: FrozenTable | null;
}

/** Ambiguity classes of words seen at least `minCount` times: lower-cased word key → tag-set id. */
export function tagDictionary(
  data: TaggerData,
  minCount: number,
  skip = (_s: number) => false,
): { keys: Int32Array; masks: Int32Array } {
  const seen = new Map<number, { count: number; tags: Set<number> }>();
  const wf = emptyWordFeatures(256);
  data.forms.forEach((forms, s) => {
    if (skip(s)) return;
    wordFeatures(forms, wf);
    for (let i = 0; i < forms.length; i++) {
      const k = wf.lower[i]!;
      let e = seen.get(k);
      if (!e) {
        e = { count: 0, tags: new Set() };
        seen.set(k, e);
      }
      e.count++;
      e.tags.add(data.tags[s]![i]!);
    }
  });
  const kept = [...seen].filter(([, e]) => e.count >= minCount).sort(([a], [b]) => (a >>> 0) - (b >>> 0));
  const masks = kept.map(([, e]) =>
    finish([...e.tags].sort((a, b) => a - b).reduce((h, t) => step(h, t), 0x7a9)),
  );
  return { keys: Int32Array.from(kept, ([k]) => k), masks: Int32Array.from(masks) };
}

export function trainTagger(data: TaggerData, tagNames: string[], o: TaggerTrainOptions): FrozenTagger {
  const classes = tagNames.length;
  const { keys: dictKeys, masks: dictMasks } = tagDictionary(data, o.dictMinCount);
  const dict: TagDictionary = buildTagDictionary(dictKeys, dictMasks);
  // each sentence's ambiguity classes, from the dictionary of the other folds when jackknifing
  const folds = Math.max(1, o.dictFolds);
  const ambs: Int32Array[] = data.forms.map((f) => new Int32Array(f.length));
  const wf0 = emptyWordFeatures(256);
  for (let k = 0; k < folds; k++) {
    const d =
      folds === 1
        ? dict
        : (() => {
            const j = tagDictionary(data, o.dictMinCount, (s) => s % folds === k);
            return buildTagDictionary(j.keys, j.masks);
          })();
    data.forms.forEach((forms, s) => {
      if (s % folds !== k) return;
      wordFeatures(forms, wf0);
      ambiguityClasses(d, wf0.lower, forms.length, ambs[s]!);
    });
  }
  const first = new AveragedTable(classes);
  const second = o.twoPass ? new AveragedTable(classes) : null;
  const wf = emptyWordFeatures(256);
  const ctx: TagContext = {
    wf,
    amb: new Int32Array(256),
    tags: new Int32Array(256),
    first: new Int32Array(256),
    second: false,
  };
  const keys = new Int32Array(MAX_TAG_FEATURES);
  const scores = new Float64Array(classes);
  const random = seededRandom(o.seed);
  const order = data.forms.map((_, i) => i);
  let t = 1;
  const runPass = (table: AveragedTable, gold: Int32Array, n: number): number => {
    let right = 0;
    for (let i = 0; i < n; i++) {
      const nf = tagFeatures(ctx, i, keys);
      scores.fill(0);
      table.score(keys, nf, scores);
      let best = 0;
      for (let k = 1; k < classes; k++) if (scores[k]! > scores[best]!) best = k;
      const g = gold[i]!;
      if (best !== g) {
        table.update(keys, nf, g, 1, t);
        table.update(keys, nf, best, -1, t);
      } else right++;
      ctx.tags[i] = best;
    }
    return right;
  };
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    shuffle(order, random);
    let right = 0;
    let total = 0;
    for (const s of order) {
      const forms = data.forms[s]!;
      const gold = data.tags[s]!;
      const n = forms.length;
      wordFeatures(forms, wf);
      ctx.wf = wf;
      if (ctx.amb.length < n) {
        ctx.amb = new Int32Array(n * 2);
        ctx.tags = new Int32Array(n * 2);
        ctx.first = new Int32Array(n * 2);
      }
      ctx.amb.set(ambs[s]!);
      ctx.second = false;
      const firstRight = runPass(first, gold, n);
      if (second) {
        ctx.first.set(ctx.tags.subarray(0, n));
        ctx.second = true;
        right += runPass(second, gold, n);
      } else right += firstRight;
      total += n;
      t++;
    }
    o.onEpoch?.(epoch, right / total);
  }
  return {
    tags: tagNames,
    dictKeys,
    dictMasks,
    first: freeze(first, t, o.minUpdates),
    second: second ? freeze(second, t, o.minUpdates) : null,
  };
}

export function taggerModel(f: FrozenTagger): TaggerModel {
  return {
    tags: f.tags,
    dict: buildTagDictionary(f.dictKeys, f.dictMasks),
    table: mergePasses(f.first, f.second),
  };
}
