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

/** A hyphen or a dash written between two number words ("thirty-two", "thirty–second", "twenty—first"). */
const JOINERS = new Set(["-", "–", "—", "‐", "‑"]);

/**
 * The number words a token holds: itself, or a tens word run together with a unit or a unit ordinal
 * ("fortyfirst", "twentyfive"), or null when it holds none.
 */
function pieces(w: string): string[] | null {
  if (has(UNITS, w) || has(TENS, w) || has(SCALES, w) || has(ORDINALS, w) || w === "hundred" || w === "and")
    return [w];
  for (const t of Object.keys(TENS)) {
    if (!w.startsWith(t) || w.length === t.length) continue;
    const rest = w.slice(t.length);
    if (
      (has(UNITS, rest) && UNITS[rest]! >= 1 && UNITS[rest]! <= 9) ||
      (has(ORDINALS, rest) && ORDINALS[rest]! <= 9)
    )
      return [t, rest];
  }
  return null;
}

/**
 * A written cardinal (or, with `ordinal`, a cardinal ending in an ordinal word) starting at toks[i].
 * Words may be joined by spaces, hyphens or dashes glued on both sides ("thirty–second"), run together
 * ("fortyfirst"), and by "and" after hundred/thousand. Returns the longest well-formed reading, or null.
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
  /** reads one number word; "stop" ends the number before it, "end" after it (an ordinal) */
  const take = (w: string, next: number): "go" | "stop" | "end" => {
    if (has(UNITS, w)) {
      const v = UNITS[w]!;
      if (last === "unit" || last === "teen" || (last === "tens" && v >= 10) || (last === "tens" && v === 0))
        return "stop";
      if (last === "hundred" && current % 100 !== 0) return "stop";
      current += v;
      last = v >= 10 ? "teen" : "unit";
      record(next, false);
      return "go";
    }
    if (has(TENS, w)) {
      if (last === "unit" || last === "teen" || last === "tens") return "stop";
      current += TENS[w]!;
      last = "tens";
      record(next, false);
      return "go";
    }
    if (w === "hundred") {
      if (current === 0 || current >= 100 || last === "hundred") return "stop";
      current *= 100;
      last = "hundred";
      record(next, false);
      return "go";
    }
    if (has(SCALES, w)) {
      const sc = SCALES[w]!;
      if (current === 0 || sc >= lastScale) return "stop";
      total += current * sc;
      current = 0;
      lastScale = sc;
      last = "scale";
      record(next, false);
      return "go";
    }
    if (opts.ordinal && ordinalPiece(w)) {
      const p = ordinalPiece(w)!;
      if (p.as === "unit" || p.as === "teen") {
        if (last === "unit" || last === "teen" || (last === "tens" && p.as === "teen")) return "stop";
        current += p.v;
      } else if (p.as === "tens") {
        if (last === "unit" || last === "teen" || last === "tens") return "stop";
        current += p.v;
      } else if (p.as === "hundred") {
        if (current === 0 || current >= 100) return "stop";
        current *= 100;
      } else {
        if (current === 0) return "stop";
        total += current * p.v;
        current = 0;
      }
      record(next, true);
      return "end";
    }
    return "stop";
  };
  while (j < toks.length) {
    const tok = toks[j]!;
    if (tok.k !== "w") break;
    if (j > i) {
      // joiners between pieces: a hyphen or dash (no spaces) and "and"
      const prev = toks[j - 1]!;
      if (prev.k === "p" && !JOINERS.has(prev.t)) break;
    }
    const w = tok.l;
    const before = last as Last;
    if (w === "and") {
      if ((before === "hundred" || before === "scale") && j + 1 < toks.length) {
        j++;
        continue;
      }
      break;
    }
    const ws = pieces(w);
    if (!ws) break;
    // a run-together word is one number ("fortyfirst"), never the start of a longer one's second half
    if (ws.length > 1 && before !== "none" && before !== "hundred" && before !== "scale") break;
    let r: "go" | "stop" | "end" = "go";
    for (const piece of ws) {
      r = take(piece, j + 1);
      if (r !== "go") break;
    }
    if (r === "stop") break;
    if (r === "end") break;
    j++;
    // a hyphen or dash joins two number words only when glued on both sides
    const h = toks[j];
    if (h && h.k === "p" && JOINERS.has(h.t)) {
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
export function parseYearPair(
  toks: Tok[],
  i: number,
): { next: number; value: number; always: boolean } | null {
  const first = parseTwoDigits(toks, i);
  if (!first || first.value < 10 || first.value > 21 || toks[first.next]?.l === "hundred") return null;
  // the two pairs are separate words, not one number ("twenty-one" is not 20|1)
  const sep = toks[first.next];
  if (sep?.k !== "w" || !sep.sp) return null;
  const second = parseTwoDigits(toks, first.next);
  if (!second) return null;
  if (second.value < 10 && !["oh", "zero", "nought"].includes(toks[first.next]!.l)) return null;
  return {
    next: second.next,
    value: first.value * 100 + second.value,
    always: first.value >= 13 && first.value <= 19,
  };
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
