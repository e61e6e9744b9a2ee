/**
 * Where the recognizers library is asked to look: short windows of a masked sentence around the
 * characters that can start or hold a number (digits, vulgar fractions, number words of our lexicon
 * and of the library's), a few words either side, instead of the whole sentence. The library runs
 * some twenty large regular expressions over every string it is given, so its cost grows with the
 * length of the string: a sentence of 130 characters with one number costs three times a window of
 * 40. Its matches hold a number word or digit and reach at most a word or two past them ("2 in 5",
 * "three and a half", "minus 4", "5 mil"), and its look-arounds see a word at most, so with MARGIN
 * words either side a window reads exactly what the whole sentence would (checked over 35,000
 * sentences of the corpus, PolNEAR and the numbers and sentences gold data: identical atoms, already
 * with one word of margin). Windows that overlap or touch are merged. A window starts and ends at a
 * word edge: the text outside it is whitespace, which the look-arounds treat like the string's ends.
 */
import { alternation } from "./lexicon-patterns.js";
import { NUMBER_WORD_LIST, VULGAR_FRACTIONS } from "./number-prefilter.js";

/** Words of context kept either side of the outermost number words of a window. */
const MARGIN = 2;

/** Number words the library reads beyond our lexicon's (its English cardinal, ordinal and scale maps). */
const LIBRARY_WORDS = ["dz", "doz", "mln", "bln", "tln", "secondary"];

/** A digit, a vulgar fraction or the start of a number word (prefixes: "ten" also finds "tenth"). */
const TRIGGER = new RegExp(
  `[\\d${VULGAR_FRACTIONS}]|\\b(?:${alternation([...NUMBER_WORD_LIST, ...LIBRARY_WORDS])})`,
  "gi",
);

/** A window: masked.slice(start, end). */
export interface RecognizerWindow {
  start: number;
  end: number;
  text: string;
}

/** The windows of a masked sentence, in order, non-overlapping. */
export function recognizerWindows(masked: string): RecognizerWindow[] {
  // words: runs of non-whitespace, as [start, end)
  const words: Array<[number, number]> = [];
  for (const m of masked.matchAll(/\S+/g)) words.push([m.index, m.index + m[0].length]);
  if (words.length === 0) return [];
  const triggered = new Uint8Array(words.length);
  TRIGGER.lastIndex = 0;
  let w = 0;
  for (let m = TRIGGER.exec(masked); m; m = TRIGGER.exec(masked)) {
    while (w < words.length && words[w]![1] <= m.index) w++;
    if (w < words.length) triggered[w] = 1;
  }
  const out: RecognizerWindow[] = [];
  let from = -1;
  let to = -1;
  for (let i = 0; i < words.length; i++) {
    if (!triggered[i]) continue;
    const a = Math.max(0, i - MARGIN);
    const b = Math.min(words.length - 1, i + MARGIN);
    if (from >= 0 && a <= to + 1) to = b;
    else {
      if (from >= 0) out.push(span(masked, words, from, to));
      from = a;
      to = b;
    }
  }
  if (from >= 0) out.push(span(masked, words, from, to));
  return out;
}

function span(masked: string, words: Array<[number, number]>, from: number, to: number): RecognizerWindow {
  const start = words[from]![0];
  const end = words[to]![1];
  return { start, end, text: masked.slice(start, end) };
}
