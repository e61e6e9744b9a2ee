/**
 * Number phrases composed from the pieces of word-numbers.ts, the way news writes them: decimals in
 * words ("three point four billion", "point five", "1 point 1"), scales that multiply ("2.5 lakh crore",
 * "three thousand million", "12 lakhs"), "and a half" ("one and a half", "two and a half million"),
 * counting nouns ("a couple of", "a pair of", "a handful of", "two dozen") and ordinals written with a
 * dash or run together ("thirty–second", "fortyfirst"). Shared by the numbers stage (word-atoms.ts).
 */
import NUMBER_WORDS from "../lexicons/number-words.json" with { type: "json" };
import type { Tok } from "./tokenize.js";
import { parseWordNumber, SCALES, UNITS } from "./word-numbers.js";

const has = Object.hasOwn;
const COUNTING: Readonly<Record<string, number>> = NUMBER_WORDS.countingNouns;
const APPROX_COUNTING = new Set(NUMBER_WORDS.approxCountingNouns);
const POINT = new Set(NUMBER_WORDS.pointWords);
const DOZEN: Readonly<Record<string, number>> = NUMBER_WORDS.dozen;
const FRACTIONS: Readonly<Record<string, number>> = NUMBER_WORDS.fractions;
const SCALE_ABBREV: Readonly<Record<string, number>> = NUMBER_WORDS.scaleAbbreviations;

export interface ComposedNumber {
  /** token index after the phrase */
  next: number;
  value: number;
  ordinal: boolean;
  /** "a handful" */
  approx?: boolean;
  /**
   * The phrase holds a form the recognizers library does not compose (a decimal point in words, a
   * multiplied or plural scale, a counting noun, a dashed or run-together ordinal, a ratio): it should
   * replace the library's reading of the same words.
   */
  composed: boolean;
}

/** A scale word, singular or plural after a number ("millions", "lakhs", "crores"), or an abbreviation. */
function scaleOf(t: Tok | undefined): { v: number; plural: boolean } | null {
  if (t?.k !== "w") return null;
  if (has(SCALES, t.l)) return { v: SCALES[t.l]!, plural: false };
  if (t.l.endsWith("s") && has(SCALES, t.l.slice(0, -1)))
    return { v: SCALES[t.l.slice(0, -1)]!, plural: true };
  if (has(SCALE_ABBREV, t.l) && t.l.length > 1 && SCALE_ABBREV[t.l]! >= 1e5 && t.l.startsWith("cr"))
    return { v: SCALE_ABBREV[t.l]!, plural: false };
  return null;
}

/** Digits glued into one number: "1,200", "3.5", "0.77" (tokens i..next). */
function digitsAt(toks: Tok[], i: number): { next: number; value: number; text: string } | null {
  const t = toks[i];
  if (t?.k !== "n") return null;
  let text = t.t;
  let j = i + 1;
  while (
    toks[j]?.k === "p" &&
    (toks[j]!.t === "," || toks[j]!.t === ".") &&
    !toks[j]!.sp &&
    toks[j + 1]?.k === "n" &&
    !toks[j + 1]!.sp
  ) {
    text += toks[j]!.t + toks[j + 1]!.t;
    j += 2;
  }
  const value = Number(text.replace(/,/g, ""));
  return Number.isFinite(value) ? { next: j, value, text } : null;
}

/** The digits after "point": digit words ("seven seven"), a two-digit word ("twenty-five") or figures. */
function decimalsAt(toks: Tok[], i: number): { next: number; digits: string } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.k === "n") return { next: i + 1, digits: t.t };
  let digits = "";
  let j = i;
  while (
    toks[j]?.k === "w" &&
    (has(UNITS, toks[j]!.l) || toks[j]!.l === "oh") &&
    (UNITS[toks[j]!.l] ?? 0) <= 9
  ) {
    digits += String(UNITS[toks[j]!.l] ?? 0);
    j++;
  }
  if (digits) return { next: j, digits };
  const w = parseWordNumber(toks, i);
  if (w && w.value >= 10 && w.value <= 99) return { next: w.next, digits: String(w.value) };
  return null;
}

