/**
 * Reading number phrases ourselves, where the recognizers library reads them wrong or not at all: the
 * value of a phrase ("3 million", "two hundred and five", "a hundred"), its trailing scale, and fractions
 * in words ("three quarters", "two thirds of a million").
 */
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import { tokenize } from "../../number-words/tokenize.js";
import { ORDINALS, parseWordNumber, SCALES } from "../../number-words/word-numbers.js";

const has = Object.hasOwn;

const SCALE_ABBREV: Readonly<Record<string, number>> = NUMBER_WORDS.scaleAbbreviations;

/** The value of a whole phrase: "3 million", "1,674.5", "two hundred and five", "a hundred". */
export function parseNumberPhrase(phrase: string): number | null {
  const s = phrase.trim();
  const digits = /^(-?)(\d[\d,]*(?:\.\d+)?|\.\d+)/.exec(s);
  if (digits) {
    let v = Number(digits[2]!.replace(/,/g, ""));
    if (!Number.isFinite(v)) return null;
    if (digits[1]) v = -v;
    const rest = s.slice(digits[0].length).trim();
    if (!rest) return v;
    for (const w of rest.split(/\s+/)) {
      const lw = w.toLowerCase();
      if (has(SCALES, lw)) v *= SCALES[lw]!;
      else if (has(SCALE_ABBREV, w)) v *= SCALE_ABBREV[w]!;
      else return null;
    }
    return v;
  }
  const toks = tokenize(s, 0, s.length);
  if (!toks.length) return null;
  let i = 0;
  let article = false;
  if ((toks[0]!.l === "a" || toks[0]!.l === "an") && toks.length > 1) {
    i = 1;
    article = true;
  }
  if (article && has(SCALES, toks[1]!.l)) {
    // "a hundred", "a thousand"
    const rest = toks.slice(1);
    const n = parseWordNumber([{ ...rest[0]!, t: "one", l: "one" }, ...rest], 0);
    return n && n.next === rest.length + 1 ? n.value : null;
  }
  const n = parseWordNumber(toks, i);
  return n && n.next === toks.length ? n.value : null;
}

/** The value of the last scale word of a phrase ("3 million" → 1e6), or 0. */
export function trailingScale(phrase: string): number {
  const m = /([A-Za-z]+)\s*$/.exec(phrase);
  if (!m) return 0;
  const w = m[1]!;
  if (has(SCALES, w.toLowerCase())) return SCALES[w.toLowerCase()]!;
  if (has(SCALE_ABBREV, w)) return SCALE_ABBREV[w]!;
  return 0;
}

/** Does the phrase hold a scale word ("thousand", "million")? */
export function hasScaleWord(phrase: string): boolean {
  return phrase.split(/\s+/).some((w) => has(SCALES, w.toLowerCase()));
}

const DENOMINATORS: Record<string, number> = (() => {
  const d: Record<string, number> = { half: 2, halves: 2, quarter: 4, quarters: 4 };
  for (const [w, v] of Object.entries(ORDINALS)) {
    if (v < 3) continue;
    d[w] = v;
    d[`${w}s`] = v;
  }
  return d;
})();

/** "a half", "three quarters", "fifty-four hundredths", "two thirds of a million", "a half million". */
export function parseFraction(phrase: string): { num: number; den: number; scale: number } | null {
  const words = phrase.trim().split(/\s+/);
  let scale = 0;
  let last = words[words.length - 1]!.toLowerCase();
  if (has(SCALES, last) && SCALES[last]! >= 1000 && words.length >= 2) {
    scale = SCALES[last]!;
    words.pop();
    // "two thirds of a million", "half a million"
    if (words.length >= 2 && /^an?$/i.test(words[words.length - 1]!)) words.pop();
    if (words.length >= 2 && words[words.length - 1]!.toLowerCase() === "of") words.pop();
    last = words[words.length - 1]!.toLowerCase();
  }
  // the denominator may be hyphenated: "twenty-fifths"
  const denWords = last.split("-");
  const denWord = denWords[denWords.length - 1]!;
  if (!has(DENOMINATORS, denWord)) return null;
  let den = DENOMINATORS[denWord]!;
  const numWords = [...words.slice(0, -1)];
  if (denWords.length > 1) {
    const tens = parseNumberPhrase(denWords.slice(0, -1).join(" "));
    if (tens === null) return null;
    den += tens;
  }
  let num: number;
  if (!numWords.length) num = 1;
  else if (numWords.length === 1 && /^(a|an)$/i.test(numWords[0]!)) num = 1;
  else {
    const v = parseNumberPhrase(numWords.join(" "));
    if (v === null) return null;
    num = v;
  }
  return { num, den, scale };
}
