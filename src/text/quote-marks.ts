/**
 * Quotation marks: what several stages ask of a token or of a stretch of text.
 *
 * Besides straight, curly and low-9 marks and guillemets, typewriter and wire-service copy (and NLP
 * corpora such as the Penn Treebank) write a double quote as two characters: ``…'' (two backticks,
 * two apostrophes), ,,…'' (two commas) or ''…'' alone. wink reads each of those as two tokens; the
 * tokens stage joins them (joinDoubleMarks), so a quote mark is always one token.
 */

/** A token that is a double quotation mark (straight, curly, low-9, guillemet, or a two-character mark). */
export const QUOTE_MARK = /^(?:["“”„«»]|''|``|,,)$/;

/** A token that only ever opens a quotation: “ „ « `` ,, (the straight " and '' open or close). */
export const OPENING_QUOTE_MARK = /^(?:[“„«]|``|,,)$/;

/** A double quotation mark somewhere in a stretch of text (two commas only where they open a quote). */
export const QUOTE_MARK_IN_TEXT = /["“”„«»]|''|``|(?:^|\s),,(?=[\p{L}\p{N}])/u;

/** A paragraph that opens with a quotation mark (a quote carried on from the paragraph before). */
export const OPENS_WITH_QUOTE = /^(?:["“„«]|''|``|,,)/;

/**
 * The two-character mark at `i`, if there is one: `` and '' anywhere; ,, only where it opens a quote
 * (at the start or after a space or an opening bracket or dash, and before a letter or digit).
 */
export function doubleMarkAt(text: string, i: number): "``" | "''" | ",," | null {
  const two = text.slice(i, i + 2);
  if (two === "``" || two === "''") return two;
  if (two === ",," && (i === 0 || /[\s([{\u2014\u2013]/.test(text[i - 1]!)) && /[\p{L}\p{N}]/u.test(text[i + 2] ?? "")) return two;
  return null;
}
