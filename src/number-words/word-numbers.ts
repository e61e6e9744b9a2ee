/**
 * A parser for written English numbers ("twenty-one", "two thousand and fifteen", "nineteen seventy
 * eight", "twenty first"), over the tokens of tokenize.ts; shared by the number and date grammars.
 */
import NUMBER_WORDS from "../lexicons/number-words.json" with { type: "json" };
import type { Tok } from "./tokenize.js";

export const UNITS: Readonly<Record<string, number>> = NUMBER_WORDS.units;
export const TENS: Readonly<Record<string, number>> = NUMBER_WORDS.tens;
export const SCALES: Readonly<Record<string, number>> = NUMBER_WORDS.scales;
export const ORDINALS: Readonly<Record<string, number>> = NUMBER_WORDS.ordinals;

const has = Object.hasOwn;
export interface WordNumber {
  /** token index after the number */
  next: number;
  value: number;
  /** the number ends in an ordinal word ("twenty first") */
  ordinal: boolean;
}

type Last = "none" | "unit" | "teen" | "tens" | "hundred" | "scale";

/** An ordinal word as a piece of a number: its value and what it behaves like. */
function ordinalPiece(w: string): { v: number; as: Last } | null {
  if (!has(ORDINALS, w)) return null;
  const v = ORDINALS[w]!;
  if (v < 10) return { v, as: "unit" };
  if (v < 20) return { v, as: "teen" };
  if (v < 100) return { v, as: "tens" };
  return { v, as: v === 100 ? "hundred" : "scale" };
}

/**
 * A written cardinal (or, with `ordinal`, a cardinal ending in an ordinal word) starting at toks[i].
 * Words may be joined by spaces, hyphens and "and" after hundred/thousand. Returns the longest
 * well-formed reading, or null.
 */
export function parseWordNumber(toks: Tok[], i: number, opts: { ordinal?: boolean } = {}): WordNumber | null {
  let total = 0;
  let current = 0;
  let last: Last = "none";
  let lastScale = Number.POSITIVE_INFINITY;
  let best: WordNumber | null = null;
  let j = i;
  const record = (next: number, ordinal: boolean) => {
    best = { next, value: total + current, ordinal };
  };
  while (j < toks.length) {
    const tok = toks[j]!;
    if (tok.k !== "w") break;
    const w = tok.l;
    if (j > i) {
      // joiners between pieces: "-" (no spaces) and "and"
      const prev = toks[j - 1]!;
      if (prev.k === "p" && prev.t !== "-") break;
    }
    if (has(UNITS, w)) {
      const v = UNITS[w]!;
      if (last === "unit" || last === "teen" || (last === "tens" && v >= 10) || (last === "tens" && v === 0))
        break;
      if (last === "hundred" && current % 100 !== 0) break;
      current += v;
      last = v >= 10 ? "teen" : "unit";
      record(j + 1, false);
    } else if (has(TENS, w)) {
      if (last === "unit" || last === "teen" || last === "tens") break;
      current += TENS[w]!;
      last = "tens";
      record(j + 1, false);
    } else if (w === "hundred") {
      if (current === 0 || current >= 100 || last === "hundred") break;
      current *= 100;
      last = "hundred";
      record(j + 1, false);
    } else if (has(SCALES, w)) {
      const sc = SCALES[w]!;
      if (current === 0 || sc >= lastScale) break;
      total += current * sc;
      current = 0;
      lastScale = sc;
      last = "scale";
      record(j + 1, false);
    } else if (opts.ordinal && ordinalPiece(w)) {
      const p = ordinalPiece(w)!;
      if (p.as === "unit" || p.as === "teen") {
        if (last === "unit" || last === "teen" || (last === "tens" && p.as === "teen")) break;
        current += p.v;
      } else if (p.as === "tens") {
        if (last === "unit" || last === "teen" || last === "tens") break;
        current += p.v;
      } else if (p.as === "hundred") {
        if (current === 0 || current >= 100) break;
        current *= 100;
      } else {
        if (current === 0) break;
        total += current * p.v;
        current = 0;
      }
      record(j + 1, true);
      break;
    } else if (w === "and" && (last === "hundred" || last === "scale") && j + 1 < toks.length) {
      j++;
      continue;
    } else {
      break;
    }
    j++;
    // a hyphen joins two number words only when glued on both sides
    const h = toks[j];
    if (h && h.k === "p" && h.t === "-") {
      const after = toks[j + 1];
      if (after && after.k === "w" && !after.sp && h.s === toks[j - 1]!.e) j++;
      else break;
    }
  }
  return best;
}

