/**
 * News-grade sentence splitter: one left-to-right scan over the body, linear in its length, that stops
 * only at terminal punctuation and line breaks and decides each from a few characters around it.
 *
 * Rules (the conventions of shared/data/sentences/README.md):
 * - a line break (\n, \r\n, \r, U+2028/9) always ends a sentence; sentences are trimmed of whitespace;
 * - a list written on one line is split before each next marker of the same shape ("1.) a 2.) b",
 *   "(a) x (b) y", "• x • y"); a marker at the start of a sentence never ends it ("1. The first item");
 * - `.` `?` `!` `…` (and runs of them) end a sentence, with the closing quotes and brackets after them,
 *   depending on what follows (looking past opening quotes, brackets and dashes):
 *   - `?` `!`: not before lower case or a digit (`"Why?" he asked.`), nor, after a closing quote,
 *     before capitalised words and a speech verb (`"Enough!" Petrenko shouted.`), nor after "Yahoo!";
 *   - an ellipsis (`...`, `…`, `. . .`): only before a capitalised word other than "I", never inside
 *     brackets (`[...]`); `word. . . . Next` ends after the full stop and the next sentence starts with
 *     the ellipsis;
 *   - `.`: never inside a number (`3.5`); after a title never (`Sen.`, `Dr.`, `vs.`, `St. Paul`);
 *     after a numeric abbreviation not before a digit (`No. 10`, `Jan. 1`, `p. 55`); after another
 *     abbreviation (`Inc.`, `etc.`, `Calif.`) only before a capitalised word that is not "I", an acronym
 *     or a job title (`Acme Corp. Chief Executive`); after a multi-period abbreviation (`U.S.`,
 *     `e.g.`, `J.R.`), a name suffix (`Jr.`) or a street (`Elm St.`) only before a known sentence
 *     starter or a quotation ("I live in the U.S. How about you?", not "the U.S. Navy"); after
 *     `a.m.`/`p.m.` before a capitalised word that is not a day, month or time zone; after an initial
 *     only before a few starters (`John F. Kennedy`, "you and I. Did"); after anything else, before
 *     anything but lower case (a lower-case brand, `iPhone`, or a list marker still starts one);
 *   - `.` directly followed by a capitalised word (`world.Today`) ends a sentence, unless it is in a
 *     URL, e-mail address or domain name, or follows an abbreviation.
 * The word lists are data: ../lexicons/abbreviations.json.
 */
import abbreviations from "../lexicons/abbreviations.json" with { type: "json" };
import type { Range } from "../schema.js";

// ---------------------------------------------------------------- lexicon

const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));

const PREPOSITIVE = lower(abbreviations.prepositive);
const NUMERIC = lower(abbreviations.numeric);
const GENERAL = lower(abbreviations.general);
const NAME_SUFFIXES = lower(abbreviations.nameSuffixes);
const STREET_SUFFIXES = lower(abbreviations.streetSuffixes);
const TITLES_AFTER_COMPANY = lower(abbreviations.titlesAfterCompany);
const CAPITALISED_ONLY = lower(abbreviations.capitalisedOnly);
const TIME = lower(abbreviations.time);
const TIME_CONTINUATIONS = lower(abbreviations.timeContinuations);
const STARTERS = lower(abbreviations.sentenceStarters);
const INITIAL_STARTERS = lower(abbreviations.initialStarters);
const EXCLAMATION_WORDS = lower(abbreviations.exclamationWords);
const SPEECH_VERBS = lower(abbreviations.speechVerbs);

/** Kinds of abbreviation (see the lexicon's _doc). */
const Abbr = { None: 0, Prepositive: 1, Numeric: 2, General: 3, NameSuffix: 4 } as const;
type Abbr = (typeof Abbr)[keyof typeof Abbr];

// ---------------------------------------------------------------- character classes (BMP table, built once)

const UPPER = 1;
const LOWER = 2;
const LETTER = 4; // any letter, including UPPER and LOWER
const DIGIT = 8;
const SPACE = 16; // JavaScript \s
const BREAK = 32; // line break
const OPENER = 64; // opening quote or bracket
const CLOSER = 128; // closing quote or bracket
const EVENT = 256; // where the scan stops: terminal punctuation or a line break

const UNKNOWN = 512; // not classified yet (classified on first sight)

const LETTER_RE = /\p{L}/u;
const UPPER_RE = /\p{Lu}|\p{Lt}/u;
const LOWER_RE = /\p{Ll}/u;
const SPACE_RE = /\s/;

