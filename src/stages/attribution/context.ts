/** The working state the attribution helpers share while pairing cues, quotes and sources. */
import type { Cue, Quote, Range, StatementDraft, Token } from "../../doc.js";
import type { TokenIndex } from "./token-index.js";
import { firstStartingFrom } from "../../text/spans.js";

export type TokRange = [number, number];

export interface Ctx {
  text: string;
  tokens: Token[];
  index: TokenIndex;
  cues: Cue[];
  quotes: Quote[];
  out: StatementDraft[];
  usedCues: Set<Cue>;
  usedQuotes: Set<Quote>;
  /** paragraph [start, end) offsets, in order */
  paragraphs: Range[];
}

export function tokRange(tokens: Token[], r: TokRange | null): Range | null {
  return r ? { start: tokens[r[0]]!.start, end: tokens[r[1]]!.end } : null;
}

const WORDS = /[\p{L}\p{N}]+/gu;
export function wordCount(text: string, r: Range): number {
  return text.slice(r.start, r.end).match(WORDS)?.length ?? 0;
}

/** Paragraphs split at newlines, trimmed, empty ones left out. */
export function paragraphsOf(text: string, body: Range): Range[] {
  const out: Range[] = [];
  let p = body.start;
  while (p < body.end) {
    let e = text.indexOf("\n", p);
    if (e < 0 || e > body.end) e = body.end;
    if (text.slice(p, e).trim()) out.push({ start: p, end: e });
    p = e + 1;
  }
  return out;
}

/** The paragraph holding offset (binary search). */
export function paragraphAt(paragraphs: Range[], offset: number): Range {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return paragraphs[lo] ?? { start: 0, end: offset };
}

/** First cue starting at or after offset (binary search over the sorted cue list). */
export function firstCueFrom(cues: Cue[], offset: number): number {
  return firstStartingFrom(cues, offset);
}
