/**
 * Per-word integer ids, computed once per sentence and shared by the tagger and the parser: hashes
 * of the form, the lower-cased form, a normalised form (digits kept only as shape), the word shape,
 * prefixes and suffixes of one to four characters, and a few spelling flags.
 */
import { finish, hashRange, step } from "./hash.js";

/** Affixes of 1..AFFIXES characters. */
export const AFFIXES = 4;

export interface WordFeatures {
  length: number;
  form: Int32Array;
  lower: Int32Array;
  /** lower-cased form, or the shape for words with digits ("12:30" and "09:15" look alike) */
  norm: Int32Array;
  shape: Int32Array;
  flags: Int32Array;
  /** prefix[i * AFFIXES + k - 1]: the first k characters of word i, lower-cased */
  prefix: Int32Array;
  suffix: Int32Array;
}

export const FIRST_UPPER = 1;
export const ALL_UPPER = 2;
export const HAS_DIGIT = 4;
export const HAS_HYPHEN = 8;
export const HAS_LETTER = 16;
export const HAS_PERIOD = 32;
export const LONG = 64;

function shapeClass(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c > 127) {
    const ch = String.fromCharCode(c);
    if (ch !== ch.toLowerCase()) return 88;
    if (ch !== ch.toUpperCase()) return 120;
  }
  return c;
}

/** Fills word `i` of `wf` from `w`. */
function fillWord(wf: WordFeatures, i: number, w: string): void {
  const n = w.length;
  wf.form[i] = hashRange(w, 0, n, false, 0x1001);
  const lower = hashRange(w, 0, n, true, 0x1002);
  wf.lower[i] = lower;
  let flags = n > 10 ? LONG : 0;
  let upper = 0;
  let letters = 0;
  // the shape collapses runs longer than two ("Xxxxx" → "Xxx"), hashed without building it
  let shape = 0x1003;
  let last = -1;
  let run = 0;
  for (let k = 0; k < n; k++) {
    const c = w.charCodeAt(k);
    const s = shapeClass(c);
    if (s === 88) upper++;
    if (s === 88 || s === 120) letters++;
    else if (s === 100) flags |= HAS_DIGIT;
    else if (c === 45) flags |= HAS_HYPHEN;
    else if (c === 46) flags |= HAS_PERIOD;
    if (s === last) run++;
    else run = 0;
    last = s;
    if (run < 2) shape = step(shape, s);
  }
  if (letters > 0) flags |= HAS_LETTER;
  if (n > 0 && shapeClass(w.charCodeAt(0)) === 88) flags |= FIRST_UPPER;
  if (letters > 0 && upper === letters) flags |= ALL_UPPER;
  wf.shape[i] = finish(shape);
  wf.norm[i] = flags & HAS_DIGIT ? wf.shape[i]! : lower;
  wf.flags[i] = flags;
  for (let k = 1; k <= AFFIXES; k++) {
    const m = Math.min(k, n);
    wf.prefix[i * AFFIXES + k - 1] = hashRange(w, 0, m, true, 0x1010 + k);
    wf.suffix[i * AFFIXES + k - 1] = hashRange(w, n - m, n, true, 0x1020 + k);
  }
}

export function emptyWordFeatures(capacity: number): WordFeatures {
  return {
    length: 0,
    form: new Int32Array(capacity),
    lower: new Int32Array(capacity),
    norm: new Int32Array(capacity),
    shape: new Int32Array(capacity),
    flags: new Int32Array(capacity),
    prefix: new Int32Array(capacity * AFFIXES),
    suffix: new Int32Array(capacity * AFFIXES),
  };
}

/** The ids of `words`, reusing `into` when it is large enough. */
export function wordFeatures(words: readonly string[], into?: WordFeatures): WordFeatures {
  const wf = into && into.form.length >= words.length ? into : emptyWordFeatures(Math.max(64, words.length));
  wf.length = words.length;
  for (let i = 0; i < words.length; i++) fillWord(wf, i, words[i]!);
  return wf;
}
