/**
 * A small tokenizer with offsets, shared by the number and date grammars: words, digit runs and single
 * punctuation characters, each with its [s, e) into the document text.
 */

export interface Tok {
  /** [s, e) into the document text */
  s: number;
  e: number;
  t: string;
  /** lower case */
  l: string;
  /** word, number (digits only) or punctuation */
  k: "w" | "n" | "p";
  /** whitespace (or the start of the range) right before the token */
  sp: boolean;
}

const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)*|\d+|[^\sA-Za-z\d]/g;

/** Tokens of text[start, end): words, digit runs and single punctuation characters. */
export function tokenize(text: string, start: number, end: number): Tok[] {
  const slice = text.slice(start, end);
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0];
    const s = start + m.index;
    const c = t.charCodeAt(0);
    const k = c >= 48 && c <= 57 ? "n" : /[A-Za-z]/.test(t[0]!) ? "w" : "p";
    const prev = toks[toks.length - 1];
    const sp = prev ? prev.e < s : true;
    toks.push({ s, e: s + t.length, t, l: t.toLowerCase(), k, sp });
  }
  return toks;
}
