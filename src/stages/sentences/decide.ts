/**
 * The decision at one terminal punctuation mark: reads the run of punctuation (`.`, `?!`, `...`, `…`,
 * `. . .`, CJK) and the closing quotes and brackets after it, looks past opening quotes, brackets and
 * dashes to the next word, and decides `?`/`!` and ellipses here; a full stop goes to full-stop.ts.
 */
import {
  BREAK,
  CLOSER,
  cls,
  DIGIT,
  DOT,
  isDash,
  isGuillemetCloser,
  isGuillemetOpener,
  isQuoteCloser,
  isSpace,
  LOWER,
  OPENER,
  SPACE_CHAR,
  skipBlank,
  terminalKind,
  UPPER,
} from "./chars.js";
import { fullStopEnd, isJoinedSentenceEnd } from "./full-stop.js";
import { endAt, noEnd } from "./result.js";
import { isAttribution, isBareI, isExclamationWord } from "./words.js";

/**
 * Decides whether the terminal punctuation at i (inside the sentence starting at `start`) ends it:
 * the sentence end, or -1; where the next sentence starts and the scan goes on are left in `res`.
 */
export function decide(text: string, start: number, end: number, i: number): number {
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

  // a full stop (or two)
  return fullStopEnd(text, start, end, i, dots, m, p, k, nk);
}
