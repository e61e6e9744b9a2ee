/** Does a word look like a plural noun that a number counts ("2000 soldiers", "15 people")? */
import NUMBER_UNITS from "../lexicons/number-units.json" with { type: "json" };

const IRREGULAR_PLURALS = new Set(NUMBER_UNITS.irregularPlurals);
const NOT_NOUNS = new Set(NUMBER_UNITS.notNouns);

/** `lower` is a lower-case word: an irregular plural, or a longer word in -s that is not in -ss or a non-noun. */
export function looksPlural(lower: string): boolean {
  return (
    IRREGULAR_PLURALS.has(lower) ||
    (lower.length > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !NOT_NOUNS.has(lower))
  );
}