/** Classes of the BMP code units: ASCII and punctuation at load, other characters when first met. */
const CLASS = new Uint16Array(65536).fill(UNKNOWN, 128);

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

const cls = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  const k = CLASS[c] ?? 0;
  return (k & UNKNOWN) === 0 ? k : classify(c);
};
const isSpace = (text: string, i: number): boolean => (cls(text, i) & SPACE) !== 0;

const DOT = 0x2e;
const QUESTION = 0x3f;
const BANG = 0x21;
const ELLIPSIS = 0x2026;
const SPACE_CHAR = 0x20;

/** 1 = full stop, 2 = ? or !, 3 = ellipsis character, 4 = CJK / full-width terminal (always an end). */
function terminalKind(c: number): number {
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

const isQuoteCloser = (c: number): boolean =>
  c === 0x22 ||
  c === 0x27 ||
  c === 0x201d ||
  c === 0x2019 ||
  c === 0xbb ||
  c === 0x203a ||
  c === 0x300d ||
  c === 0x300f;

const isQuoteOpener = (c: number): boolean =>
  c === 0x22 ||
  c === 0x27 ||
  c === 0x201c ||
  c === 0x2018 ||
  c === 0xab ||
  c === 0x2039 ||
  c === 0x201e ||
  c === 0x60;

const isGuillemetCloser = (c: number): boolean => c === 0xbb || c === 0x203a; // » ›
const isGuillemetOpener = (c: number): boolean => c === 0xab || c === 0x2039; // « ‹

/** Bullets that mark list items, also in the middle of a line ("• a • b"). */
const isBullet = (c: number): boolean =>
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

// ---------------------------------------------------------------- helpers

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text, i)) i++;
  return i;
}

/** Skips spaces, not line breaks. */
function skipBlank(text: string, i: number, end: number): number {
  while (i < end && (cls(text, i) & (SPACE | BREAK)) === SPACE) i++;
  return i;
}

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  if (start < end) out.push({ start, end });
}

/** The word at i: letters and apostrophes (so "I'm", "it's"), lower-cased. */
function wordAt(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && j - i < 40) {
    const c = text.charCodeAt(j);
    if ((cls(text, j) & LETTER) !== 0 || ((c === 0x27 || c === 0x2019) && j > i)) j++;
    else break;
  }
  return text.slice(i, j).toLowerCase().replace(/’/g, "'");
}

function isStarter(text: string, p: number, end: number, set: Set<string>): boolean {
  const w = wordAt(text, p, end);
  if (set.has(w)) return true;
  const apos = w.indexOf("'");
  return apos > 0 && set.has(w.slice(0, apos));
}

/** An all-capitals word of two to four letters ("KG", "AG", "NV"). */
function isAcronym(text: string, p: number, end: number): boolean {
  let q = p;
  while (q < end && q - p < 5 && (cls(text, q) & UPPER) !== 0) q++;
  return q - p >= 2 && q - p <= 4 && (q >= end || (cls(text, q) & LETTER) === 0);
}

const isDash = (c: number): boolean =>
  c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2012 || c === 0x2015;

/** "I" standing alone (also "I'm"): after an ellipsis or an abbreviation it does not start a sentence. */
function isBareI(text: string, p: number, end: number): boolean {
  return text.charCodeAt(p) === 0x49 && (p + 1 >= end || (cls(text, p + 1) & LETTER) === 0);
}

/** A lower-case word with a capital inside ("iPhone", "eBay") can start a sentence. */
function hasInnerCapital(text: string, p: number, end: number): boolean {
  for (let j = p + 1; j < end && j - p < 30; j++) {
    const k = cls(text, j);
    if ((k & UPPER) !== 0) return true;
    if ((k & LETTER) === 0) return false;
  }
  return false;
}

function lookupAbbreviation(word: string): Abbr {
  const lw = word.toLowerCase();
  if (CAPITALISED_ONLY.has(lw) && (cls(word, 0) & UPPER) === 0) return Abbr.None;
  if (PREPOSITIVE.has(lw)) return Abbr.Prepositive;
  if (NAME_SUFFIXES.has(lw)) return Abbr.NameSuffix;
  if (NUMERIC.has(lw)) return Abbr.Numeric;
  if (GENERAL.has(lw)) return Abbr.General;
  return Abbr.None;
}

const MULTI_PERIOD = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;
const ALL_DIGITS = /^\d+$/;
const DOMAIN_TAIL =
  /\.(?:com|org|net|edu|gov|mil|int|info|biz|io|co|uk|us|eu|de|fr|ru|ua|html?|php|aspx?|pdf)\b/i;

