/**
 * Number atoms read with our own composing grammar (src/number-words/compose.ts): the phrases the
 * recognizers library does not compose ("three point four billion", "a couple of", "2.5 lakh crore",
 * "thirty–second", "one in five" after "that") replace its readings; plain word numbers fill in only
 * where it reads nothing.
 */
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import { composeNumber } from "../../number-words/compose.js";
import { type Tok, tokenize } from "../../number-words/tokenize.js";
import type { Atom } from "./atom.js";

/** An atom of our grammar; `composed`: it replaces the library's reading of the same words. */
export interface WordAtom extends Atom {
  composed: boolean;
}

/** words before "point" that make it a noun ("at this point five people") */
const POINT_NOUN_AFTER = new Set([
  "the",
  "a",
  "this",
  "that",
  "one",
  "every",
  "some",
  "any",
  "no",
  "each",
  "which",
  "what",
]);
const POINT = new Set(NUMBER_WORDS.pointWords);

/** "in" or "out of" between two numbers: a ratio ("one in five", "3 out of 4") */
function ratioJoin(toks: Tok[], j: number): number {
  if (toks[j]?.l === "in") return j + 1;
  if (toks[j]?.l === "out" && toks[j + 1]?.l === "of") return j + 2;
  return -1;
}

/** The atoms of our grammar in a masked sentence; `base` is the document offset of its first character. */
export function wordAtoms(masked: string, base: number): WordAtom[] {
  const toks = tokenize(masked, 0, masked.length);
  const out: WordAtom[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.k === "p" || (POINT.has(t.l) && POINT_NOUN_AFTER.has(toks[i - 1]?.l ?? ""))) {
      i++;
      continue;
    }
    // not inside a number ("4,000", "2.5") or a word ("COVID-19")
    const prev = toks[i - 1];
    if (prev && !t.sp && (prev.k !== "p" || /[.,\-–—/]/.test(prev.t))) {
      i++;
      continue;
    }
    const c = composeNumber(toks, i);
    if (!c) {
      i++;
      continue;
    }
    let { next, value, composed } = c;
    // one in five, 3 out of 4: a fraction when the first is smaller
    const r = c.ordinal ? -1 : ratioJoin(toks, next);
    if (r > 0) {
      const d = composeNumber(toks, r);
      if (d && !d.ordinal && d.value > value && value > 0) {
        value /= d.value;
        next = d.next;
        composed = true;
      }
    }
    const last = toks[next - 1]!;
    const a: WordAtom = {
      start: base + t.s,
      end: base + last.e,
      value,
      kind: c.ordinal ? "ordinal" : "cardinal",
      composed,
    };
    if (c.approx) a.approx = true;
    if (t.k === "n" && !composed) {
      i = next;
      continue;
    }
    out.push(a);
    i = next;
  }
  return out;
}
