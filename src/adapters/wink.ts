/**
 * The only file that imports wink-nlp. One model instance per process (wink refuses many
 * instances, and its state must not leak between documents: we only read tokens, POS and lemmas).
 * Converts wink's tokens to our UTF-16 offsets right here, using each token's preceding spaces.
 */
import { createRequire } from "node:module";

export interface TaggedToken {
  start: number;
  end: number;
  pos: string;
  lemma: string;
}

interface WinkIts {
  value: unknown;
  pos: unknown;
  lemma: unknown;
  precedingSpaces: unknown;
}
interface WinkItemTokens {
  out(f: unknown): string[];
}
interface WinkDoc {
  tokens(): WinkItemTokens;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: WinkIts;
}

let nlp: WinkNlp | undefined;

function instance(): WinkNlp {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkNlp;
    const model = require("wink-eng-lite-web-model") as unknown;
    // pos only: no NER/negation/sentiment work we would throw away.
    nlp = winkNLP(model, ["sbd", "pos"]);
  }
  return nlp;
}

/**
 * Tokenises and tags text.slice(start, end). Tokens whose text cannot be placed exactly in the
 * original are skipped (reported by the count in `lost`).
 */
export function tagRange(text: string, start: number, end: number): { tokens: TaggedToken[]; lost: number } {
  const w = instance();
  const slice = text.slice(start, end);
  const doc = w.readDoc(slice);
  const tokens = doc.tokens();
  const values = tokens.out(w.its.value);
  const pos = tokens.out(w.its.pos);
  const lemmas = tokens.out(w.its.lemma);
  const spaces = tokens.out(w.its.precedingSpaces);
  const out: TaggedToken[] = [];
  let cursor = 0;
  let lost = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = cursor + (spaces[i]?.length ?? 0);
    if (slice.startsWith(v, at) === false) {
      at = slice.indexOf(v, cursor);
      if (at < 0 || at - cursor > 64) {
        lost++;
        continue;
      }
    }
    out.push({ start: start + at, end: start + at + v.length, pos: pos[i] ?? "X", lemma: lemmas[i] ?? v.toLowerCase() });
    cursor = at + v.length;
  }
  return { tokens: out, lost };
}