/** After a quotation ending in ? or !: capitalised words then a speech verb ("Petrenko shouted"). */
function isAttribution(text: string, p: number, end: number): boolean {
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

/** `world.Today`: a full stop at i directly followed by a capitalised word. */
function isJoinedSentenceEnd(text: string, start: number, end: number, i: number): boolean {
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

// ---------------------------------------------------------------- the decision at one punctuation mark

/**
 * Besides its return value (the sentence end, or -1 for none), `decide` leaves where the next sentence
 * starts and where the scan goes on here (module state: no allocation per decision).
 */
let resStart = -1;
let resNext = 0;

function noEnd(next: number): number {
  resNext = next;
  return -1;
}
function endAt(at: number, next: number): number {
  resStart = at;
  resNext = next;
  return at;
}

/** Decides whether the terminal punctuation at i (inside the sentence starting at `start`) ends it. */
function decide(text: string, start: number, end: number, i: number): number {
  const c = text.charCodeAt(i);
  // a decimal point or a number's inner dot: "3.5", "$.50", "1026.253.553"
  if (c === DOT && i + 1 < end && (cls(text, i + 1) & DIGIT) !== 0) return noEnd(i + 1);

  // the run of terminal punctuation
  let j = i;
  let dots = 0;
  let qe = false;
  let ell = false;
  let cjk = false;
  let spaced = false;
  if (
    c === DOT &&
    text.charCodeAt(i + 1) === SPACE_CHAR &&
    text.charCodeAt(i + 2) === DOT &&
    text.charCodeAt(i + 3) === SPACE_CHAR &&
    text.charCodeAt(i + 4) === DOT &&
    i + 4 < end
  ) {
    // spaced ellipsis ". . ." (three or more dots)
    spaced = true;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (d === DOT) {
        dots++;
        j++;
      } else if (d === SPACE_CHAR && j + 1 < end && text.charCodeAt(j + 1) === DOT) j++;
      else break;
    }
  } else {
    while (j < end) {
      const t = terminalKind(text.charCodeAt(j));
      if (t === 0) break;
      if (t === 1) dots++;
      else if (t === 2) qe = true;
      else if (t === 3) ell = true;
      else cjk = true;
      j++;
    }
  }
  // closing quotes and brackets belong to the sentence
  let k = j;
  let quoted = false;
  for (;;) {
    while (k < end && (cls(text, k) & CLOSER) !== 0) {
      if (isQuoteCloser(text.charCodeAt(k))) quoted = true;
      k++;
    }
    // French spacing before a closing guillemet: "annex. »"
    const q = skipBlank(text, k, Math.min(end, k + 2));
    if (q === k || q >= end || !isGuillemetCloser(text.charCodeAt(q))) break;
    k = q;
  }
  if (cjk) return endAt(k, k);
  if (k >= end) return noEnd(k);
  if (!isSpace(text, k)) {
    if (dots === 1 && !qe && !ell && k === j && isJoinedSentenceEnd(text, start, end, i)) return endAt(j, j);
    return noEnd(k);
  }
  const m = skipBlank(text, k, end);
  // at a line break or the end the sentence ends anyway
  if (m >= end || (cls(text, m) & BREAK) !== 0) return noEnd(k);
  // the next word, past opening quotes and brackets and dashes ("-- voila! -- you")
  let p = m;
  for (;;) {
    while (p < end && (cls(text, p) & OPENER) !== 0) {
      // French spacing after an opening guillemet: "« We"
      p = isGuillemetOpener(text.charCodeAt(p)) ? skipBlank(text, p + 1, end) : p + 1;
    }
    if (p < end && isDash(text.charCodeAt(p))) {
      while (p < end && isDash(text.charCodeAt(p))) p++;
      p = skipBlank(text, p, end);
      continue;
    }
    break;
  }
  // "! ! !", "Fig. ??": more terminal punctuation is not a new sentence
  if (p >= end || terminalKind(text.charCodeAt(p)) !== 0) return noEnd(k);
  const nk = cls(text, p);
  const upper = (nk & UPPER) !== 0;

  if (qe) {
    if ((nk & (LOWER | DIGIT)) !== 0) return noEnd(k); // "Why?" he asked; "firma? 13:28"
    if (!quoted && dots === 0 && isExclamationWord(text, start, i)) return noEnd(k);
    if (quoted && upper && isAttribution(text, p, end)) return noEnd(k);
    return endAt(k, k);
  }

  if (ell || dots >= 3) {
    if (i > start && (text.charCodeAt(i - 1) === 0x5b || text.charCodeAt(i - 1) === 0x28)) return noEnd(k); // [...]
    if (!upper || isBareI(text, p, end)) return noEnd(k);
    if (spaced && dots === 4 && i > start && !isSpace(text, i - 1)) {
      // "compounds. . . . The practice": the sentence ends at its full stop, the ellipsis opens the next
      return endAt(i + 1, k);
    }
    return endAt(k, k);
  }

  // a full stop (or two): the word before it
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

function isWordChar(text: string, i: number): boolean {
  if ((cls(text, i) & (LETTER | DIGIT)) !== 0) return true;
  const d = text.charCodeAt(i);
  return d === DOT || d === 0xb0 || d === 0xba || d === 0x27 || d === 0x2019; // . ° º ' ’
}

const isApostropheOrDot = (d: number): boolean => d === 0x27 || d === 0x2019 || d === DOT;

/** The word before the one at `at` starts with a capital or a digit ("Main St.", "5th St."). */
function followsNameOrNumber(text: string, start: number, at: number): boolean {
  let q = at - 1;
  if (q < start || !isSpace(text, q)) return false;
  while (q > start && isSpace(text, q - 1)) q--;
  let w = q;
  while (w > start && !isSpace(text, w - 1)) w--;
  return w < q && (cls(text, w) & (UPPER | DIGIT)) !== 0;
}

/** More than n whitespace-separated words in [start, at). */
function hasMoreWordsThan(text: string, start: number, at: number, n: number): boolean {
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

/** Only bullets, dashes, openers and space between the sentence start and `at`. */
function isAtSentenceStart(text: string, start: number, at: number): boolean {
  for (let q = start; q < at; q++) if (!isMarkerPrefix(text, q)) return false;
  return true;
}

/** "Yahoo!" and the like: the word before the ! at i. */
function isExclamationWord(text: string, start: number, i: number): boolean {
  let ws = i;
  while (ws > start && i - ws < 20 && !isSpace(text, ws - 1)) ws--;
  return ws < i && EXCLAMATION_WORDS.has(text.slice(ws, i).toLowerCase());
}

// ---------------------------------------------------------------- lists

const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A list marker at p: "1.", "1.)", "1)", "(1)", "a.", "a)", "(a)", "A)" (1-3 digits or one letter),
 * followed by whitespace. Returns the marker's length, or 0.
 */
function listMarkerLength(text: string, p: number, end: number): number {
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

/** Where the next item of a one-line list starts, if the sentence at `start` is a list item; else -1. */
function nextListItem(text: string, start: number, end: number): number {
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

/** How far (UTF-16 units) one item of a one-line list may run before the next marker is not looked for. */
const LIST_WINDOW = 400;

/**
 * Sentences of `text` inside `body`, in order, trimmed, as UTF-16 [start, end) ranges into the full
 * text. A line break always ends a sentence.
 */
export function splitSentences(text: string, body: Range): Range[] {
  const out: Range[] = [];
  const end = Math.min(body.end, text.length);
  let start = skipSpace(text, Math.max(0, body.start), end);
  let item = start < end ? nextListItem(text, start, end) : -1;
  let pos = start;
  while (pos < end) {
    let i = pos;
    while (i < end && ((CLASS[text.charCodeAt(i)] ?? 0) & EVENT) === 0) i++;
    // one-line list items end before the next marker
    while (item >= 0 && item < i) {
      pushTrimmed(text, start, item, out);
      start = item;
      item = nextListItem(text, start, end);
    }
    if (i >= end) break;
    if ((cls(text, i) & BREAK) !== 0) {
      pushTrimmed(text, start, i, out);
      if (i + 1 > start) {
        start = skipSpace(text, i + 1, end);
        item = start < end ? nextListItem(text, start, end) : -1;
      }
      pos = Math.max(start, i + 1);
      continue;
    }
    if (i < start) {
      pos = i + 1;
      continue;
    }
    const sentenceEnd = decide(text, start, end, i);
    if (sentenceEnd >= 0) {
      pushTrimmed(text, start, sentenceEnd, out);
      start = skipSpace(text, resStart, end);
      item = start < end ? nextListItem(text, start, end) : -1;
    }
    pos = Math.max(resNext, i + 1);
  }
  pushTrimmed(text, start, end, out);
  return out;
}
