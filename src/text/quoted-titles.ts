/**
 * Titles in quotation marks — a book, a song, a group: "the author of “Quiet Rooms: A Life Among
 * the Stacks”", "a piece called “Harmattan.”" Every word but the small function words is
 * capitalised. The capitalised words of a title are no person, and no antecedent for "she".
 */
import { QUOTE_MARK } from "./quote-marks.js";
import type { Range, Token } from "../doc.js";

const SMALL = new Set([
  "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "by", "with", "among",
  "into", "over", "under", "about", "but", "nor", "as", "vs.", "de", "la", "le", "du", "von", "van",
]);
const QUOTED = /["“«‘]([^"“”«»‘’\n]{1,100}?)["”»’]/g;

/** Whether the words between quotation marks read as a title. */
export function isTitleText(inner: string): boolean {
  const words = inner.trim().replace(/[.,:;!?]+$/u, "").split(/[\s:]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 12) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  // "We tried" is speech: a pronoun opening a short sentence is no title
  if (/^(I|We|You|He|She|It|They)$/.test(words[0]!) && words.length > 1) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && SMALL.has(w.toLowerCase())));
}

/** [start, end) of every quoted title in the text (the marks included). */
export function quotedTitles(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(QUOTED)) {
    // an apostrophe is no opening mark: "the dockworkers' union"
    if (m[0].startsWith("‘") && /\p{L}$/u.test(text.slice(0, m.index))) continue;
    if (isTitleText(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}


/** The closing mark of a quoted title whose opening mark is token k ("the author of “Quiet Rooms”"), or -1. */
export function titleEnd(tokens: Token[], k: number): number {
  if (!QUOTE_MARK.test(tokens[k]?.text ?? "")) return -1;
  for (let e = k + 1; e < tokens.length && e - k < 16; e++) {
    if (!QUOTE_MARK.test(tokens[e]!.text)) continue;
    const inner = tokens.slice(k + 1, e).map((t) => t.text).join(" ");
    return isTitleText(inner) ? e : -1;
  }
  return -1;
}
