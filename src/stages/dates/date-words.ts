/** Views of the date-words lexicon that several date rules read: names, and the modifier and bound tables. */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import type { Bound } from "./date-expression.js";
import { phraseTable } from "./phrase-table.js";

export const MONTHS: Readonly<Record<string, number>> = DATE_WORDS.months;
export const WEEKDAYS: Readonly<Record<string, number>> = DATE_WORDS.weekdays;
export const REL_DAYS: Readonly<Record<string, number>> = DATE_WORDS.relativeDays;

/** "since", "by the end of", "no later than": the bound a phrase before a date gives */
export const PREFIX_BOUNDS = phraseTable(Object.entries(DATE_WORDS.prefixBounds) as Array<[string, Bound]>);
/** "or later", "and before": the bound a phrase after a date gives */
export const SUFFIX_BOUNDS = phraseTable(Object.entries(DATE_WORDS.suffixBounds) as Array<[string, Bound]>);
/** next Monday, last Friday */
export const WEEKDAY_MODS = phraseTable(Object.entries(DATE_WORDS.weekdayModifiers));
/** this month, last year, earlier this week: offset in units */
export const PERIOD_MODS = phraseTable(Object.entries(DATE_WORDS.periodModifiers));
/** next June, last year: offset in years */
export const MONTH_MODS = phraseTable(Object.entries(DATE_WORDS.monthModifiers));
/** early, mid, the end of: parts of a month or year */
export const PARTIAL = phraseTable(DATE_WORDS.partialPeriod.map((p) => [p, true] as [string, boolean]));
