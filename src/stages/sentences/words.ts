/**
 * Looking at the words around a punctuation mark: the word at a position, sentence starters, acronyms,
 * a bare "I", lower-case brands ("iPhone"), the word before a mark, and the two tests for `?`/`!` that
 * do not end a sentence ("Yahoo!", `"Enough!" Petrenko shouted`).
 */
import { EXCLAMATION_WORDS, SPEECH_VERBS } from "./abbreviations.js";
import { cls, DIGIT, DOT, isSpace, LETTER, LOWER, skipBlank, UPPER } from "./chars.js";

/** The word at i: letters and apostrophes (so "I'm", "it's"), lower-cased. */
export function wordAt(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && j - i < 40) {
    const c = text.charCodeAt(j);
    if ((cls(text, j) & LETTER) !== 0 || ((c === 0x27 || c === 0x2019) && j > i)) j++;
    else break;
  }
  return text.slice(i, j).toLowerCase().replace(/’/g, "'");
}

export function isStarter(text: string, p: number, end: number, set: Set<string>): boolean {
  const w = wordAt(text, p, end);
  if (set.has(w)) return true;
  const apos = w.indexOf("'");
  return apos > 0 && set.has(w.slice(0, apos));
}

/** An all-capitals word of two to four letters ("KG", "AG", "NV"). */
export function isAcronym(text: string, p: number, end: number): boolean {
  let q = p;
  while (q < end && q - p < 5 && (cls(text, q) & UPPER) !== 0) q++;
  return q - p >= 2 && q - p <= 4 && (q >= end || (cls(text, q) & LETTER) === 0);
}

/** "I" standing alone (also "I'm"): after an ellipsis or an abbreviation it does not start a sentence. */
export function isBareI(text: string, p: number, end: number): boolean {
  return text.charCodeAt(p) === 0x49 && (p + 1 >= end || (cls(text, p + 1) & LETTER) === 0);
}

/** A lower-case word with a capital inside ("iPhone", "eBay") can start a sentence. */
export function hasInnerCapital(text: string, p: number, end: number): boolean {
  for (let j = p + 1; j < end && j - p < 30; j++) {
    const k = cls(text, j);
    if ((k & UPPER) !== 0) return true;
    if ((k & LETTER) === 0) return false;
  }
  return false;
}

/** After a quotation ending in ? or !: capitalised words then a speech verb ("Petrenko shouted"). */
export function isAttribution(text: string, p: number, end: number): boolean {
  let q = p;
  let caps = 0;
  for (let n = 0; n < 6 && q < end; n++) {
    let r = q;
    while (r < end && !isSpace(text, r)) r++;
    const k = cls(text, q);
    if ((k & UPPER) !== 0) {
      caps++;
      q = skipBlank(text, r, end);
      continue;
    }
    return caps > 0 && (k & LOWER) !== 0 && SPEECH_VERBS.has(wordAt(text, q, end));
  }
  return false;
}

export function isWordChar(text: string, i: number): boolean {
  if ((cls(text, i) & (LETTER | DIGIT)) !== 0) return true;
  const d = text.charCodeAt(i);
  return d === DOT || d === 0xb0 || d === 0xba || d === 0x27 || d === 0x2019; // . ° º ' ’
}

export const isApostropheOrDot = (d: number): boolean => d === 0x27 || d === 0x2019 || d === DOT;

/** The word before the one at `at` starts with a capital or a digit ("Main St.", "5th St."). */
export function followsNameOrNumber(text: string, start: number, at: number): boolean {
  let q = at - 1;
  if (q < start || !isSpace(text, q)) return false;
  while (q > start && isSpace(text, q - 1)) q--;
  let w = q;
  while (w > start && !isSpace(text, w - 1)) w--;
  return w < q && (cls(text, w) & (UPPER | DIGIT)) !== 0;
}

/** More than n whitespace-separated words in [start, at). */
export function hasMoreWordsThan(text: string, start: number, at: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let q = start; q < at; q++) {
    if (isSpace(text, q)) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > n) return true;
    }
  }
  return false;
}

/** "Yahoo!" and the like: the word before the ! at i. */
export function isExclamationWord(text: string, start: number, i: number): boolean {
  let ws = i;
  while (ws > start && i - ws < 20 && !isSpace(text, ws - 1)) ws--;
  return ws < i && EXCLAMATION_WORDS.has(text.slice(ws, i).toLowerCase());
}
