/** UPOS accuracy, UAS and LAS (universal relation, punctuation included) as the shared scorer counts them. */
import type { SentenceParse } from "../../stages/syntax/parse-words.js";
import type { TreebankSentence } from "./treebank.js";

export function scoreParses(gold: readonly TreebankSentence[], parse: (forms: string[]) => SentenceParse) {
  let n = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  for (const s of gold) {
    const p = parse(s.forms);
    for (let i = 0; i < s.forms.length; i++) {
      n++;
      if (p.upos[i] === s.upos[i]) upos++;
      if (p.head[i] === s.head[i]) {
        uas++;
        if (p.deprel[i]!.split(":")[0] === s.deprel[i]!.split(":")[0]) las++;
      }
    }
  }
  return { words: n, upos: (100 * upos) / n, uas: (100 * uas) / n, las: (100 * las) / n };
}
