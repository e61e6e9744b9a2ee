/**
 * Spans on word boundaries, for span edits: a selection that ends inside a word takes the whole
 * word ("xpecte" → "expected"), and the keyboard moves a span's edges one token at a time (a word,
 * or one punctuation mark). Words are runs of letters, digits and combining marks; apostrophes,
 * hyphens and quotation marks are tokens of their own, so "Pike" in "Pike’s" stays selectable.
 * Pure (used by the server and the UI bundle).
 */

const WORD = /[\p{L}\p{N}\p{M}]/u;
const TOKEN = /[\p{L}\p{N}\p{M}]+|\S/gu;

export interface Range {
  start: number;
  end: number;
}

const isWord = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]!);

/** [start, end) widened to whole words where an edge falls inside one, then trimmed of whitespace. */
export function snapToWords(text: string, start: number, end: number): Range {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) return { start: s, end: e };
  while (isWord(text, s - 1) && isWord(text, s)) s--;
  while (isWord(text, e - 1) && isWord(text, e)) e++;
  return { start: s, end: e };
}

/** The tokens (words and single punctuation marks) of text[from, to). */
export function tokensIn(text: string, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN)) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

/** How far to look for the next token beyond a span's edge. */
const REACH = 400;

/**
 * The span with one edge moved by one token: `start` −1 takes in the token before, +1 gives up its
 * first token; `end` +1 takes in the token after, −1 gives up its last. A span keeps at least one
 * token; at the text's ends nothing moves.
 */
export function moveEdge(text: string, span: Range, edge: "start" | "end", dir: -1 | 1): Range {
  const inside = tokensIn(text, span.start, span.end);
  if (edge === "start") {
    if (dir === 1) return inside.length > 1 ? { start: inside[1]!.start, end: span.end } : span;
    const before = tokensIn(text, Math.max(0, span.start - REACH), span.start).at(-1);
    return before ? { start: before.start, end: span.end } : span;
  }
  if (dir === -1) return inside.length > 1 ? { start: span.start, end: inside[inside.length - 2]!.end } : span;
  const after = tokensIn(text, span.end, Math.min(text.length, span.end + REACH))[0];
  return after ? { start: span.start, end: after.end } : span;
}
