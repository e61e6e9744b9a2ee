/**
 * Character classes for the sentence splitter: a BMP class table built once (ASCII and punctuation at
 * load, other characters when first met), the terminal punctuation kinds, quote, bracket, bullet and dash
 * predicates, and the whitespace skippers.
 */

export const UPPER = 1;
export const LOWER = 2;
export const LETTER = 4; // any letter, including UPPER and LOWER
export const DIGIT = 8;
export const SPACE = 16; // JavaScript \s
export const BREAK = 32; // line break
export const OPENER = 64; // opening quote or bracket
export const CLOSER = 128; // closing quote or bracket
export const EVENT = 256; // where the scan stops: terminal punctuation or a line break

const UNKNOWN = 512; // not classified yet (classified on first sight)

const LETTER_RE = /\p{L}/u;
const UPPER_RE = /\p{Lu}|\p{Lt}/u;
const LOWER_RE = /\p{Ll}/u;
const SPACE_RE = /\s/;

/** Classes of the BMP code units: ASCII and punctuation at load, other characters when first met. */
export const CLASS = new Uint16Array(65536).fill(UNKNOWN, 128);

function classify(c: number): number {
  let k = 0;
  if (c < 0xd800 || c > 0xdfff) {
    const ch = String.fromCharCode(c);
    if (LETTER_RE.test(ch)) {
      k |= LETTER;
      if (UPPER_RE.test(ch)) k |= UPPER;
      else if (LOWER_RE.test(ch)) k |= LOWER;
    }
    if (SPACE_RE.test(ch)) k |= SPACE;
  }
  CLASS[c] = k;
  return k;
}

{
  for (let c = 0; c < 128; c++) {
    if (c >= 65 && c <= 90) CLASS[c] = UPPER | LETTER;
    else if (c >= 97 && c <= 122) CLASS[c] = LOWER | LETTER;
    else if (c >= 48 && c <= 57) CLASS[c] = DIGIT;
    else if (c === 32 || (c >= 9 && c <= 13)) CLASS[c] = SPACE;
  }
  const add = (chars: string, bits: number): void => {
    for (let n = 0; n < chars.length; n++) {
      const c = chars.charCodeAt(n);
      const k = CLASS[c] ?? 0;
      CLASS[c] = ((k & UNKNOWN) !== 0 ? classify(c) : k) | bits;
    }
  };
  add("\n\r\u2028\u2029", BREAK);
  add("\n\r\u2028\u2029.?!\u2026\u203c\u2047\u2048\u2049\uff0e\u3002\uff1f\uff01", EVENT);
  add("\"'“‘«‹„‚`([{¿¡「『", OPENER);
  add("\"'”’»›)]}」』", CLOSER);
}

export const cls = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  const k = CLASS[c] ?? 0;
  return (k & UNKNOWN) === 0 ? k : classify(c);
};
export const isSpace = (text: string, i: number): boolean => (cls(text, i) & SPACE) !== 0;

export const DOT = 0x2e;
const QUESTION = 0x3f;
const BANG = 0x21;
const ELLIPSIS = 0x2026;
export const SPACE_CHAR = 0x20;

/** 1 = full stop, 2 = ? or !, 3 = ellipsis character, 4 = CJK / full-width terminal (always an end). */
export function terminalKind(c: number): number {
  switch (c) {
    case DOT:
      return 1;
    case QUESTION:
    case BANG:
    case 0x203c: // ‼
    case 0x2047: // ⁇
    case 0x2048: // ⁈
    case 0x2049: // ⁉
      return 2;
    case ELLIPSIS:
      return 3;
    case 0xff0e: // ．
    case 0x3002: // 。
    case 0xff1f: // ？
    case 0xff01: // ！
      return 4;
    default:
      return 0;
  }
}

export const isQuoteCloser = (c: number): boolean =>
  c === 0x22 ||
  c === 0x27 ||
  c === 0x201d ||
  c === 0x2019 ||
  c === 0xbb ||
  c === 0x203a ||
  c === 0x300d ||
  c === 0x300f;

export const isQuoteOpener = (c: number): boolean =>
  c === 0x22 ||
  c === 0x27 ||
  c === 0x201c ||
  c === 0x2018 ||
  c === 0xab ||
  c === 0x2039 ||
  c === 0x201e ||
  c === 0x60;

export const isGuillemetCloser = (c: number): boolean => c === 0xbb || c === 0x203a; // » ›
export const isGuillemetOpener = (c: number): boolean => c === 0xab || c === 0x2039; // « ‹

/** Bullets that mark list items, also in the middle of a line ("• a • b"). */
export const isBullet = (c: number): boolean =>
  c === 0x2022 || // •
  c === 0x2043 || // ⁃
  c === 0x25aa || // ▪
  c === 0x25e6 || // ◦
  c === 0x2023 || // ‣
  c === 0x25cf || // ●
  c === 0x25cb || // ○
  c === 0x25a0 || // ■
  c === 0x25a1 || // □
  c === 0x27a2 || // ➢
  c === 0x25ba; // ►

export const isDash = (c: number): boolean =>
  c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 0x2015;

export function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text, i)) i++;
  return i;
}

/** Skips spaces, not line breaks. */
export function skipBlank(text: string, i: number, end: number): number {
  while (i < end && (cls(text, i) & (SPACE | BREAK)) === SPACE) i++;
  return i;
}
