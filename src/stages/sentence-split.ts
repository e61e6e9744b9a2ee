/**
 * News-grade sentence splitter: one left-to-right scan, no regex backtracking over the text.
 *
 * Rules (the conventions of shared/data/sentences/README.md):
 * - a line break always ends a sentence; sentences are trimmed of whitespace;
 * - a numbered / lettered / bulleted list written on one line is split before each next marker
 *   ("1.) a 2.) b", "a. x b. y", "• x • y"), and a marker keeps its item ("1. The first item");
 * - `.` `?` `!` `…` (and runs of them) end a sentence, with any closing quotes or brackets after them,
 *   when what follows allows it:
 *   - `?`/`!`: not before lower case (`"Why?" he asked.`), nor before a capitalised speaker and a
 *     speech verb after a closing quote (`"Enough!" Petrenko shouted.`);
 *   - ellipsis (`...`, `…`, `. . .`): only before a capitalised word other than "I"; a four-dot
 *     `word. . . . Next` ends after the first dot and the next sentence starts with the ellipsis;
 *   - `.`: never inside a number (`3.5`), never after a title (`Sen.`, `Dr.`, `St.`, `vs.`), nor after
 *     a numeric abbreviation before a digit (`No. 10`, `Jan. 1`); after another abbreviation
 *     (`Inc.`, `etc.`) only before a capitalised word; after a multi-period abbreviation (`U.S.`,
 *     `e.g.`, `J.R.`) or a name suffix (`Jr.`) only before a known sentence starter ("I live in the
 *     U.S. How about you?"); after `a.m.`/`p.m.` before a capitalised word that is not a day, month
 *     or time zone; after an initial only before a small set of starters (`John F. Kennedy`); a
 *     list marker at the start of a sentence never ends it; otherwise before anything but lower case
 *     (lower case with an inner capital, `iPhone`, still starts a sentence);
 *   - `.` directly followed by a capitalised word (`world.Today`) ends a sentence unless it is in a
 *     URL, e-mail address or domain name.
 * The word lists are in ../lexicons/abbreviations.json.
 */
import abbreviations from "../lexicons/abbreviations.json" with { type: "json" };
import type { Range } from "../schema.js";

// ---------------------------------------------------------------- lexicon

const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));

const PREPOSITIVE = lower(abbreviations.prepositive);
const NUMERIC = lower(abbreviations.numeric);
const GENERAL = lower(abbreviations.general);
const NAME_SUFFIXES = lower(abbreviations.nameSuffixes);
const CAPITALISED_ONLY = lower(abbreviations.capitalisedOnly);
const TIME = lower(abbreviations.time);
const TIME_CONTINUATIONS = lower(abbreviations.timeContinuations);
const STARTERS = lower(abbreviations.sentenceStarters);
const INITIAL_STARTERS = lower(abbreviations.initialStarters);
const EXCLAMATION_WORDS = lower(abbreviations.exclamationWords);
const SPEECH_VERBS = lower(abbreviations.speechVerbs);

const enum Abbr {
  None = 0,
  Prepositive = 1,
  Numeric = 2,
  General = 3,
  NameSuffix = 4,
}

// ---------------------------------------------------------------- character classes (BMP table, built once)

const UPPER = 1;
const LOWER = 2;
const LETTER = 4; // any letter, including UPPER and LOWER
const DIGIT = 8;
const SPACE = 16; // JavaScript \s
const BREAK = 32; // line break
const OPENER = 64; // opening quote or bracket
const CLOSER = 128; // closing quote or bracket

const CLASS = new Uint8Array(65536);
{
  const upper = /\p{Lu}|\p{Lt}/u;
  const lowerRe = /\p{Ll}/u;
  const letter = /\p{L}/u;
  const space = /\s/;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    let k = 0;
    if (c < 128) {
      if (c >= 65 && c <= 90) k |= UPPER | LETTER;
      else if (c >= 97 && c <= 122) k |= LOWER | LETTER;
      else if (c >= 48 && c <= 57) k |= DIGIT;
    } else if (letter.test(ch)) {
      k |= LETTER;
      if (upper.test(ch)) k |= UPPER;
      else if (lowerRe.test(ch)) k |= LOWER;
    }
    if (space.test(ch)) k |= SPACE;
    CLASS[c] = k;
  }
  for (const c of [0x0a, 0x0d, 0x2028, 0x2029]) CLASS[c] = (CLASS[c] ?? 0) | BREAK;
  for (const ch of "\"'“‘«‹„‚`([{¿¡「『") CLASS[ch.charCodeAt(0)] = (CLASS[ch.charCodeAt(0)] ?? 0) | OPENER;
  for (const ch of "\"'”’»›)]}」』") CLASS[ch.charCodeAt(0)] = (CLASS[ch.charCodeAt(0)] ?? 0) | CLOSER;
}

