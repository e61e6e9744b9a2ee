/**
 * quotes: quotations found by their marks, paragraph by paragraph (a newline ends a paragraph).
 * Straight and curly double quotes, low-9 „…“, guillemets, curly and straight single quotes (not
 * apostrophes), and the typewriter and wire-service pairs ``…'', ,,…'' and ''…'' (with `…' inside).
 * A quote left open at the end of a paragraph, when the next paragraph opens a quote again, is the
 * news convention for a quote running over paragraphs: no message. Otherwise an unclosed quote ends
 * at its paragraph's end with an "unclosed-quote" message.
 */
import type { Quote, Range } from "../doc.js";
import type { Stage } from "../stage.js";
import { doubleMarkAt, OPENS_WITH_QUOTE } from "../text/quote-marks.js";

const OPEN_CLOSE: Record<string, string> = { "\u201C": "\u201D", "\u00AB": "\u00BB", "\u201E": "\u201C", "\u2018": "\u2019" };
const WORD = /[\p{L}\p{N}]/u;

function isSingleOpen(p: string, prev: string | undefined, next: string | undefined): boolean {
  if (p !== "'" && p !== "\u2018" && p !== "`") return false;
  return (prev === undefined || /[\s([{\u2014\u2013"\u201C-]/.test(prev)) && next !== undefined && /[\p{L}\p{N}.…]/u.test(next);
}

function isSingleClose(p: string, prev: string | undefined, next: string | undefined): boolean {
  if (p !== "'" && p !== "\u2019") return false;
  if (prev === undefined || /\s/.test(prev)) return false;
  return next === undefined || !WORD.test(next);
}

/**
 * Hand-typed copy mixes marks: “…," and "…”. A straight mark closes a curly opener (and a curly
 * closer a straight opener) when it stands where a closer stands: after a non-space, before a space,
 * punctuation or the end.
 */
function mixedClose(open: string, d: string, prev: string | undefined, next: string | undefined): boolean {
  if (!((open === "\u201C" && d === '"') || (open === '"' && d === "\u201D"))) return false;
  return prev !== undefined && !/\s/.test(prev) && (next === undefined || /[\s.,;:?!)\u2014\u2013-]/.test(next));
}

interface Found {
  open: number;
  close: number;
  closed: boolean;
  /** characters of the opening and closing marks */
  openWidth: number;
  closeWidth: number;
}

/**
 * The close of a quote opened by a two-character mark at `i` (``, '' or ,,): two apostrophes (the
 * last two of a run: "… `inner,' ''"), or for ,, also a curly or straight mark, before `end`.
 */
function doubleClose(text: string, i: number, end: number, mark: string): Found {
  let stop = -1;
  let width = 2;
  for (let j = i + 2; j < end; j++) {
    if (text[j] === "'" && text[j + 1] === "'" && j + 1 < end) {
      while (text[j + 2] === "'" && j + 2 < end) j++;
      stop = j;
      break;
    }
    if (mark === ",," && (text[j] === "\u201C" || text[j] === '"' || text[j] === "\u201D")) {
      stop = j;
      width = 1;
      break;
    }
  }
  if (stop < 0) return { open: i, close: end, closed: false, openWidth: 2, closeWidth: 0 };
  return { open: i, close: stop + width, closed: true, openWidth: 2, closeWidth: width };
}

/** Finds the quotes of one paragraph [start, end). */
function paragraphQuotes(text: string, start: number, end: number): Found[] {
  const out: Found[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    let closer: string | null = null;
    const double = i + 1 < end ? doubleMarkAt(text, i) : null;
    if (double) {
      const q = doubleClose(text, i, end, double);
      out.push(q);
      if (!q.closed) break;
      i = q.close;
      continue;
    }
    if (c === '"') closer = '"';
    else if (OPEN_CLOSE[c] && c !== "\u2018") closer = OPEN_CLOSE[c]!;
    // a closing mark typed as an opener: "”Fear. I am truly afraid …”" at a paragraph's or word's start
    else if (c === "\u201D" && (i === start || /\s/.test(text[i - 1]!)) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? "")) closer = "\u201D";
    else if (isSingleOpen(c, text[i - 1], text[i + 1])) closer = c === "\u2018" ? "\u2019" : "'";
    if (closer === null) {
      i++;
      continue;
    }
    let j = i + 1;
    let found = -1;
    let nested = 0; // curly quotes opened inside this one: “… calls “hell” than …”
    let firstClose = -1; // the first closing mark, if the nesting never balances
    while (j < end) {
      const d = text[j]!;
      if (d === "\u201D" && closer === "\u201D" && nested > 0) {
        if (firstClose < 0) firstClose = j;
        nested--;
      } else if (closer === "'" || closer === "\u2019") {
        if ((d === closer || d === "\u2019") && isSingleClose(d, text[j - 1], text[j + 1])) {
          found = j;
          break;
        }
      } else if (d === closer || (mixedClose(c, d, text[j - 1], text[j + 1]) && nested === 0)) {
        found = j;
        break;
      } else if (d === "\u201C") nested++;
      else if (d === "\u201D" && nested > 0) nested--;
      j++;
    }
    if (found < 0 && firstClose >= 0) found = firstClose;
    if (found < 0) {
      // single quotes that never close were apostrophes or a stray mark: not a quote
      if (closer === "'" || closer === "\u2019") {
        i++;
        continue;
      }
      out.push({ open: i, close: end, closed: false, openWidth: 1, closeWidth: 0 });
      break;
    }
    out.push({ open: i, close: found + 1, closed: true, openWidth: 1, closeWidth: 1 });
    i = found + 1;
  }
  return out;
}

export function findQuotes(text: string, paragraphs: Range[], sentences: Range[]): { quotes: Quote[]; unclosed: Range[] } {
  const quotes: Quote[] = [];
  const unclosed: Range[] = [];
  let s = 0;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const para = paragraphs[pi]!;
    for (const q of paragraphQuotes(text, para.start, para.end)) {
      while (s + 1 < sentences.length && sentences[s]!.end <= q.open) s++;
      const innerStart = q.open + q.openWidth;
      const innerEnd = q.close - q.closeWidth;
      if (innerEnd <= innerStart) continue;
      quotes.push({ start: q.open, end: q.close, inner: { start: innerStart, end: innerEnd }, closed: q.closed, sentence: s });
      if (!q.closed) {
        // news convention: the next paragraph re-opens the quote
        const n = paragraphs[pi + 1]?.start;
        const reopens = n !== undefined && OPENS_WITH_QUOTE.test(text.slice(n, n + 2));
        if (!reopens) unclosed.push({ start: q.open, end: q.open + 1 });
      }
    }
  }
  return { quotes, unclosed };
}

export const quotesStage: Stage = {
  name: "quotes",
  requires: ["paragraphs", "sentences"],
  provides: "quotes",
  run(doc, ctx) {
    const { quotes, unclosed } = findQuotes(doc.text, doc.get("paragraphs"), doc.get("sentences"));
    for (const u of unclosed) {
      ctx.report("unclosed-quote", "a quotation mark opens here and is not closed before the paragraph ends", u);
    }
    doc.set("quotes", quotes);
  },
};
