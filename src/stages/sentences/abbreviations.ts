/**
 * The splitter's word lists (data: ../../lexicons/abbreviations.json) as lower-cased sets, and the
 * abbreviation lookup that tells a title ("Sen.") from a numeric ("No."), general ("Inc.") or
 * name-suffix ("Jr.") abbreviation.
 */
import abbreviations from "../../lexicons/abbreviations.json" with { type: "json" };
import { cls, UPPER } from "./chars.js";

const lower = (xs: readonly string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));

const PREPOSITIVE = lower(abbreviations.prepositive);
const NUMERIC = lower(abbreviations.numeric);
const GENERAL = lower(abbreviations.general);
const NAME_SUFFIXES = lower(abbreviations.nameSuffixes);
export const STREET_SUFFIXES = lower(abbreviations.streetSuffixes);
export const TITLES_AFTER_COMPANY = lower(abbreviations.titlesAfterCompany);
const CAPITALISED_ONLY = lower(abbreviations.capitalisedOnly);
export const TIME = lower(abbreviations.time);
export const TIME_CONTINUATIONS = lower(abbreviations.timeContinuations);
export const STARTERS = lower(abbreviations.sentenceStarters);
export const INITIAL_STARTERS = lower(abbreviations.initialStarters);
export const EXCLAMATION_WORDS = lower(abbreviations.exclamationWords);
export const SPEECH_VERBS = lower(abbreviations.speechVerbs);

/** Kinds of abbreviation (see the lexicon's _doc). */
export const Abbr = { None: 0, Prepositive: 1, Numeric: 2, General: 3, NameSuffix: 4 } as const;
export type Abbr = (typeof Abbr)[keyof typeof Abbr];

export function lookupAbbreviation(word: string): Abbr {
  const lw = word.toLowerCase();
  if (CAPITALISED_ONLY.has(lw) && (cls(word, 0) & UPPER) === 0) return Abbr.None;
  if (PREPOSITIVE.has(lw)) return Abbr.Prepositive;
  if (NAME_SUFFIXES.has(lw)) return Abbr.NameSuffix;
  if (NUMERIC.has(lw)) return Abbr.Numeric;
  if (GENERAL.has(lw)) return Abbr.General;
  return Abbr.None;
}
