/**
 * The masked sentence the number rules read: the sentence with date spans (from the dates layer) and things that are not
 * quantities (codes, phone numbers, URLs, idioms, identifiers such as "Article 5") blanked out, so that
 * offsets stay those of the document and no number can be read inside them.
 */
import NOT_NUMBERS from "../../lexicons/not-numbers.json" with { type: "json" };
import NUMBER_IDENTIFIERS from "../../lexicons/number-identifiers.json" with { type: "json" };
import type { Range } from "../../schema.js";
import { firstStartingFrom } from "../../text/spans.js";
import { alternation } from "./lexicon-patterns.js";

interface MaskRule {
  rule: string;
  reason: string;
  quiet: boolean;
  re: RegExp;
}

const MASK_RULES: MaskRule[] = [
  ...NOT_NUMBERS.patterns.map((p) => ({
    rule: p.rule,
    reason: p.reason,
    quiet: (p as { quiet?: boolean }).quiet === true,
    re: new RegExp(p.source, "g"),
  })),
  {
    rule: "idiom",
    reason: "an idiom whose number word counts nothing",
    quiet: true,
    re: new RegExp(`(?<![\\w-])(?:${alternation(NOT_NUMBERS.idioms)})(?![\\w-])`, "gi"),
  },
  {
    rule: "identifier",
    reason: "a number that names something (Article 5, Boeing 737) is not a quantity",
    quiet: false,
    re: new RegExp(
      `(?<=(?<![\\w.])(?:${alternation(NUMBER_IDENTIFIERS.before)})\\s{1,2})\\d+(?:[.,]\\d+)*[A-Za-z]?(?![\\w])`,
      "g",
    ),
  },
];

/** A blanked span that reads like a number: the numbers stage reports it as a message. */
export interface NotANumber {
  rule: string;
  reason: string;
  start: number;
  end: number;
}

/**
 * The sentence with blanks over not-numbers and over `dates` (the spans the date grammar claimed, sorted by
 * start), and the not-numbers worth a message.
 */
export function maskSentence(text: string, sentence: Range, dates: readonly Range[]): { masked: string; notNumbers: NotANumber[] } {
  const notNumbers: NotANumber[] = [];
  const chars = text.slice(sentence.start, sentence.end).split("");
  const slice = text.slice(sentence.start, sentence.end);
  const blank = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (!/\s/.test(chars[k]!)) chars[k] = " ";
  };
  for (const rule of MASK_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      if (!m[0]) {
        rule.re.lastIndex++;
        continue;
      }
      // already blanked by an earlier rule: no second message
      const fresh = /\S/.test(chars.slice(m.index, m.index + m[0].length).join(""));
      blank(m.index, m.index + m[0].length);
      if (fresh && !rule.quiet && /\d|[IVXLC]{2}/.test(m[0]))
        notNumbers.push({
          rule: `not-a-number:${rule.rule}`,
          reason: `${JSON.stringify(m[0])}: ${rule.reason}`,
          start: sentence.start + m.index,
          end: sentence.start + m.index + m[0].length,
        });
    }
  }
  for (let i = firstStartingFrom(dates, sentence.start); i < dates.length && dates[i]!.start < sentence.end; i++) {
    blank(dates[i]!.start - sentence.start, Math.min(dates[i]!.end, sentence.end) - sentence.start);
  }
  return { masked: chars.join(""), notNumbers };
}
