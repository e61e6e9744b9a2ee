/**
 * Number atoms of one sentence: the plain numbers the numbers stage builds its mentions from. They come
 * from the recognizers library (cardinals and ordinals), corrected where its JavaScript port is known to
 * go wrong, plus the forms it does not read (scientific notation with "x10^", Indian and European digit
 * grouping, vulgar fractions, "1.5bn", "Hundreds of", "an hour" after a bound).
 *
 * Everything here works on the masked sentence: a string as long as the sentence in which date spans and
 * things that are not numbers (codes, phones, URLs) are blanked out, so no atom can touch them.
 */
import { recognizeNumbers, recognizeOrdinals } from "../adapters/recognizers.js";
import NOT_NUMBERS from "../lexicons/not-numbers.json" with { type: "json" };
import NUMBER_UNITS from "../lexicons/number-units.json" with { type: "json" };
import NUMBER_WORDS from "../lexicons/number-words.json" with { type: "json" };
import { ORDINALS, parseWordNumber, SCALES, tokenize } from "./numbers-words.js";

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
}

const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

// ---------------------------------------------------------------- reading number phrases ourselves

const SCALE_ABBREV: Readonly<Record<string, number>> = NUMBER_WORDS.scaleAbbreviations;

/** The value of a whole phrase: "3 million", "1,674.5", "two hundred and five", "a hundred". */
export function parseNumberPhrase(phrase: string): number | null {
  const s = phrase.trim();
  const digits = /^(-?)(\d[\d,]*(?:\.\d+)?|\.\d+)/.exec(s);
  if (digits) {
    let v = Number(digits[2]!.replace(/,/g, ""));
    if (!Number.isFinite(v)) return null;
    if (digits[1]) v = -v;
    const rest = s.slice(digits[0].length).trim();
    if (!rest) return v;
    for (const w of rest.split(/\s+/)) {
      const lw = w.toLowerCase();
      if (has(SCALES, lw)) v *= SCALES[lw]!;
      else if (has(SCALE_ABBREV, w)) v *= SCALE_ABBREV[w]!;
      else return null;
    }
    return v;
  }
  const toks = tokenize(s, 0, s.length);
  if (!toks.length) return null;
  let i = 0;
  let article = false;
  if ((toks[0]!.l === "a" || toks[0]!.l === "an") && toks.length > 1) {
    i = 1;
    article = true;
  }
  if (article && has(SCALES, toks[1]!.l)) {
    // "a hundred", "a thousand"
    const rest = toks.slice(1);
    const n = parseWordNumber([{ ...rest[0]!, t: "one", l: "one" }, ...rest], 0);
    return n && n.next === rest.length + 1 ? n.value : null;
  }
  const n = parseWordNumber(toks, i);
  return n && n.next === toks.length ? n.value : null;
}

/** The value of the last scale word of a phrase ("3 million" → 1e6), or 0. */
function trailingScale(phrase: string): number {
  const m = /([A-Za-z]+)\s*$/.exec(phrase);
  if (!m) return 0;
  const w = m[1]!;
  if (has(SCALES, w.toLowerCase())) return SCALES[w.toLowerCase()]!;
  if (has(SCALE_ABBREV, w)) return SCALE_ABBREV[w]!;
  return 0;
}

function hasScaleWord(phrase: string): boolean {
  return phrase.split(/\s+/).some((w) => has(SCALES, w.toLowerCase()));
}

const DENOMINATORS: Record<string, number> = (() => {
  const d: Record<string, number> = { half: 2, halves: 2, quarter: 4, quarters: 4 };
  for (const [w, v] of Object.entries(ORDINALS)) {
    if (v < 3) continue;
    d[w] = v;
    d[`${w}s`] = v;
  }
  return d;
})();

/** "a half", "three quarters", "fifty-four hundredths", "two thirds of a million", "a half million". */
export function parseFraction(phrase: string): { num: number; den: number; scale: number } | null {
  const words = phrase.trim().split(/\s+/);
  let scale = 0;
  let last = words[words.length - 1]!.toLowerCase();
  if (has(SCALES, last) && SCALES[last]! >= 1000 && words.length >= 2) {
    scale = SCALES[last]!;
    words.pop();
    // "two thirds of a million", "half a million"
    if (words.length >= 2 && /^an?$/i.test(words[words.length - 1]!)) words.pop();
    if (words.length >= 2 && words[words.length - 1]!.toLowerCase() === "of") words.pop();
    last = words[words.length - 1]!.toLowerCase();
  }
  // the denominator may be hyphenated: "twenty-fifths"
  const denWords = last.split("-");
  const denWord = denWords[denWords.length - 1]!;
  if (!has(DENOMINATORS, denWord)) return null;
  let den = DENOMINATORS[denWord]!;
  const numWords = [...words.slice(0, -1)];
  if (denWords.length > 1) {
    const tens = parseNumberPhrase(denWords.slice(0, -1).join(" "));
    if (tens === null) return null;
    den += tens;
  }
  let num: number;
  if (!numWords.length) num = 1;
  else if (numWords.length === 1 && /^(a|an)$/i.test(numWords[0]!)) num = 1;
  else {
    const v = parseNumberPhrase(numWords.join(" "));
    if (v === null) return null;
    num = v;
  }
  return { num, den, scale };
}