/** A two-digit group in a spoken year: "seventy eight", "ninety-six", "oh one", "zero one", "ten". */
function parseTwoDigits(toks: Tok[], i: number): { next: number; value: number } | null {
  const tok = toks[i];
  if (tok?.k !== "w") return null;
  if ((tok.l === "oh" || tok.l === "zero" || tok.l === "nought") && toks[i + 1]?.k === "w") {
    const u = UNITS[toks[i + 1]!.l];
    if (u !== undefined && u >= 1 && u <= 9) return { next: i + 2, value: u };
    return null;
  }
  const n = parseWordNumber(toks, i);
  if (!n || n.value < 10 || n.value > 99) return null;
  return { next: n.next, value: n.value };
}

/**
 * A year in words: "nineteen seventy eight", "nineteen zero one", "nineteen hundred ninety three",
 * "two thousand and fifteen", "one thousand seven hundred and eighty nine". 1000..2999.
 */
export function parseYearWords(toks: Tok[], i: number): { next: number; value: number } | null {
  let best: { next: number; value: number } | null = null;
  const general = parseWordNumber(toks, i);
  if (general && general.value >= 1000 && general.value <= 2999)
    best = { next: general.next, value: general.value };
  const first = parseTwoDigits(toks, i);
  if (first && first.value >= 10 && first.value <= 29) {
    const nextTok = toks[first.next];
    if (nextTok?.l === "hundred") {
      let j = first.next + 1;
      if (toks[j]?.l === "and") j++;
      const rest = parseWordNumber(toks, j);
      const value = first.value * 100 + (rest && rest.value < 100 ? rest.value : 0);
      const next = rest && rest.value < 100 ? rest.next : first.next + 1;
      if (!best || next > best.next) best = { next, value };
    } else {
      const second = parseTwoDigits(toks, first.next);
      if (second && (!best || second.next > best.next))
        best = { next: second.next, value: first.value * 100 + second.value };
    }
  }
  return best;
}

/**
 * A year said as two pairs of digits: "nineteen ninety-six", "eighteen twelve", "nineteen oh five",
 * "twenty twenty-one". No count is said that way, so with a first pair of 13..19 it is a year anywhere
 * (`always`); "ten fifteen", "twelve thirty", "twenty twenty" can be times or counts and need context.
 */
export function parseYearPair(toks: Tok[], i: number): { next: number; value: number; always: boolean } | null {
  const first = parseTwoDigits(toks, i);
  if (!first || first.value < 10 || first.value > 21 || toks[first.next]?.l === "hundred") return null;
  // the two pairs are separate words, not one number ("twenty-one" is not 20|1)
  const sep = toks[first.next];
  if (sep?.k !== "w" || !sep.sp) return null;
  const second = parseTwoDigits(toks, first.next);
  if (!second) return null;
  if (second.value < 10 && !["oh", "zero", "nought"].includes(toks[first.next]!.l)) return null;
  return { next: second.next, value: first.value * 100 + second.value, always: first.value >= 13 && first.value <= 19 };
}

/** A day of the month 1..31 in words: "twenty second", "thirty-first", "fifteen", "eleventh". */
export function parseDayWords(
  toks: Tok[],
  i: number,
): { next: number; value: number; ordinal: boolean } | null {
  const n = parseWordNumber(toks, i, { ordinal: true });
  if (!n || n.value < 1 || n.value > 31 || !Number.isInteger(n.value)) return null;
  return n;
}
