/**
 * Fixing the recognizers library's readings of one masked sentence: where its JavaScript port is known
 * to go wrong (a hyphen taken for a minus, "and a half" after a scale, "2 in 5", "a fourth round"), and
 * digit-and-scale pieces it leaves apart ("4 thousand 3 hundred and 21").
 */
import type { Atom } from "./atom.js";
import { hasScaleWord, parseFraction, parseNumberPhrase, trailingScale } from "./number-phrases.js";
import { tokenize } from "../../number-words/tokenize.js";
import { UNICODE_FRACTION_CHARS, UNICODE_FRACTIONS } from "./vulgar-fractions.js";
import { ORDINALS, parseWordNumber } from "../../number-words/word-numbers.js";

const has = Object.hasOwn;

/**
 * Re-reads one library atom. Fixes: a hyphen taken for a minus ("1,200-for-1,200"), "and a half" after a
 * scale ("3 million and a half" = 3.5 million), fractions before a scale ("half million"), "2 in 5".
 * Returns the atom(s) it becomes.
 */
export function reread(a: Atom, masked: string, base: number): Atom[] {
  let { start, value } = a;
  const text = masked.slice(a.start - base, a.end - base);
  // a "-" glued after a letter or digit is a hyphen, not a minus
  if (
    (text.startsWith("-") || text.startsWith("–")) &&
    a.start > base &&
    /[\p{L}\p{N}%/±]/u.test(masked[a.start - base - 1]!)
  ) {
    start += 1;
    value = -value;
    while (start < a.end && /\s/.test(masked[start - base]!)) start++;
  }
  const own = masked.slice(start - base, a.end - base);
  // "N in M", "N out of M": a fraction when N < M, else two numbers
  const ratio = /^(.+?)\s+(in|out of)\s+(.+)$/i.exec(own);
  if (ratio && a.kind === "cardinal") {
    const n = parseNumberPhrase(ratio[1]!);
    const d = parseNumberPhrase(ratio[3]!);
    if (n !== null && d !== null) {
      if (n < d && d !== 0) return [{ ...a, start, value: n / d }];
      const dStart = start + own.length - ratio[3]!.length;
      return [
        { start, end: start + ratio[1]!.length, value: n, kind: "cardinal" },
        { start: dStart, end: a.end, value: d, kind: "cardinal" },
      ];
    }
    if (!Number.isFinite(value)) return [];
  }
  // "a fourth round" is an ordinal; "a fourth", "a fourth of the votes" are fractions
  const articleOrdinal = /^(an?)\s+([a-z]+(?:-[a-z]+)?)$/i.exec(own);
  if (
    articleOrdinal &&
    a.kind === "cardinal" &&
    has(ORDINALS, articleOrdinal[2]!.toLowerCase().split("-").pop()!)
  ) {
    const next = /^(?:\s+|-)([a-z]+)/.exec(masked.slice(a.end - base));
    if (next && next[1] !== "of" && !/^(?:and|or|but|to|in|on|at|for|is|was|are|were)$/.test(next[1]!)) {
      const ordStart = start + own.length - articleOrdinal[2]!.length;
      const ov = parseWordNumber(tokenize(articleOrdinal[2]!, 0, articleOrdinal[2]!.length), 0, {
        ordinal: true,
      });
      if (ov?.ordinal) return [{ start: ordStart, end: a.end, value: ov.value, kind: "ordinal" }];
    }
  }
  if (/[A-Za-z]/.test(own) && a.kind === "cardinal") {
    const lower = own.toLowerCase().replace(/\s+/g, " ");
    const and = lower.lastIndexOf(" and ");
    if (and > 0) {
      // "<head> and <fraction> [scale]"
      const head = lower.slice(0, and);
      const frac = parseFraction(lower.slice(and + 5));
      const hv = frac && frac.num < frac.den ? parseNumberPhrase(head) : null;
      if (frac && hv !== null) {
        const f = frac.num / frac.den;
        const hs = trailingScale(head);
        if (frac.scale) value = hasScaleWord(head) ? hv + f * frac.scale : (hv + f) * frac.scale;
        else if (hs >= 1_000_000) value = hv + f * hs;
        else value = hv + f;
      }
    } else {
      const frac = parseFraction(lower);
      if (frac?.scale) value = (frac.num / frac.den) * frac.scale;
    }
  }
  // vulgar fractions: "⅔", "2½"
  const vf = new RegExp(`^(\\d+)?\\s?([${UNICODE_FRACTION_CHARS}])$`).exec(own);
  if (vf) value = (vf[1] ? Number(vf[1]) : 0) + UNICODE_FRACTIONS[vf[2]!]!;
  if (!Number.isFinite(value)) return [];
  return [{ ...a, start, value }];
}

/** Digit-and-scale pieces that belong together: "4 thousand 3 hundred and 21" = 4321, "four-hundredth". */
export function mergeComposites(atoms: Atom[], masked: string, base: number): Atom[] {
  const out: Atom[] = [];
  for (const a of atoms) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.kind === "cardinal" &&
      a.kind === "ordinal" &&
      masked.slice(prev.end - base, a.start - base) === "-"
    ) {
      const joined = masked.slice(prev.start - base, a.end - base);
      const toks = tokenize(joined, 0, joined.length);
      const n = parseWordNumber(toks, 0, { ordinal: true });
      if (n?.ordinal && n.next === toks.length) {
        out[out.length - 1] = { start: prev.start, end: a.end, value: n.value, kind: "ordinal" };
        continue;
      }
    }
    if (prev && prev.kind === "cardinal" && a.kind === "cardinal") {
      const gap = masked.slice(prev.end - base, a.start - base);
      const prevText = masked.slice(prev.start - base, prev.end - base);
      const aText = masked.slice(a.start - base, a.end - base);
      const scale = trailingScale(prevText);
      if (
        /^\s+(?:and\s+)?$/.test(gap) &&
        /\d/.test(prevText) &&
        scale >= 100 &&
        a.value > 0 &&
        a.value < scale &&
        !/^[-+−]/.test(aText) &&
        Number.isInteger(a.value) &&
        !/\./.test(aText)
      ) {
        out[out.length - 1] = { ...prev, end: a.end, value: prev.value + a.value };
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
