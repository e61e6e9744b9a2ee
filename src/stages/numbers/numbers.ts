/**
 * numbers: quantities in the sentences (everything but calendar dates, which the dates stage owns), as
 * normalised NumberMentions: cardinals, ordinals, percentages, money, durations, ranges, exchanges and
 * standalone years, with bounds ("more than 100"), hedges ("about 30"), increments ("3,000 more") and the
 * counted noun as `unit`.
 *
 * Per sentence: a cheap pre-filter; spans that are not numbers (codes, phone numbers, URLs, and the
 * dates layer's date expressions) are blanked out (numbers/mask-sentence.ts); the atoms are read from what is left
 * (numbers/find-atoms.ts); drafts are built from the atoms (pair-atoms.ts) and the words around them
 * (measures.ts, modifiers.ts, compound-ranges.ts, counted-unit.ts). Every rule reads its words from
 * src/lexicons.
 */
import { compoundRanges } from "./compound-ranges.js";
import { countedUnit } from "./counted-unit.js";
import { type Draft, toMention, View } from "./draft.js";
import { findAtoms } from "./find-atoms.js";
import { maskSentence } from "./mask-sentence.js";
import { measures } from "./measures.js";
import { modifiers } from "./modifiers.js";
import { NUMBER_PREFILTER } from "./number-prefilter.js";
import { pairAtoms } from "./pair-atoms.js";
import type { Message, NumberMention, Range } from "../../schema.js";
import type { Stage } from "../../stage.js";
import { firstStartingFrom } from "../../text/spans.js";

const STAGE = "numbers";

export interface NumbersOptions {
  /** skip sentences without digits or number words before running the recognisers (default true) */
  prefilter?: boolean;
}

export interface NumbersResult {
  numbers: NumberMention[];
  messages: Message[];
}

/**
 * Numbers (not dates) in the sentences of `text`, sorted by start, non-overlapping. `dates` are the spans the
 * date grammar claimed (the dates layer's `claimed`, sorted): no number is read inside them, and a number
 * that would overlap one is dropped with a message.
 */
export function findNumbers(text: string, sentences: Range[], dates: readonly Range[], options: NumbersOptions = {}): NumbersResult {
  const prefilter = options.prefilter ?? true;
  const numbers: NumberMention[] = [];
  const messages: Message[] = [];
  for (const sentence of sentences) {
    const raw = text.slice(sentence.start, sentence.end);
    if (prefilter && !NUMBER_PREFILTER.test(raw)) continue;
    const { masked, notNumbers } = maskSentence(text, sentence, dates);
    for (const x of notNumbers) messages.push({ stage: STAGE, ...x });
    if (prefilter && !NUMBER_PREFILTER.test(masked)) continue;
    const v = new View(masked, sentence.start);
    const { atoms, dropped } = findAtoms(masked, sentence.start);
    for (const x of dropped)
      messages.push({ stage: STAGE, rule: "not-a-quantity", reason: x.reason, start: x.start, end: x.end });
    let drafts = pairAtoms(atoms, v, raw);
    for (const d of drafts) measures(d, v);
    for (const d of drafts) modifiers(d, v);
    drafts = compoundRanges(drafts, v);
    const kept: Draft[] = [];
    for (const d of drafts) {
      if (d.needsModifier && !d.bound && !d.approx) continue;
      if ((d.kind === "cardinal" || d.kind === "range" || d.kind === "exchange") && !d.unit) {
        const u = countedUnit(d, v);
        if (u) {
          d.unit = u;
          d.yearish = false;
        }
      }
      if (d.yearish && d.kind === "cardinal" && d.value !== undefined && d.value >= 1900 && d.value <= 2099)
        d.kind = "year";
      const prev = kept[kept.length - 1];
      if (prev && d.start < prev.end) continue;
      const date = dates[firstStartingFrom(dates, d.start) - 1];
      const next = dates[firstStartingFrom(dates, d.start)];
      if ((date && date.end > d.start) || (next && next.start < d.end)) {
        const quoted = JSON.stringify(text.slice(d.start, d.end));
        messages.push({ stage: STAGE, rule: "overlaps-date", reason: `${quoted} overlaps a date expression; the date is kept`, start: d.start, end: d.end });
        continue;
      }
      kept.push(d);
    }
    for (const d of kept) numbers.push(toMention(text, d));
  }
  numbers.sort((a, b) => a.start - b.start || a.end - b.end);
  return { numbers, messages };
}

export const numbersStage: Stage = {
  name: STAGE,
  requires: ["sentences", "dates"],
  provides: "numbers",
  run(doc, ctx) {
    const { numbers, messages } = findNumbers(doc.text, doc.get("sentences"), doc.get("dates").claimed);
    doc.set("numbers", numbers);
    for (const m of messages) ctx.report(m.rule, m.reason, { start: m.start!, end: m.end! });
  },
};
