/**
 * Number words that pick or name rather than count, in their context: "Air Force One", "one of them",
 * "the one", relative ordinals ("next"), "a second" of time, "Beethoven's Fifth", "First Lady".
 */
import NOT_NUMBERS from "../../lexicons/not-numbers.json" with { type: "json" };
import type { Atom } from "./atom.js";

const RELATIVE_ORDINALS = new Set(NOT_NUMBERS.relativeOrdinals);
const TITLE_WORDS = new Set(NOT_NUMBERS.titleWords);
const PICK_AFTER = new RegExp(`\\b(?:${NOT_NUMBERS.pickOneAfterDeterminers.join("|")})\\s+$`, "i");
const PICK_FOLLOWERS = new RegExp(
  `^(?:\\s+(?:${[...NOT_NUMBERS.pickOneFollowers, ...NOT_NUMBERS.pickOneBefore].join("|")})|-(?:${NOT_NUMBERS.pickOneHyphenFollowers.join("|")}))\\b`,
  "i",
);
const NAME_NUMBER_NOT_AFTER = new Set(NOT_NUMBERS.nameNumberNotAfter);
const TITLE_WORDS_LOWER = new Set(NOT_NUMBERS.titleWordsLowercase);
const ORDINAL_NOT_AFTER = new RegExp(`\\b(?:${NOT_NUMBERS.ordinalNotAfter.join("|")})\\s+$`, "i");

/** Why an atom is not a quantity in its context, or null. */
export function notAQuantity(a: Atom, masked: string, base: number): string | null {
  const text = masked.slice(a.start - base, a.end - base);
  const before = masked.slice(Math.max(0, a.start - base - 40), a.start - base);
  const after = masked.slice(a.end - base, a.end - base + 40);
  // a capitalised number word after a capitalised word, not before a lower-case word, is part of a name
  // ("Ground Zero", "Air Force One")
  if (/^[A-Z][a-z]+(?:-[a-z]+)?$/.test(text)) {
    const prev = /([A-Z][A-Za-z]*)\s+$/.exec(before);
    const prevIsWord =
      prev && !NAME_NUMBER_NOT_AFTER.has(prev[1]!) && !/[.!?:;"“‘(—–-]\s*[A-Z][A-Za-z]*\s+$/.test(before);
    const countedNext = /^\s+([a-z]+)/.exec(after);
    const counts = countedNext && countedNext[1]!.length > 3 && /[^s]s$/.test(countedNext[1]!);
    if (prevIsWord && !counts) return `"${prev![1]} ${text}" is a name`;
  }
  if (a.kind === "cardinal" && /^one$/i.test(text)) {
    if (PICK_FOLLOWERS.test(after))
      return `"${text}" picks one out ("one of", "one by one"), it does not count`;
    if (PICK_AFTER.test(before)) return `"${text}" is a pronoun here ("the one", "no one")`;
  }
  if (a.kind === "ordinal") {
    if (RELATIVE_ORDINALS.has(text.toLowerCase())) return `"${text}" is a relative ordinal`;
    if (/^second$/i.test(text) && ORDINAL_NOT_AFTER.test(before)) return `"${text}" is a unit of time here`;
    if (/^[A-Z][a-z]/.test(text) && /\w['’]s\s+$/.test(before))
      return `"${text}" after a possessive names a work ("Beethoven's Fifth")`;
    const next = /^\s+([A-Z][a-z]+)/.exec(after);
    if (next && TITLE_WORDS.has(next[1]!) && /^[A-Z]/.test(text))
      return `"${text} ${next[1]}" is a title or name`;
    const lowerNext = /^\s+([a-z]+)/.exec(after);
    if (lowerNext && TITLE_WORDS_LOWER.has(lowerNext[1]!) && /^first$/i.test(text))
      return `"${text} ${lowerNext[1]}" is a title`;
  }
  return null;
}
