/** A plain number read from a sentence: what the numbers stage builds its mentions from. */

export interface Atom {
  /** offsets into the document text */
  start: number;
  end: number;
  value: number;
  kind: "cardinal" | "ordinal";
  /** a vague plural ("Hundreds of"): a lower bound */
  vague?: boolean;
  /** an "a/an" before a time unit: a number only with a bound or hedge ("less than an hour") */
  needsModifier?: boolean;
  /** a hedged count ("a handful of") */
  approx?: boolean;
}
