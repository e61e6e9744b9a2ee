/**
 * List handling: list markers ("1.", "1.)", "(a)", "A)"), what may stand before a marker at the start
 * of a sentence, and where the next item of a list written on one line starts ("1.) a 2.) b",
 * "(a) x (b) y", "• x • y").
 */
import { BREAK, cls, DOT, isBullet, isSpace, OPENER, SPACE } from "./chars.js";

/** What may stand before a list marker at the start of a sentence: bullets, dashes, openers, space. */
const isMarkerPrefix = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (
    isBullet(c) ||
    c === 0x2d ||
    c === 0x2a ||
    c === 0x2013 ||
    c === 0x2014 ||
    (cls(text, i) & (SPACE | OPENER)) !== 0
  );
};

/** Only bullets, dashes, openers and space between the sentence start and `at`. */
export function isAtSentenceStart(text: string, start: number, at: number): boolean {
  for (let q = start; q < at; q++) if (!isMarkerPrefix(text, q)) return false;
  return true;
}

const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A list marker at p: "1.", "1.)", "1)", "(1)", "a.", "a)", "(a)", "A)" (1-3 digits or one letter),
 * followed by whitespace. Returns the marker's length, or 0.
 */
export function listMarkerLength(text: string, p: number, end: number): number {
  let q = p;
  const paren = text.charCodeAt(q) === 0x28;
  if (paren) q++;
  const c = text.charCodeAt(q);
  if (isAsciiDigit(c)) {
    const d0 = q;
    while (q < end && q - d0 < 3 && isAsciiDigit(text.charCodeAt(q))) q++;
    if (isAsciiDigit(text.charCodeAt(q))) return 0;
  } else if (isAsciiLower(c) || isAsciiUpper(c)) {
    q++;
  } else return 0;
  const d = text.charCodeAt(q);
  if (paren) {
    if (d !== 0x29) return 0;
    q++;
  } else if (d === DOT && text.charCodeAt(q + 1) === 0x29) q += 2;
  else if (d === 0x29) q++;
  else if (d === DOT && !isAsciiUpper(c))
    q++; // "A." is an initial more often than a marker
  else return 0;
  return q < end && isSpace(text, q) ? q - p : 0;
}

/** How far (UTF-16 units) one item of a one-line list may run before the next marker is not looked for. */
const LIST_WINDOW = 400;

/** Where the next item of a one-line list starts, if the sentence at `start` is a list item; else -1. */
export function nextListItem(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + LIST_WINDOW);
  const c = text.charCodeAt(start);
  if (isBullet(c)) {
    // "• a • b": the next bullet after a space
    for (let q = start + 1; q < limit; q++) {
      const k = cls(text, q);
      if ((k & BREAK) !== 0) return -1;
      if (text.charCodeAt(q) === c && (cls(text, q - 1) & SPACE) !== 0) return q;
    }
    return -1;
  }
  const len = listMarkerLength(text, start, end);
  if (len === 0) return -1;
  // the next marker: same shape, next number or letter ("2.)" after "1.)", "(b)" after "(a)")
  const paren = text.charCodeAt(start) === 0x28 ? "(" : "";
  const labelStart = start + paren.length;
  let labelEnd = labelStart + 1;
  while (labelEnd < start + len && isAsciiDigit(text.charCodeAt(labelEnd))) labelEnd++;
  const first = text.charCodeAt(labelStart);
  let nextLabel: string;
  if (isAsciiDigit(first)) nextLabel = String(Number(text.slice(labelStart, labelEnd)) + 1);
  else if (first === 0x7a || first === 0x5a)
    return -1; // z, Z
  else nextLabel = String.fromCharCode(first + 1);
  const next = paren + nextLabel + text.slice(labelEnd, start + len);
  const n0 = next.charCodeAt(0);
  for (let q = start + len; q < limit; q++) {
    const d = text.charCodeAt(q);
    if ((cls(text, q) & BREAK) !== 0) return -1;
    if (
      d === n0 &&
      isSpace(text, q - 1) &&
      text.startsWith(next, q) &&
      q + next.length < end &&
      isSpace(text, q + next.length)
    )
      return q;
  }
  return -1;
}