const cls = (text: string, i: number): number => CLASS[text.charCodeAt(i)] ?? 0;
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
  c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a || c === 0x300d || c === 0x300f;

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
  return isBullet(c) || c === 0x2d || c === 0x2a || c === 0x2013 || c === 0x2014 || (cls(text, i) & (SPACE | OPENER)) !== 0;
};

// ---------------------------------------------------------------- helpers

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text, i)) i++;
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
const DOMAIN_TAIL = /\.(?:com|org|net|edu|gov|mil|int|info|biz|io|co|uk|us|eu|de|fr|ru|ua|html?|php|aspx?|pdf)\b/i;

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
      q = skipSpace(text, r, end);
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

// ---------------------------------------------------------------- the scan of one line segment

/** Result of `decide`: boundary end (-1 for none), start of the next sentence, where to scan on. */
let resEnd = -1;
let resStart = -1;
let resNext = 0;

function noEnd(next: number): void {
  resEnd = -1;
  resNext = next;
}
function endAt(at: number, next: number): void {
  resEnd = at;
  resStart = at;
  resNext = next;
}

/** Decides whether the terminal punctuation at i (inside the sentence starting at `start`) ends it. */
function decide(text: string, start: number, end: number, i: number): void {
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
    text.charCodeAt(i + 4) === DOT
  ) {
    // spaced ellipsis ". . ." (three or more dots)
    spaced = true;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (d === DOT) {
        dots++;
        j++;
      } else if (d === SPACE_CHAR && text.charCodeAt(j + 1) === DOT && j + 1 < end) j++;
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
  while (k < end && (cls(text, k) & CLOSER) !== 0) {
    if (isQuoteCloser(text.charCodeAt(k))) quoted = true;
    k++;
  }
  if (cjk) return endAt(k, k);
  if (k >= end) return noEnd(k);
  if (!isSpace(text, k)) {
    if (dots === 1 && !qe && !ell && k === j && isJoinedSentenceEnd(text, start, end, i)) return endAt(j, j);
    return noEnd(k);
  }
  const m = skipSpace(text, k, end);
  if (m >= end) return noEnd(k);
  let p = m;
  while (p < end && (cls(text, p) & OPENER) !== 0) p++;
  const nk = p < end ? cls(text, p) : 0;
  const upper = (nk & UPPER) !== 0;
  const lowerNext = (nk & LOWER) !== 0;
  const digitNext = (nk & DIGIT) !== 0;

  if (qe) {
    if (lowerNext) return noEnd(k);
    if (!quoted && dots === 0 && isExclamationWord(text, start, i)) return noEnd(k);
    if (quoted && upper && isAttribution(text, p, end)) return noEnd(k);
    return endAt(k, k);
  }

  if (ell || dots >= 3) {
    if (i > start && (text.charCodeAt(i - 1) === 0x5b || text.charCodeAt(i - 1) === 0x28)) return noEnd(k); // [...]
    if (!upper || isBareI(text, p, end)) return noEnd(k);
    if (spaced && dots === 4 && i > start && !isSpace(text, i - 1)) {
      // "compounds. . . . The practice": the sentence ends at its full stop, the ellipsis opens the next
      endAt(i + 1, k);
      resStart = i + 1;
      return;
    }
    return endAt(k, k);
  }

  // a full stop (or two)
  let ts = i;
  while (ts > start && i - ts < 64 && !isSpace(text, ts - 1)) ts--;
  let ws = i;
  while (ws > ts) {
    const d = text.charCodeAt(ws - 1);
    if ((cls(text, ws - 1) & (LETTER | DIGIT)) !== 0 || d === DOT || d === 0xb0 || d === 0xba || d === 0x27 || d === 0x2019)
      ws--;
    else break;
  }
  while (ws < i && (text.charCodeAt(ws) === 0x27 || text.charCodeAt(ws) === 0x2019 || text.charCodeAt(ws) === DOT)) ws++;
  const ordinary = (): void => {
    if (upper || digitNext) return endAt(k, k);
    if (lowerNext) return hasInnerCapital(text, p, end) ? endAt(k, k) : noEnd(k);
    return endAt(k, k);
  };
  if (ws === i || dots > 1) return ordinary();
  const word = text.slice(ws, i);
  const starter = (set: Set<string>): void => (upper && isStarter(text, p, end, set) ? endAt(k, k) : noEnd(k));

  switch (lookupAbbreviation(word)) {
    case Abbr.Prepositive:
      return noEnd(k);
    case Abbr.NameSuffix:
      return starter(STARTERS);
    case Abbr.General:
      return upper && text.charCodeAt(m) !== 0x28 && !isBareI(text, p, end) ? endAt(k, k) : noEnd(k);
    case Abbr.Numeric:
      if (digitNext) return noEnd(k);
      break;
    default:
      break;
  }

  if (word.includes(".")) {
    if (MULTI_PERIOD.test(word)) {
      if (TIME.has(word.toLowerCase())) {
        return upper && !TIME_CONTINUATIONS.has(wordAt(text, p, end)) ? endAt(k, k) : noEnd(k);
      }
      return starter(STARTERS);
    }
    return ordinary();
  }
  const atStart = isAtSentenceStart(text, start, ws);
  if (word.length === 1 && (cls(word, 0) & LETTER) !== 0) {
    if (atStart) return noEnd(k); // list marker or label: "a. The first item", "Q. What is it?"
    return starter(INITIAL_STARTERS);
  }
  if (atStart && word.length <= 3 && ALL_DIGITS.test(word)) return noEnd(k); // "1. The first item"
  return ordinary();
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

function splitSegment(text: string, from: number, end: number, out: Range[]): void {
  let start = skipSpace(text, from, end);
  let i = start;
  while (i < end) {
    if (terminalKind(text.charCodeAt(i)) === 0) {
      i++;
      continue;
    }
    decide(text, start, end, i);
    if (resEnd >= 0) {
      pushTrimmed(text, start, resEnd, out);
      start = skipSpace(text, resStart, end);
    }
    i = Math.max(resNext, i + 1);
  }
  pushTrimmed(text, start, end, out);
}

// ---------------------------------------------------------------- lists on one line, lines

/** Splits a line before each next marker of a list that the line starts with, then each part. */
function splitLine(text: string, from: number, end: number, out: Range[]): void {
  const p = skipSpace(text, from, end);
  if (p >= end) return;
  const c = text.charCodeAt(p);
  let seg = p;
  const cut = (at: number): void => {
    splitSegment(text, seg, at, out);
    seg = at;
  };
  if (isBullet(c)) {
    // "• a • b": split before each bullet that follows a space
    let q = text.indexOf(text[p] ?? "", p + 1);
    while (q > 0 && q < end) {
      if (isSpace(text, q - 1)) cut(q);
      q = text.indexOf(text[p] ?? "", q + 1);
    }
  } else if ((cls(text, p) & DIGIT) !== 0 || (c >= 97 && c <= 122)) {
    // "1.) a 2.) b", "1) a 2) b", "1. a 2. b", "a. x b. y"
    let q = p;
    let n = 0;
    const alpha = c >= 97 && c <= 122;
    if (alpha) {
      n = c;
      q++;
    } else {
      while (q < end && q - p < 3 && (cls(text, q) & DIGIT) !== 0) n = n * 10 + text.charCodeAt(q++) - 48;
    }
    let style = "";
    if (text.charCodeAt(q) === DOT && text.charCodeAt(q + 1) === 0x29) style = ".)";
    else if (text.charCodeAt(q) === DOT || text.charCodeAt(q) === 0x29) style = text[q] ?? "";
    if (style && q + style.length < end && isSpace(text, q + style.length)) {
      let pos = q + style.length;
      for (;;) {
        n++;
        if (alpha && n > 122) break;
        const marker = (alpha ? String.fromCharCode(n) : String(n)) + style;
        let found = -1;
        for (let r = text.indexOf(marker, pos); r >= 0 && r < end; r = text.indexOf(marker, r + 1)) {
          const after = r + marker.length;
          if (isSpace(text, r - 1) && after < end && isSpace(text, after)) {
            found = r;
            break;
          }
        }
        if (found < 0) break;
        cut(found);
        pos = found + marker.length;
      }
    }
  }
  splitSegment(text, seg, end, out);
}

/**
 * Sentences of `text` inside `body`, in order, trimmed, as UTF-16 [start, end) ranges into the full
 * text. A line break always ends a sentence.
 */
export function splitSentences(text: string, body: Range): Range[] {
  const out: Range[] = [];
  const end = Math.min(body.end, text.length);
  let lineStart = Math.max(0, body.start);
  for (let i = lineStart; i < end; i++) {
    if ((cls(text, i) & BREAK) !== 0) {
      splitLine(text, lineStart, i, out);
      lineStart = i + 1;
    }
  }
  if (lineStart < end) splitLine(text, lineStart, end, out);
  return out;
}