/** A number phrase starting at toks[i] (see the file comment), or null. */
export function composeNumber(toks: Tok[], i: number): ComposedNumber | null {
  const t = toks[i];
  if (!t) return null;
  // a couple of, a pair of, a handful of, couple of
  {
    const j = t.l === "a" || t.l === "an" ? i + 1 : i;
    const n = toks[j];
    if (n?.k === "w" && has(COUNTING, n.l) && (j > i || toks[j + 1]?.l === "of")) {
      const c: ComposedNumber = { next: j + 1, value: COUNTING[n.l]!, ordinal: false, composed: true };
      if (APPROX_COUNTING.has(n.l)) c.approx = true;
      return c;
    }
  }
  let value: number;
  let next: number;
  let composed = false;
  if (t.k === "w" && POINT.has(t.l)) {
    // point five, point 77
    const d = decimalsAt(toks, i + 1);
    if (!d || toks[i + 1]!.sp === false) return null;
    value = Number(`0.${d.digits}`);
    next = d.next;
    composed = true;
  } else if (t.k === "n") {
    const d = digitsAt(toks, i);
    if (!d) return null;
    value = d.value;
    next = d.next;
  } else {
    const w = parseWordNumber(toks, i, { ordinal: true });
    if (!w) return null;
    if (w.ordinal || w.next - i > 1) composed = composed || wordsJoinedOddly(toks, i, w.next);
    if (w.ordinal) return { next: w.next, value: w.value, ordinal: true, composed };
    value = w.value;
    next = w.next;
  }
  // three point four, 1 point 1
  if (toks[next]?.k === "w" && POINT.has(toks[next]!.l) && Number.isInteger(value)) {
    const d = decimalsAt(toks, next + 1);
    if (d) {
      value = Number(`${value}.${d.digits}`);
      next = d.next;
      composed = true;
    }
  }
  // scales that multiply: "three point four billion", "2.5 lakh crore", "three thousand millions", "12 lakhs"
  for (let sc = scaleOf(toks[next]), last = 0; sc; sc = scaleOf(toks[next])) {
    if (last && sc.v <= last) break;
    if (last || sc.plural || !Number.isInteger(value) || sc.v === 1e5 || sc.v === 1e7) composed = true;
    value *= sc.v;
    last = sc.v;
    next++;
  }
  // two dozen, 200 dozens
  if (toks[next]?.k === "w" && has(DOZEN, toks[next]!.l)) {
    value *= DOZEN[toks[next]!.l]!;
    next++;
  }
  // one and a half, two and a half million, 3 million and a half (3.5 million), one billion and a half million
  if (toks[next]?.l === "and" && (toks[next + 1]?.l === "a" || toks[next + 1]?.l === "an")) {
    const f = toks[next + 2];
    if (f?.k === "w" && has(FRACTIONS, f.l) && !f.l.endsWith("s")) {
      const frac = 1 / FRACTIONS[f.l]!;
      const head = scaleOf(toks[next - 1]);
      let k = next + 3;
      const sc = scaleOf(toks[k]);
      if (sc && !sc.plural) {
        value = head ? value + frac * sc.v : (value + frac) * sc.v;
        k++;
      } else if (head && head.v >= 1e6) value += frac * head.v;
      else value += frac;
      next = k;
      composed = true;
    }
  }
  return { next, value, ordinal: false, composed };
}

/** Number words joined by a dash other than the hyphen, or run together ("thirty–second", "fortyfirst"). */
function wordsJoinedOddly(toks: Tok[], i: number, next: number): boolean {
  for (let k = i; k < next; k++) {
    const t = toks[k]!;
    if (t.k === "p" && t.t !== "-") return true;
    if (
      t.k === "w" &&
      !has(UNITS, t.l) &&
      parseWordNumber([t], 0, { ordinal: true })?.next === 1 &&
      /^(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)[a-z]+$/.test(t.l)
    )
      return true;
  }
  return false;
}
