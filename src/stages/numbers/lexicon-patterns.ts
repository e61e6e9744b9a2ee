/** Regular expressions built from lexicon phrases, and phrase look-ups in lexicon tables. */

/** `s` with the regular-expression metacharacters escaped. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "a|b|c" of the phrases, longest first, escaped, a space matching any run of whitespace. */
export const alternation = (words: string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ /g, "\\s+"))
    .join("|");

/** The table's entry for a phrase as written (any case, any run of whitespace between its words). */
export const lookup = (table: Readonly<Record<string, string>>, phrase: string): string | undefined =>
  table[phrase.toLowerCase().replace(/\s+/g, " ")];
