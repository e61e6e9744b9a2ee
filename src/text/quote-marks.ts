/** Quotation marks as tokens: what several stages ask of a token. */

/** A token that is a double quotation mark (straight, curly, guillemet, or two apostrophes). */
export const QUOTE_MARK = /^(?:["“”«»]|'')$/;
