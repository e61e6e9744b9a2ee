/** Currency signs before a figure ("$", "€", "US$"), from the number-units lexicon. */
import NUMBER_UNITS from "../../lexicons/number-units.json" with { type: "json" };
import { alternation } from "./lexicon-patterns.js";

/** sign → currency code */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = NUMBER_UNITS.currencySymbols;
/** a currency sign at the end of the text before a figure (group 1) */
export const CURRENCY_BEFORE_RE = new RegExp(
  `(?:^|[^\\w$])(${alternation(Object.keys(CURRENCY_SYMBOLS))})\\s?$`,
);
