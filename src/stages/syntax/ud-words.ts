/**
 * The words the parser reads, from the Doc's tokens: UD English's tokenisation is close to wink's
 * ("do" + "n't", "U.S.", "$" + "5", hyphens split), except where wink splits one mark in two: a
 * typewriter opening quote `` and a closing '' are one word each in UD. Each word keeps the
 * offsets of the tokens it covers, so nothing is re-found by searching the text.
 */
import type { Token } from "../../doc.js";

export interface UdWords {
  /** the word forms, as the parser reads them */
  forms: string[];
  /** [start, end) of each word in the text */
  start: number[];
  end: number[];
  /** the first and last token (inclusive) of each word */
  first: number[];
  last: number[];
}

/** Two tokens that make one UD word: `` and '' typed as two marks with nothing between them. */
function joins(a: Token, b: Token): boolean {
  return a.end === b.start && ((a.text === "`" && b.text === "`") || (a.text === "'" && b.text === "'"));
}

/** The UD words of tokens [from, to) (one sentence). */
export function udWords(tokens: readonly Token[], from: number, to: number): UdWords {
  const w: UdWords = { forms: [], start: [], end: [], first: [], last: [] };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const last = i + 1 < to && next && joins(t, next) ? i + 1 : i;
    const end = tokens[last]!.end;
    w.forms.push(last === i ? t.text : t.text + next!.text);
    w.start.push(t.start);
    w.end.push(end);
    w.first.push(i);
    w.last.push(last);
    i = last;
  }
  return w;
}
