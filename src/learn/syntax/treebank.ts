/** Reads a UD treebank (CoNLL-U, gzipped or not) into per-sentence arrays for training. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { column, DEPREL, FORM, HEAD, readConllu, UPOS, XPOS } from "../../stages/syntax/conllu.js";

export interface TreebankSentence {
  forms: string[];
  upos: string[];
  xpos: string[];
  /** head of word i (0-based): the CoNLL-U head, 1-based, 0 = root */
  head: Int32Array;
  /** DEPREL with its subtype ("nmod:poss") */
  deprel: string[];
}

export function readTreebank(path: string): TreebankSentence[] {
  let buf = readFileSync(path);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  return readConllu(buf.toString("utf8")).map((s) => ({
    forms: column(s, FORM),
    upos: column(s, UPOS),
    xpos: column(s, XPOS),
    head: Int32Array.from(column(s, HEAD), Number),
    deprel: column(s, DEPREL),
  }));
}

/** Names sorted, with their ids. */
export function vocabulary(values: Iterable<string>): { names: string[]; id: Map<string, number> } {
  const names = [...new Set(values)].sort();
  return { names, id: new Map(names.map((n, i) => [n, i])) };
}
