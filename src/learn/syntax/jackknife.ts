/**
 * Predicted tags for the training sentences themselves, as the parser will see them at run time:
 * the sentences are split into `folds` (sentence i in fold i mod folds) and each fold is tagged by
 * a tagger trained on the other folds.
 */
import { tagScratch, tagWords } from "../../stages/syntax/tagger.js";
import { emptyWordFeatures, wordFeatures } from "../../stages/syntax/word-features.js";
import { type TaggerData, type TaggerTrainOptions, taggerModel, trainTagger } from "./train-tagger.js";

export function jackknifeTags(
  data: TaggerData,
  tagNames: string[],
  folds: number,
  o: TaggerTrainOptions,
): Int32Array[] {
  const out: Int32Array[] = data.forms.map((f) => new Int32Array(f.length));
  for (let k = 0; k < folds; k++) {
    const keep = (_: unknown, s: number) => s % folds !== k;
    const part: TaggerData = { forms: data.forms.filter(keep), tags: data.tags.filter(keep) };
    const model = taggerModel(trainTagger(part, tagNames, { ...o, onEpoch: undefined }));
    const wf = emptyWordFeatures(256);
    data.forms.forEach((forms, s) => {
      if (s % folds !== k) return;
      wordFeatures(forms, wf);
      const tags = tagWords(model, tagScratch(wf, tagNames.length));
      out[s]!.set(tags.subarray(0, forms.length));
    });
  }
  return out;
}
