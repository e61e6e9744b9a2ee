/**
 * News-grade sentence splitter: one left-to-right scan over the body, linear in its length, that stops
 * only at terminal punctuation and line breaks and decides each from a few characters around it.
 * This file holds the scan; the parts live beside it: chars.ts (character classes),
 * abbreviations.ts (word lists), words.ts (words around a mark), lists.ts (list markers), decide.ts
 * (the decision at one mark), full-stop.ts (the decision at a full stop), result.ts (its outcome).
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
import type { Range } from "../../schema.js";
import { BREAK, CLASS, cls, EVENT, isSpace, skipSpace } from "./chars.js";
import { decide } from "./decide.js";
import { nextListItem } from "./lists.js";
import { res } from "./result.js";

function pushTrimmed(text: string, start: number, end: number, out: Range[]): void {
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  if (start < end) out.push({ start, end });
}

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
      start = skipSpace(text, res.start, end);
      item = start < end ? nextListItem(text, start, end) : -1;
    }
    pos = Math.max(res.next, i + 1);
  }
  pushTrimmed(text, start, end, out);
  return out;
}
