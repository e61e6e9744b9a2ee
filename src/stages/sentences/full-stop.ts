/**
 * The decision at a full stop followed by space: the word before it (titles, numeric, general and
 * multi-period abbreviations, name suffixes, streets, a.m./p.m., initials, list markers) against the
 * word after it; and `world.Today`, a full stop directly followed by a capitalised word.
 */
import {
  Abbr,
  INITIAL_STARTERS,
  lookupAbbreviation,
  STARTERS,
  STREET_SUFFIXES,
  TIME,
  TIME_CONTINUATIONS,
  TITLES_AFTER_COMPANY,
} from "./abbreviations.js";
import { cls, DIGIT, isQuoteOpener, isSpace, LETTER, LOWER, UPPER } from "./chars.js";
import { isAtSentenceStart, listMarkerLength } from "./lists.js";
import { endAt, noEnd } from "./result.js";
import {
  followsNameOrNumber,
  hasInnerCapital,
  hasMoreWordsThan,
  isAcronym,
  isApostropheOrDot,
  isBareI,
  isStarter,
  isWordChar,
  wordAt,
} from "./words.js";

const MULTI_PERIOD = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;
const ALL_DIGITS = /^\d+$/;
const DOMAIN_TAIL =
  /\.(?:com|org|net|edu|gov|mil|int|info|biz|io|co|uk|us|eu|de|fr|ru|ua|html?|php|aspx?|pdf)\b/i;

/**
 * A run of one or two full stops at i (ending at k, with the next non-blank at m and the next word at p
 * of class nk) inside the sentence starting at `start`: its end, or -1 (see result.ts).
 */
export function fullStopEnd(
  text: string,
  start: number,
  end: number,
  i: number,
  dots: number,
  m: number,
  p: number,
  k: number,
  nk: number,
): number {
  const upper = (nk & UPPER) !== 0;
  // the word before it
  let ts = i;
  while (ts > start && i - ts < 64 && !isSpace(text, ts - 1)) ts--;
  let ws = i;
  while (ws > ts && isWordChar(text, ws - 1)) ws--;
  while (ws < i && isApostropheOrDot(text.charCodeAt(ws))) ws++;
  if (ws === i || dots > 1) return ordinaryEnd(text, m, p, end, k);
  const word = text.slice(ws, i);

  switch (lookupAbbreviation(word)) {
    case Abbr.Prepositive:
      // "Main St. The house", "5th St. It", but "St. Paul", "outside St. Margaret's"
      if (STREET_SUFFIXES.has(word.toLowerCase()) && followsNameOrNumber(text, start, ws))
        return starterEnd(text, m, p, end, k, STARTERS);
      return noEnd(k);
    case Abbr.NameSuffix:
      return starterEnd(text, m, p, end, k, STARTERS);
    case Abbr.General:
      // "Globex Inc. The deal", not "& Co. at noon", "& Co. (cited", "& Co. KG", "Corp. Chief Executive"
      return upper &&
        text.charCodeAt(m) !== 0x28 &&
        !isBareI(text, p, end) &&
        !isAcronym(text, p, end) &&
        !TITLES_AFTER_COMPANY.has(wordAt(text, p, end))
        ? endAt(k, k)
        : noEnd(k);
    case Abbr.Numeric:
      if ((nk & LETTER) === 0) return noEnd(k); // "No. 10", "Jan. 1", "p. 55"
      break;
    default:
      break;
  }

  if (word.includes(".")) {
    if (MULTI_PERIOD.test(word)) {
      if (TIME.has(word.toLowerCase())) {
        // "at 6 p.m. Travelers", not "10 a.m. Monday", "8 p.m. local time", nor a sentence that would be
        // only a time phrase ("At 5 a.m. Mr. Smith went")
        return upper && !TIME_CONTINUATIONS.has(wordAt(text, p, end)) && hasMoreWordsThan(text, start, i, 3)
          ? endAt(k, k)
          : noEnd(k);
      }
      return starterEnd(text, m, p, end, k, STARTERS); // "in the U.S. How", not "the U.S. Government"
    }
    return ordinaryEnd(text, m, p, end, k);
  }
  const atStart = isAtSentenceStart(text, start, ws);
  if (word.length === 1 && (cls(word, 0) & LETTER) !== 0) {
    if (atStart) return noEnd(k); // list marker or label: "a. The first item", "Q. What is it?"
    return starterEnd(text, m, p, end, k, INITIAL_STARTERS); // "you and I. Did", not "John F. Kennedy"
  }
  if (atStart && word.length <= 3 && ALL_DIGITS.test(word)) return noEnd(k); // "1. The first item"
  return ordinaryEnd(text, m, p, end, k);
}

/** After an ordinary word: an end unless lower case follows ("iPhone" and list markers excepted). */
function ordinaryEnd(text: string, m: number, p: number, end: number, k: number): number {
  if ((cls(text, p) & LOWER) === 0) return endAt(k, k);
  if (hasInnerCapital(text, p, end) || listMarkerLength(text, m, end) > 0) return endAt(k, k);
  return noEnd(k);
}

/** An end only before a capitalised word of `set`, or a quotation opening with a capital (`D.C. "It`). */
function starterEnd(text: string, m: number, p: number, end: number, k: number, set: Set<string>): number {
  if ((cls(text, p) & UPPER) !== 0 && (isStarter(text, p, end, set) || isQuoteOpener(text.charCodeAt(m))))
    return endAt(k, k);
  return noEnd(k);
}

/** `world.Today`: a full stop at i directly followed by a capitalised word. */
export function isJoinedSentenceEnd(text: string, start: number, end: number, i: number): boolean {
  if (i + 2 >= end || i === start) return false;
  if ((cls(text, i + 1) & UPPER) === 0 || (cls(text, i + 2) & LOWER) === 0) return false;
  if ((cls(text, i - 1) & (LOWER | DIGIT)) === 0) return false;
  let ws = i;
  while (ws > start && i - ws < 40 && (cls(text, ws - 1) & (LETTER | DIGIT)) !== 0) ws--;
  if (i - ws < 2) return false;
  if (lookupAbbreviation(text.slice(ws, i)) !== Abbr.None) return false;
  let ts = ws;
  while (ts > start && i - ts < 200 && !isSpace(text, ts - 1)) ts--;
  let te = i + 1;
  while (te < end && te - i < 200 && !isSpace(text, te)) te++;
  const token = text.slice(ts, te);
  if (token.includes("@") || token.includes("://") || /^\W*www\./i.test(token)) return false;
  return !DOMAIN_TAIL.test(text.slice(i + 1, te));
}
