/** The cheap pre-filter of the numbers stage: can this text hold a number at all? */
import NUMBER_UNITS from "../../lexicons/number-units.json" with { type: "json" };
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import { alternation } from "./lexicon-patterns.js";

/** The number words of our lexicon: units, tens, scales, ordinals, fractions, "dozen", counting nouns, vague plurals. */
export const NUMBER_WORD_LIST: readonly string[] = [
  ...Object.keys(NUMBER_WORDS.units),
  ...Object.keys(NUMBER_WORDS.tens),
  ...Object.keys(NUMBER_WORDS.scales),
  ...Object.keys(NUMBER_WORDS.ordinals),
  ...Object.keys(NUMBER_WORDS.fractions),
  ...Object.keys(NUMBER_WORDS.dozen),
  ...Object.keys(NUMBER_WORDS.countingNouns),
  ...Object.keys(NUMBER_WORDS.vaguePlurals),
];

/** The vulgar fraction characters (½, ⅓, …), for a regex character class. */
export const VULGAR_FRACTIONS = Object.keys(NUMBER_WORDS.vulgarFractions).join("");

/** digits, vulgar fractions, number words or "an hour" (the sentence may hold a number) */
export const NUMBER_PREFILTER = new RegExp(
  `[\\d${VULGAR_FRACTIONS}]|\\ban?\\s+(?:${alternation(Object.keys(NUMBER_UNITS.durationUnits))})\\b|\\b(?:${alternation([...NUMBER_WORD_LIST])})`,
  "i",
);
