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

/** First cue starting at or after offset (binary search over the sorted cue list). */
export function firstCueFrom(cues: Cue[], offset: number): number {
  return firstStartingFrom(cues, offset);
}
