/**
 * Questions stages ask of the syntax layer (one dependency tree per sentence, UD relations): a word's
 * relation, dependents, subtree span, subject, object and complement clause, and the clause a
 * word belongs to. Words are indexes into the layer; -1 means none.
 */
import type { Range, SyntaxLayer } from "../doc.js";

/** The relation of word w with its subtype ("nsubj:pass"); "root" for a sentence's root. */
export function relation(t: SyntaxLayer, w: number): string {
  return t.labels[t.deprel[w]!]!;
}

/** The universal part of the relation ("nsubj" for "nsubj:pass"). */
export function universal(t: SyntaxLayer, w: number): string {
  const r = relation(t, w);
  const colon = r.indexOf(":");
  return colon < 0 ? r : r.slice(0, colon);
}

export function tag(t: SyntaxLayer, w: number): string {
  return t.tags[t.upos[w]!]!;
}

/** The dependents of w, in text order. */
export function dependents(t: SyntaxLayer, w: number): Int32Array {
  return t.children.subarray(t.childStart[w]!, t.childStart[w + 1]!);
}

/** The first dependent of w whose relation is one of `rels` (full names or universal parts), or -1. */
export function dependent(t: SyntaxLayer, w: number, rels: readonly string[]): number {
  for (const d of dependents(t, w)) if (rels.includes(relation(t, d)) || rels.includes(universal(t, d))) return d;
  return -1;
}

/** The first and last word of w's subtree (its words are contiguous in a projective tree). */
export function subtreeWords(t: SyntaxLayer, w: number): [number, number] {
  let first = w;
  let last = w;
  const stack = [w];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x < first) first = x;
    if (x > last) last = x;
    for (const d of dependents(t, x)) stack.push(d);
  }
  return [first, last];
}

/** The text span of w's subtree. */
export function subtreeSpan(t: SyntaxLayer, w: number): Range {
  const [first, last] = subtreeWords(t, w);
  return { start: t.start[first]!, end: t.end[last]! };
}

/** The subject of a verb or predicate: nsubj, nsubj:pass, csubj (or -1). */
export function subjectOf(t: SyntaxLayer, w: number): number {
  return dependent(t, w, ["nsubj", "csubj"]);
}

/** The agent of a passive: the obl:agent dependent ("by the council"), or -1. */
export function agentOf(t: SyntaxLayer, w: number): number {
  return dependent(t, w, ["obl:agent"]);
}

/** The direct or indirect object of a verb, or -1. */
export function objectOf(t: SyntaxLayer, w: number): number {
  return dependent(t, w, ["obj", "iobj"]);
}

/** The clausal complement of a verb: ccomp, else xcomp (or -1). */
export function complementOf(t: SyntaxLayer, w: number): number {
  const c = dependent(t, w, ["ccomp"]);
  return c >= 0 ? c : dependent(t, w, ["xcomp"]);
}

const CLAUSAL = new Set(["root", "ccomp", "xcomp", "advcl", "acl", "csubj", "parataxis"]);

/** The head of the smallest clause holding w: w itself or the nearest ancestor heading a clause. */
export function clauseOf(t: SyntaxLayer, w: number): number {
  let x = w;
  for (let steps = 0; x >= 0 && steps < 1000; steps++) {
    const u = universal(t, x);
    if (CLAUSAL.has(u) || (u === "conj" && /^(VERB|AUX)$/.test(tag(t, x)))) return x;
    x = t.head[x]!;
  }
  return w;
}

/** The word holding a text offset (binary search over word starts), or -1. */
export function wordAt(t: SyntaxLayer, offset: number): number {
  let lo = 0;
  let hi = t.start.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.end[mid]! <= offset) lo = mid + 1;
    else if (t.start[mid]! > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
