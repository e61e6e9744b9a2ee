/** Vulgar fraction characters ("½", "⅔") and their values, from the number-words lexicon. */
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };

/** "½" → 0.5 */
export const UNICODE_FRACTIONS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(NUMBER_WORDS.vulgarFractions).map(([c, [n, d]]) => [c, n! / d!]),
);

/** The fraction characters, for a regular-expression character class. */
export const UNICODE_FRACTION_CHARS = Object.keys(UNICODE_FRACTIONS).join("");
