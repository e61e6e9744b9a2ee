/**
 * Number forms the recognizers library does not read (or reads as 0): scientific notation with "x10^",
 * Indian and European digit grouping, vulgar fractions, "1.5bn", vague plurals ("Hundreds of") and
 * "an hour" (a number only after a bound or hedge).
 */
import NUMBER_UNITS from "../../lexicons/number-units.json" with { type: "json" };
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import type { Atom } from "./atom.js";
import { alternation } from "./lexicon-patterns.js";
import { UNICODE_FRACTION_CHARS, UNICODE_FRACTIONS } from "./vulgar-fractions.js";

const SCALE_ABBREV: Readonly<Record<string, number>> = NUMBER_WORDS.scaleAbbreviations;

/** A piece an own rule finds: [from, to) inside its match. */
type OwnPiece = Omit<Atom, "start" | "end"> & { from: number; to: number; needsCurrency?: boolean };

interface OwnRule {
  re: RegExp;
  make: (m: RegExpExecArray) => OwnPiece[];
}

const CURRENCY_BEFORE = /(?:US\$|C\$|A\$|HK\$|[$€£¥₴₽₹])\s?$/;
const VAGUE: Readonly<Record<string, number>> = NUMBER_WORDS.vaguePlurals;
const VAGUE_ALT = alternation(Object.keys(VAGUE));
const TIME_UNITS_SINGULAR = Object.entries(NUMBER_UNITS.durationUnits)
  .filter(([k, v]) => k === v)
  .map(([k]) => k)
  .join("|");

const OWN_RULES: OwnRule[] = [
  // 1.3x10^6, 6.23x10^-4
  {
    re: /(?<![\w.])(-?\d+(?:\.\d+)?)\s?[x×*]\s?10\^([+-]?\d+)(?!\d)/g,
    make: (m) => [{ from: 0, to: m[0].length, value: Number(m[1]) * 10 ** Number(m[2]), kind: "cardinal" }],
  },
  // Indian grouping: 12,34,567.89
  {
    re: /(?<![\d,.])\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]|\.\d)/g,
    make: (m) => [{ from: 0, to: m[0].length, value: Number(m[0].replace(/,/g, "")), kind: "cardinal" }],
  },
  // European grouping: 1.111,11
  {
    re: /(?<![\d,.])\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d])/g,
    make: (m) => [
      {
        from: 0,
        to: m[0].length,
        value: Number(m[0].replace(/\./g, "").replace(",", ".")),
        kind: "cardinal",
      },
    ],
  },
  // vulgar fractions the library reads as 0
  {
    re: new RegExp(`(?<![\\d.])(\\d+)?([${UNICODE_FRACTION_CHARS}])`, "g"),
    make: (m) => [
      {
        from: 0,
        to: m[0].length,
        value: (m[1] ? Number(m[1]) : 0) + UNICODE_FRACTIONS[m[2]!]!,
        kind: "cardinal",
      },
    ],
  },
  // 1.5bn, 10mn, 3.5tn, 2 bln, .5M, 3M, 100K, 5 cr; after a currency sign also 3m, 2b (5m alone is metres)
  {
    re: /(?<![\w.,])(\d*\.\d+|\d+(?:[.,]\d+)*)(\s?(?:bn|mn|mln|tn|trn|bln|tln|cr)|m|b|k)\b/gi,
    make: (m) => {
      const suffix = m[2]!.trim();
      const scale = SCALE_ABBREV[suffix] ?? SCALE_ABBREV[suffix.toLowerCase()];
      if (!scale) return [];
      const v = Number(m[1]!.replace(/,/g, ""));
      return [
        { from: 0, to: m[0].length, value: v * scale, kind: "cardinal", needsCurrency: /^[mb]$/.test(m[2]!) },
      ];
    },
  },
  // Hundreds of, thousands more, tens of thousands of (or sentence-first "Thousands fled"): the scale as a lower bound
  {
    re: new RegExp(
      `(?<![\\w-])(${VAGUE_ALT})(?=\\s+(?:of|more)\\b)|^\\s*(${VAGUE_ALT})\\b(?=\\s+[a-z])`,
      "gi",
    ),
    make: (m) => {
      const word = (m[1] ?? m[2])!;
      const from = m[0].length - word.length;
      return [
        {
          from,
          to: m[0].length,
          value: VAGUE[word.toLowerCase().replace(/\s+/g, " ")]!,
          kind: "cardinal",
          vague: true,
        },
      ];
    },
  },
  // an hour, a day: one unit, when a bound or hedge comes before ("less than an hour")
  {
    re: new RegExp(`(?<![\\w-])(an?)\\s+(?=(?:${TIME_UNITS_SINGULAR})\\b)`, "gi"),
    make: (m) => [{ from: 0, to: m[1]!.length, value: 1, kind: "cardinal", needsModifier: true }],
  },
];

/** The atoms of the own rules in a masked sentence; `base` is the document offset of its first character. */
export function ownAtoms(masked: string, base: number): Atom[] {
  const out: Atom[] = [];
  for (const rule of OWN_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(masked); m; m = rule.re.exec(masked)) {
      for (const { from, to, needsCurrency, ...atom } of rule.make(m)) {
        if (needsCurrency && !CURRENCY_BEFORE.test(masked.slice(0, m.index + from))) continue;
        out.push({ ...atom, start: base + m.index + from, end: base + m.index + to });
      }
    }
  }
  return out;
}
