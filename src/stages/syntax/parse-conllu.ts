/**
 * Parses pretokenised CoNLL-U: keeps every sentence's comments, ids, forms and MISC, and fills in
 * our UPOS, HEAD and DEPREL; LEMMA, XPOS, FEATS and DEPS become "_" (we do not predict them).
 * Multiword-token ranges and empty nodes are kept as they were.
 */
import {
  column,
  DEPREL,
  DEPS,
  FEATS,
  FORM,
  HEAD,
  LEMMA,
  readConllu,
  UPOS,
  writeConllu,
  XPOS,
} from "./conllu.js";
import { SentenceParser } from "./parse-words.js";

export function parseConllu(text: string, parser: SentenceParser = new SentenceParser()): string {
  const sentences = readConllu(text);
  for (const s of sentences) {
    if (s.words.length === 0) continue;
    const r = parser.parse(column(s, FORM));
    s.words.forEach((row, i) => {
      const cols = s.rows[row]!;
      cols[LEMMA] = "_";
      cols[UPOS] = r.upos[i]!;
      cols[XPOS] = "_";
      cols[FEATS] = "_";
      cols[HEAD] = String(r.head[i]);
      cols[DEPREL] = r.deprel[i]!;
      cols[DEPS] = "_";
    });
  }
  return writeConllu(sentences);
}