// ---------------------------------------------------------------- fixing the library's readings

const UNICODE_FRACTIONS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(NUMBER_WORDS.vulgarFractions).map(([c, [n, d]]) => [c, n! / d!]),
);
const UNICODE_FRACTION_CHARS = Object.keys(UNICODE_FRACTIONS).join("");

/**
 * Re-reads one library atom. Fixes: a hyphen taken for a minus ("1,200-for-1,200"), "and a half" after a
 * scale ("3 million and a half" = 3.5 million), fractions before a scale ("half million"), "2 in 5".
 * Returns the atom(s) it becomes.
 */
function reread(a: Atom, masked: string, base: number): Atom[] {
  let { start, value } = a;
  const text = masked.slice(a.start - base, a.end - base);
  // a "-" glued after a letter or digit is a hyphen, not a minus
  if (
    (text.startsWith("-") || text.startsWith("–")) &&
    a.start > base &&
    /[\p{L}\p{N}%/±]/u.test(masked[a.start - base - 1]!)
  ) {
    start += 1;
    value = -value;
    while (start < a.end && /\s/.test(masked[start - base]!)) start++;
  }
  const own = masked.slice(start - base, a.end - base);
  // "N in M", "N out of M": a fraction when N < M, else two numbers
  const ratio = /^(.+?)\s+(in|out of)\s+(.+)$/i.exec(own);
  if (ratio && a.kind === "cardinal") {
    const n = parseNumberPhrase(ratio[1]!);
    const d = parseNumberPhrase(ratio[3]!);
    if (n !== null && d !== null) {
      if (n < d && d !== 0) return [{ ...a, start, value: n / d }];
      const dStart = start + own.length - ratio[3]!.length;
      return [
        { start, end: start + ratio[1]!.length, value: n, kind: "cardinal" },
        { start: dStart, end: a.end, value: d, kind: "cardinal" },
      ];
    }
    if (!Number.isFinite(value)) return [];
  }
  // "a fourth round" is an ordinal; "a fourth", "a fourth of the votes" are fractions
  const articleOrdinal = /^(an?)\s+([a-z]+(?:-[a-z]+)?)$/i.exec(own);
  if (
    articleOrdinal &&
    a.kind === "cardinal" &&
    has(ORDINALS, articleOrdinal[2]!.toLowerCase().split("-").pop()!)
  ) {
    const next = /^(?:\s+|-)([a-z]+)/.exec(masked.slice(a.end - base));
    if (next && next[1] !== "of" && !/^(?:and|or|but|to|in|on|at|for|is|was|are|were)$/.test(next[1]!)) {
      const ordStart = start + own.length - articleOrdinal[2]!.length;
      const ov = parseWordNumber(tokenize(articleOrdinal[2]!, 0, articleOrdinal[2]!.length), 0, {
        ordinal: true,
      });
      if (ov?.ordinal) return [{ start: ordStart, end: a.end, value: ov.value, kind: "ordinal" }];
    }
  }
  if (/[A-Za-z]/.test(own) && a.kind === "cardinal") {
    const lower = own.toLowerCase().replace(/\s+/g, " ");
    const and = lower.lastIndexOf(" and ");
    if (and > 0) {
      // "<head> and <fraction> [scale]"
      const head = lower.slice(0, and);
      const frac = parseFraction(lower.slice(and + 5));
      const hv = frac && frac.num < frac.den ? parseNumberPhrase(head) : null;
      if (frac && hv !== null) {
        const f = frac.num / frac.den;
        const hs = trailingScale(head);
        if (frac.scale) value = hasScaleWord(head) ? hv + f * frac.scale : (hv + f) * frac.scale;
        else if (hs >= 1_000_000) value = hv + f * hs;
        else value = hv + f;
      }
    } else {
      const frac = parseFraction(lower);
      if (frac?.scale) value = (frac.num / frac.den) * frac.scale;
    }
  }
  // vulgar fractions: "⅔", "2½"
  const vf = new RegExp(`^(\\d+)?\\s?([${UNICODE_FRACTION_CHARS}])$`).exec(own);
  if (vf) value = (vf[1] ? Number(vf[1]) : 0) + UNICODE_FRACTIONS[vf[2]!]!;
  if (!Number.isFinite(value)) return [];
  return [{ ...a, start, value }];
}

