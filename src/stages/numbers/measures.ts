/** Measure words that join a draft mention: %, per cent, currencies, ages, time units, glued units. */
import NUMBER_UNITS from "../../lexicons/number-units.json" with { type: "json" };
import { CURRENCY_BEFORE_RE, CURRENCY_SYMBOLS } from "./currency-signs.js";
import { type Draft, matchedLength, type View } from "./draft.js";
import { alternation, lookup } from "./lexicon-patterns.js";

const PERCENT_AFTER_RE = new RegExp(`^\\s*(${alternation(NUMBER_UNITS.percentWords)}|%)(?![\\w])`, "i");
const CURRENCY_WORDS: Readonly<Record<string, string>> = NUMBER_UNITS.currencyWords;
const CURRENCY_AFTER_RE = new RegExp(`^\\s+(${alternation(Object.keys(CURRENCY_WORDS))})(?![\\w])`, "i");
const DURATION_UNITS: Readonly<Record<string, string>> = NUMBER_UNITS.durationUnits;
const DURATION_AFTER_RE = new RegExp(`^(\\s+|-)(${alternation(Object.keys(DURATION_UNITS))})(?![\\w])`, "i");
const AGE_AFTER_RE = /^(?:\s+|-)years?(?:-|\s+)old\b|^\s+years?\s+of\s+age\b/i;
const GLUED_UNIT_RE = new RegExp(`^(${alternation(NUMBER_UNITS.gluedUnits)})(?![\\w])`, "i");

/** Measure words that join the mention: %, per cent, currencies, time units. */
export function measures(d: Draft, v: View): void {
  if (d.kind === "exchange" || d.kind === "ordinal") return;
  const after = v.after(d.end);
  const pct = PERCENT_AFTER_RE.exec(after);
  if (pct && d.kind !== "percent") {
    d.end += pct[0].length;
    if (d.kind === "range") d.unit = pct[1]!;
    else {
      d.kind = "percent";
      delete d.unit;
    }
    d.yearish = false;
    return;
  }
  if (d.kind === "range" && d.unit) {
    d.unit = d.unit.replace(/^%$/, "percent");
    return;
  }
  const cur = CURRENCY_BEFORE_RE.exec(v.before(d.start));
  if (cur && d.kind !== "percent") {
    d.start -= matchedLength(cur);
    d.unit = CURRENCY_SYMBOLS[cur[1]!]!;
    if (d.kind === "cardinal") d.kind = "money";
    d.yearish = false;
  }
  const curWord = CURRENCY_AFTER_RE.exec(v.after(d.end));
  if (curWord) {
    d.end += curWord[0].length;
    d.unit = lookup(CURRENCY_WORDS, curWord[1]!) ?? curWord[1]!;
    if (d.kind === "cardinal") d.kind = "money";
    d.yearish = false;
    return;
  }
  if (d.kind === "money") return;
  const rest = v.after(d.end);
  if (AGE_AFTER_RE.test(rest)) {
    d.unit = "years old";
    d.yearish = false;
    return;
  }
  const dur = DURATION_AFTER_RE.exec(rest);
  if (dur) {
    if (d.kind === "percent") return;
    d.end += dur[0].length;
    d.unit = dur[2]!.toLowerCase();
    if (d.kind === "cardinal") d.kind = "duration";
    d.yearish = false;
    return;
  }
  const glued = GLUED_UNIT_RE.exec(rest);
  if (glued && d.kind === "cardinal") {
    d.end += glued[0].length;
    d.unit = glued[1]!;
    d.yearish = false;
  }
}
