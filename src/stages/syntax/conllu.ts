/**
 * CoNLL-U reading and writing. A sentence keeps its comment lines and every token line as its ten
 * columns (syntactic words, multiword-token ranges "3-4" and empty nodes "8.1"), so that writing
 * what was read gives the same text; `words` lists the rows of the syntactic words.
 */

export interface ConlluSentence {
  /** comment lines, "#" included */
  comments: string[];
  /** token lines split into their ten columns, in file order */
  rows: string[][];
  /** indexes into `rows` of the syntactic words (integer ids), in order */
  words: number[];
}

export const ID = 0;
export const FORM = 1;
export const LEMMA = 2;
export const UPOS = 3;
export const XPOS = 4;
export const FEATS = 5;
export const HEAD = 6;
export const DEPREL = 7;
export const DEPS = 8;
export const MISC = 9;

/** Splits CoNLL-U text into sentences; a token line with fewer than ten columns is an error. */
export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: [], rows: [], words: [] };
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.trim() === "") {
      if (cur.rows.length > 0 || cur.comments.length > 0) out.push(cur);
      cur = { comments: [], rows: [], words: [] };
    } else if (line.startsWith("#")) {
      cur.comments.push(line);
    } else {
      const cols = line.split("\t");
      if (cols.length !== 10) {
        throw new Error(
          `CoNLL-U line ${n + 1}: expected 10 tab-separated columns, got ${cols.length}: ${JSON.stringify(line.slice(0, 60))}`,
        );
      }
      if (/^\d+$/.test(cols[ID]!)) cur.words.push(cur.rows.length);
      cur.rows.push(cols);
    }
  }
  if (cur.rows.length > 0 || cur.comments.length > 0) out.push(cur);
  return out;
}

/** Each sentence as its comment lines, its token lines and one blank line. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
  const parts: string[] = [];
  for (const s of sentences) {
    for (const c of s.comments) parts.push(c, "\n");
    for (const r of s.rows) parts.push(r.join("\t"), "\n");
    parts.push("\n");
  }
  return parts.join("");
}

/** One column of the sentence's syntactic words. */
export function column(s: ConlluSentence, col: number): string[] {
  return s.words.map((r) => s.rows[r]![col]!);
}