/** Digit-and-scale pieces that belong together: "4 thousand 3 hundred and 21" = 4321, "four-hundredth". */
function mergeComposites(atoms: Atom[], masked: string, base: number): Atom[] {
  const out: Atom[] = [];
  for (const a of atoms) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.kind === "cardinal" &&
      a.kind === "ordinal" &&
      masked.slice(prev.end - base, a.start - base) === "-"
    ) {
      const joined = masked.slice(prev.start - base, a.end - base);
      const toks = tokenize(joined, 0, joined.length);
      const n = parseWordNumber(toks, 0, { ordinal: true });
      if (n?.ordinal && n.next === toks.length) {
        out[out.length - 1] = { start: prev.start, end: a.end, value: n.value, kind: "ordinal" };
        continue;
      }
    }
    if (prev && prev.kind === "cardinal" && a.kind === "cardinal") {
      const gap = masked.slice(prev.end - base, a.start - base);
      const prevText = masked.slice(prev.start - base, prev.end - base);
      const aText = masked.slice(a.start - base, a.end - base);
      const scale = trailingScale(prevText);
      if (
        /^\s+(?:and\s+)?$/.test(gap) &&
        /\d/.test(prevText) &&
        scale >= 100 &&
        a.value > 0 &&
        a.value < scale &&
        !/^[-+−]/.test(aText) &&
        Number.isInteger(a.value) &&
        !/\./.test(aText)
      ) {
        out[out.length - 1] = { ...prev, end: a.end, value: prev.value + a.value };
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

// ---------------------------------------------------------------- forms the library does not read

/** A piece an own rule finds: [from, to) inside its match. */
type OwnPiece = Omit<Atom, "start" | "end"> & { from: number; to: number; needsCurrency?: boolean };

interface OwnRule {
  re: RegExp;
  make: (m: RegExpExecArray) => OwnPiece[];
}

const CURRENCY_BEFORE = /(?:US\$|C\$|A\$|HK\$|[$€£¥₴₽₹])\s?$/;
const VAGUE: Readonly<Record<string, number>> = NUMBER_WORDS.vaguePlurals;
const VAGUE_ALT = Object.keys(VAGUE)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/ /g, "\\s+"))
  .join("|");
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
  // 1.5bn, 10mn, 3.5tn, 2 bln; after a currency sign also 3m, 2b, 7k
  {
    re: /(?<![\w.,])(\d+(?:[.,]\d+)*)(\s?(?:bn|mn|mln|tn|trn|bln|tln)|m|b|k)\b/gi,
    make: (m) => {
      const suffix = m[2]!.trim();
      const scale = SCALE_ABBREV[suffix] ?? SCALE_ABBREV[suffix.toLowerCase()];
      if (!scale) return [];
      const v = Number(m[1]!.replace(/,/g, ""));
      return [
        { from: 0, to: m[0].length, value: v * scale, kind: "cardinal", needsCurrency: m[2]!.length === 1 },
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

function ownAtoms(masked: string, base: number): Atom[] {
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

// ---------------------------------------------------------------- ordinals and words that pick, not count

const RELATIVE_ORDINALS = new Set(NOT_NUMBERS.relativeOrdinals);
const TITLE_WORDS = new Set(NOT_NUMBERS.titleWords);
const PICK_AFTER = new RegExp(`\\b(?:${NOT_NUMBERS.pickOneAfterDeterminers.join("|")})\\s+$`, "i");
const PICK_FOLLOWERS = new RegExp(
  `^(?:\\s+(?:${[...NOT_NUMBERS.pickOneFollowers, ...NOT_NUMBERS.pickOneBefore].join("|")})|-(?:${NOT_NUMBERS.pickOneHyphenFollowers.join("|")}))\\b`,
  "i",
);
const NAME_NUMBER_NOT_AFTER = new Set(NOT_NUMBERS.nameNumberNotAfter);
const TITLE_WORDS_LOWER = new Set(NOT_NUMBERS.titleWordsLowercase);
const ORDINAL_NOT_AFTER = new RegExp(`\\b(?:${NOT_NUMBERS.ordinalNotAfter.join("|")})\\s+$`, "i");

/** Why an atom is not a quantity in its context, or null. */
function notAQuantity(a: Atom, masked: string, base: number): string | null {
  const text = masked.slice(a.start - base, a.end - base);
  const before = masked.slice(Math.max(0, a.start - base - 40), a.start - base);
  const after = masked.slice(a.end - base, a.end - base + 40);
  // a capitalised number word after a capitalised word, not before a lower-case word, is part of a name
  // ("Ground Zero", "Air Force One")
  if (/^[A-Z][a-z]+(?:-[a-z]+)?$/.test(text)) {
    const prev = /([A-Z][A-Za-z]*)\s+$/.exec(before);
    const prevIsWord =
      prev &&
      !NAME_NUMBER_NOT_AFTER.has(prev[1]!) &&
      !/[.!?:;"“‘(—–-]\s*[A-Z][A-Za-z]*\s+$/.test(before);
    const countedNext = /^\s+([a-z]+)/.exec(after);
    const counts = countedNext && countedNext[1]!.length > 3 && /[^s]s$/.test(countedNext[1]!);
    if (prevIsWord && !counts) return `"${prev![1]} ${text}" is a name`;
  }
  if (a.kind === "cardinal" && /^one$/i.test(text)) {
    if (PICK_FOLLOWERS.test(after))
      return `"${text}" picks one out ("one of", "one by one"), it does not count`;
    if (PICK_AFTER.test(before)) return `"${text}" is a pronoun here ("the one", "no one")`;
  }
  if (a.kind === "ordinal") {
    if (RELATIVE_ORDINALS.has(text.toLowerCase())) return `"${text}" is a relative ordinal`;
    if (/^second$/i.test(text) && ORDINAL_NOT_AFTER.test(before)) return `"${text}" is a unit of time here`;
    if (/^[A-Z][a-z]/.test(text) && /\w['’]s\s+$/.test(before))
      return `"${text}" after a possessive names a work ("Beethoven's Fifth")`;
    const next = /^\s+([A-Z][a-z]+)/.exec(after);
    if (next && TITLE_WORDS.has(next[1]!) && /^[A-Z]/.test(text))
      return `"${text} ${next[1]}" is a title or name`;
    const lowerNext = /^\s+([a-z]+)/.exec(after);
    if (lowerNext && TITLE_WORDS_LOWER.has(lowerNext[1]!) && /^first$/i.test(text))
      return `"${text} ${lowerNext[1]}" is a title`;
  }
  return null;
}

// ---------------------------------------------------------------- putting it together

const ORDINAL_HINT = new RegExp(
  `\\d\\s?(?:st|nd|rd|th)\\b|\\b(?:${Object.keys(ORDINALS)
    .map((w) => w.replace(/th$/, ""))
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
  "i",
);

export interface AtomsResult {
  atoms: Atom[];
  dropped: Array<{ start: number; end: number; reason: string }>;
}

/**
 * The atoms of a masked sentence. `masked` is the sentence text with blanked spans, `base` the document
 * offset of its first character.
 */
export function findAtoms(masked: string, base: number): AtomsResult {
  const dropped: AtomsResult["dropped"] = [];
  const lib: Atom[] = [];
  for (const r of recognizeNumbers(masked)) {
    const a: Atom = { start: base + r.start, end: base + r.end, value: r.value, kind: "cardinal" };
    lib.push(...reread(a, masked, base));
  }
  if (ORDINAL_HINT.test(masked)) {
    for (const r of recognizeOrdinals(masked)) {
      if (!Number.isFinite(r.value) || r.value === 0) continue;
      lib.push({ start: base + r.start, end: base + r.end, value: r.value, kind: "ordinal" });
    }
  }
  // a cardinal holding an ordinal is a fraction ("a fifth"); an ordinal holding a cardinal wins ("three trillionth")
  lib.sort((a, b) => a.start - b.start || b.end - a.end);
  const resolved: Atom[] = [];
  for (const a of lib) {
    const clash = resolved.findIndex((b) => a.start < b.end && b.start < a.end);
    if (clash < 0) {
      resolved.push(a);
      continue;
    }
    const b = resolved[clash]!;
    const aLen = a.end - a.start;
    const bLen = b.end - b.start;
    if (aLen > bLen || (aLen === bLen && a.kind === "cardinal")) resolved[clash] = a;
  }
  resolved.sort((a, b) => a.start - b.start);
  let atoms = mergeComposites(resolved, masked, base);
  // own readings replace the library's where they overlap (except vague plurals and "an hour", which give way)
  for (const o of ownAtoms(masked, base)) {
    const overlapping = atoms.filter((a) => a.start < o.end && o.start < a.end);
    if (o.vague || o.needsModifier) {
      if (overlapping.length) continue;
    } else if (overlapping.some((a) => a.start < o.start || a.end > o.end)) {
      // a longer library reading around it ("1,674.5 G") stays
      if (overlapping.every((a) => a.end - a.start >= o.end - o.start)) continue;
    }
    atoms = atoms.filter((a) => !overlapping.includes(a));
    atoms.push(o);
  }
  atoms.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Atom[] = [];
  for (const a of atoms) {
    const why = notAQuantity(a, masked, base);
    if (why) dropped.push({ start: a.start, end: a.end, reason: why });
    else kept.push(a);
  }
  return { atoms: kept, dropped };
}
