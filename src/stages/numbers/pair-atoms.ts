/**
 * Ranges ("24 to 48", "between 20 and 30", "$500 to $2,000") and exchanges ("1,200-for-1,200") from
 * neighbouring atoms; every other atom becomes a draft of its own.
 */
import NUMBER_EXCHANGES from "../../lexicons/number-exchanges.json" with { type: "json" };
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import type { Atom } from "./atom.js";
import { CURRENCY_BEFORE_RE, CURRENCY_SYMBOLS } from "./currency-signs.js";
import { type Draft, matchedLength, type View } from "./draft.js";
import { alternation } from "./lexicon-patterns.js";

const RANGE_GAP_RE = new RegExp(
  `^(\\s*(?:%|per\\s?cent|percent))?\\s*(-|–|—|~|to|through|thru|and)\\s*((?:the\\s+)?)(${alternation(Object.keys(CURRENCY_SYMBOLS))})?\\s?$`,
  "i",
);
const RANGE_OPENER_RE = new RegExp(
  `(?:^|[^\\w])(between|from)\\s+((?:the\\s+)?)(?:${alternation(Object.keys(CURRENCY_SYMBOLS))})?\\s?$`,
  "i",
);
const EXCHANGE_CONTEXT = new RegExp(`\\b(?:${alternation(NUMBER_EXCHANGES.contextWords)})\\b`, "i");
const EXCHANGE_FOR = new RegExp(
  `^(?:-(?:${alternation(NUMBER_EXCHANGES.connectors)})-|\\s+(?:${alternation(NUMBER_EXCHANGES.connectors)})\\s+)$`,
  "i",
);

/** Scale of a number's trailing scale word ("3 million" → 1e6, "20k" → 1e3), or 0. */
function scaleOf(text: string): number {
  const m = /(hundred|thousand|million|billion|trillion|lakh|crore|bn|mn|tn|[kmb])\s*$/i.exec(text);
  if (!m) return 0;
  const w = m[1]!;
  const words: Record<string, number> = NUMBER_WORDS.scales;
  const abbrev: Record<string, number> = NUMBER_WORDS.scaleAbbreviations;
  return words[w.toLowerCase()] ?? abbrev[w] ?? abbrev[w.toLowerCase()] ?? 0;
}

/** Ranges ("24 to 48", "between 20 and 30") and exchanges ("1,200-for-1,200") from neighbouring atoms. */
export function pairAtoms(atoms: Atom[], v: View, sentence: string): Draft[] {
  const drafts: Draft[] = [];
  const exchangeContext = EXCHANGE_CONTEXT.test(sentence);
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1];
    if (b && !a.vague && !b.vague && !a.needsModifier && !b.needsModifier && a.kind === b.kind) {
      const gap = v.slice(a.end, b.start);
      if (a.kind === "cardinal") {
        const equal = a.value === b.value;
        const forGap = EXCHANGE_FOR.test(gap);
        const hyphen = /^[-–]$/.test(gap);
        if (
          (forGap && (/^-/.test(gap) || equal || exchangeContext)) ||
          (hyphen && equal && (exchangeContext || a.value >= 100))
        ) {
          drafts.push({ start: a.start, end: b.end, kind: "exchange", sides: [a.value, b.value] });
          i++;
          continue;
        }
      }
      const g = RANGE_GAP_RE.exec(gap);
      if (g) {
        const opener = RANGE_OPENER_RE.exec(v.before(a.start));
        const connector = g[2]!.toLowerCase();
        const needsBetween = connector === "and";
        let ok = needsBetween
          ? opener?.[1]?.toLowerCase() === "between"
          : !(opener?.[1]?.toLowerCase() === "between");
        // a dash joins figures, not words ("three-nought-four" is a sequence)
        if (
          /^[-–—~]$/.test(connector) &&
          !(/\d/.test(v.slice(a.start, a.end)) && /\d/.test(v.slice(b.start, b.end)))
        )
          ok = false;
        const bText = v.slice(b.start, b.end);
        const aText = v.slice(a.start, a.end);
        let low = a.value;
        const bScale = scaleOf(bText);
        if (bScale >= 1000 && !scaleOf(aText) && low < 1000 && low * bScale < b.value * 1.0000001)
          low *= bScale;
        if (ok && low < b.value && (!g[3] || a.kind === "ordinal")) {
          const start = opener ? a.start - matchedLength(opener) : a.start;
          const d: Draft = { start, end: b.end, kind: "range", low, high: b.value };
          if (g[1]) d.unit = g[1].trim();
          if (g[4]) {
            // "$500 to $2,000": the currency sign before the first figure makes it a money range
            const cur = CURRENCY_BEFORE_RE.exec(v.before(a.start));
            if (cur && cur[1] === g[4]) {
              d.start = Math.min(d.start, a.start - matchedLength(cur));
              d.unit = CURRENCY_SYMBOLS[g[4]]!;
            } else {
              drafts.push({ start: a.start, end: a.end, kind: a.kind, value: a.value });
              continue;
            }
          }
          drafts.push(d);
          i++;
          continue;
        }
      }
    }
    const d: Draft = { start: a.start, end: a.end, kind: a.kind, value: a.value };
    if (a.vague) {
      d.bound = ">=";
      d.vague = true;
    }
    if (a.needsModifier) d.needsModifier = true;
    if (a.approx) d.approx = true;
    if (
      a.kind === "cardinal" &&
      /^\d{4}$/.test(v.slice(a.start, a.end)) &&
      !/^\s*[-–/.]\s*\d/.test(v.after(a.end)) &&
      !/\d\s*[-–/.]\s*$/.test(v.before(a.start))
    )
      d.yearish = true;
    drafts.push(d);
  }
  return drafts;
}
