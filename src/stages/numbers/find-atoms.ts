/**
 * Number atoms of one sentence: the plain numbers the numbers stage builds its mentions from. They come
 * from the recognizers library (cardinals and ordinals), re-read where its JavaScript port is known to go
 * wrong (reread-atoms.ts), plus the forms it does not read (own-atoms.ts); atoms that pick or name rather
 * than count are dropped with a reason (not-a-quantity.ts).
 *
 * Everything here works on the masked sentence: a string as long as the sentence in which date spans and
 * things that are not numbers (codes, phones, URLs) are blanked out, so no atom can touch them.
 */
import { recognizeNumbers, recognizeOrdinals } from "../../adapters/recognizers.js";
import type { Atom } from "./atom.js";
import { notAQuantity } from "./not-a-quantity.js";
import { ownAtoms } from "./own-atoms.js";
import { recognizerWindows } from "./recognizer-windows.js";
import { wordAtoms } from "./word-atoms.js";
import { mergeComposites, reread } from "./reread-atoms.js";
import { ORDINALS } from "../../number-words/word-numbers.js";

const ORDINAL_HINT = new RegExp(
  `\\d\\s?(?:st|nd|rd|th)\\b|\\b(?:${Object.keys(ORDINALS)
    .map((w) => w.replace(/th$/, ""))
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
  "i",
);

export interface AtomsResult {
  atoms: Atom[];
  dropped: Array<{ start: number; end: number; reason: string }>;
}

/**
 * The atoms of a masked sentence. `masked` is the sentence text with blanked spans, `base` the document
 * offset of its first character.
 */
export function findAtoms(masked: string, base: number): AtomsResult {
  const dropped: AtomsResult["dropped"] = [];
  const lib: Atom[] = [];
  // the library reads short windows around the number words (recognizer-windows.ts), not the whole sentence
  const windows = recognizerWindows(masked);
  for (const w of windows) {
    const at = base + w.start;
    for (const r of recognizeNumbers(w.text)) {
      const a: Atom = { start: at + r.start, end: at + r.end, value: r.value, kind: "cardinal" };
      lib.push(...reread(a, masked, base));
    }
  }
  for (const w of windows) {
    if (!ORDINAL_HINT.test(w.text)) continue;
    const at = base + w.start;
    for (const r of recognizeOrdinals(w.text)) {
      if (!Number.isFinite(r.value) || r.value === 0) continue;
      lib.push({ start: at + r.start, end: at + r.end, value: r.value, kind: "ordinal" });
    }
  }
  // a cardinal holding an ordinal is a fraction ("a fifth"); an ordinal holding a cardinal wins ("three trillionth")
  lib.sort((a, b) => a.start - b.start || b.end - a.end);
  const resolved: Atom[] = [];
  for (const a of lib) {
    const clash = resolved.findIndex((b) => a.start < b.end && b.start < a.end);
    if (clash < 0) {
      resolved.push(a);
      continue;
    }
    const b = resolved[clash]!;
    const aLen = a.end - a.start;
    const bLen = b.end - b.start;
    if (aLen > bLen || (aLen === bLen && a.kind === "cardinal")) resolved[clash] = a;
  }
  resolved.sort((a, b) => a.start - b.start);
  let atoms = mergeComposites(resolved, masked, base);
  // our composing grammar: its composed phrases replace the library's readings, plain words fill in gaps
  for (const o of wordAtoms(masked, base)) {
    const overlapping = atoms.filter((a) => a.start < o.end && o.start < a.end);
    // a plain word the library left alone for a reason ("the one") stays alone, without a message
    if (!o.composed && (overlapping.length || notAQuantity(o, masked, base))) continue;
    if (overlapping.length) {
      // a longer library reading around it stays
      if (overlapping.some((a) => a.end - a.start > o.end - o.start)) continue;
    }
    const { composed: _, ...atom } = o;
    atoms = atoms.filter((a) => !overlapping.includes(a));
    atoms.push(atom);
  }
  atoms.sort((a, b) => a.start - b.start || a.end - b.end);
  // own readings replace the library's where they overlap (except vague plurals and "an hour", which give way)
  for (const o of ownAtoms(masked, base)) {
    const overlapping = atoms.filter((a) => a.start < o.end && o.start < a.end);
    if (o.vague || o.needsModifier) {
      if (overlapping.length) continue;
    } else if (overlapping.some((a) => a.start < o.start || a.end > o.end)) {
      // a longer library reading around it ("1,674.5 G") stays
      if (overlapping.every((a) => a.end - a.start >= o.end - o.start)) continue;
    }
    atoms = atoms.filter((a) => !overlapping.includes(a));
    atoms.push(o);
  }
  atoms.sort((a, b) => a.start - b.start || a.end - b.end);
  const scores = scoreAtoms(atoms, masked, base);
  const kept: Atom[] = [];
  for (const a of atoms) {
    const why = scores.has(a) ? 'a score or tally ("3-2") is not a quantity' : notAQuantity(a, masked, base);
    if (why) dropped.push({ start: a.start, end: a.end, reason: why });
    else kept.push(a);
  }
  return { atoms: kept, dropped };
}

/**
 * Scores and tallies: two whole numbers in figures joined by a hyphen or dash, the first larger ("a 3-2
 * vote", "ruled 5-4", "won 2–1"). A rising pair is a range ("24-48"), an equal pair an exchange.
 */
function scoreAtoms(atoms: Atom[], masked: string, base: number): Set<Atom> {
  const out = new Set<Atom>();
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k]!;
    const b = atoms[k + 1]!;
    const at = masked.slice(a.start - base, a.end - base);
    const bt = masked.slice(b.start - base, b.end - base);
    if (!/^\d{1,3}$/.test(at) || !/^\d{1,3}$/.test(bt) || a.value <= b.value) continue;
    if (!/^[-–]$/.test(masked.slice(a.end - base, b.start - base))) continue;
    if (/^\s*(?:%|per\s?cent|percent)/i.test(masked.slice(b.end - base))) continue;
    out.add(a);
    out.add(b);
  }
  return out;
}
