/**
 * What the date grammar finds: a candidate span with a resolver that turns it into a calendar day, month
 * or year given the document date and the tense of its clause, and the `Core` the grammar rules return.
 */
import type { NumberMention, Range } from "../../schema.js";
import type { Cal, Ymd } from "./calendar.js";
import type { DateScanner } from "./scanner.js";

export type Bound = NonNullable<NumberMention["bound"]>;
export type Tense = "past" | "future" | "none";

export interface ResolveCtx {
  /** the document date, or null */
  ref: Ymd | null;
  tense: Tense;
  /**
   * The dates the story named last before this one: the last that names a day, the last that names a
   * month (or a day), the last of any grain. What "the next day", "the following month", "that year" and
   * "three days later" count from (anaphora.ts).
   */
  anchors?: Anchors;
}

export type Resolver = (ctx: ResolveCtx) => Cal | null;

export interface Anchors {
  day?: Cal;
  month?: Cal;
  year?: Cal;
}

/** The anchors after a date is named: it is the last of its grain and of every coarser one. */
export function nameDate(a: Anchors, c: Cal): Anchors {
  if (c.d !== undefined) return { day: c, month: c, year: c };
  if (c.m !== undefined) return { ...a, month: c, year: c };
  return { ...a, year: c };
}

export interface DateCandidate extends Range {
  /** null: a date-like span that names no single day, month or year (`why` says what it is) */
  resolve: Resolver | null;
  /** resolution needs the document date */
  relative: boolean;
  bound?: Bound;
  why?: string;
  /** the tense the expression itself implies ("since June" looks back) */
  tense?: Tense;
}

/** A date expression a grammar rule read, from a token index to `next`. */
export interface Core {
  /** token index after the expression */
  next: number;
  res: Resolver | null;
  relative: boolean;
  why?: string;
  /** what the expression names, for the rules that build on it */
  type: "day" | "month" | "year" | "weekday" | "period" | "mask";
  /** a bare 4-digit year (needs context to count) */
  bareYear?: boolean;
  /** a bound written into the expression itself ("> = 2019") */
  bound?: Bound;
}

/** A span read as a date expression that names no single day, month or year (`why` says what it is). */
export function unresolved(next: number, why: string, relative: boolean): Core {
  return { next, res: null, relative, type: "mask", why };
}

/** The resolver of an absolute date: always `cal`. */
export const abs =
  (cal: Cal): Resolver =>
  () =>
    cal;

/**
 * What an offset counts from ("2 weeks from Friday"): passed down to the offset and weekday rules, which
 * read each other, by the module that knows both.
 */
export type AnchorRule = (s: DateScanner, i: number) => Core | null;
