/**
 * dates: calendar dates in the sentences, resolved against the document date (kind "date": an ISO day,
 * month or year, with a bound for "since 2022", "by the end of August"). The grammar lives beside this file
 * (find-date-candidates.ts and the rule modules it reads); the numbers stage reads the same grammar to
 * leave these spans alone, so the two layers never overlap. Without a document date, anything relative
 * ("yesterday", "16 May") is left out with a message, never resolved against today's clock.
 */
import { isoDate, parseYmd } from "./calendar.js";
import { clauseTense } from "./clause-tense.js";
import { findDateCandidates } from "./find-date-candidates.js";
import type { Message, NumberMention, Range } from "../../schema.js";
import { overlaps } from "../../text/spans.js";
import type { Stage } from "../../stage.js";

const STAGE = "dates";

export interface DatesResult {
  dates: NumberMention[];
  messages: Message[];
}

/**
 * Dates in `sentences` of `text`. `docDate` is YYYY-MM-DD or null; `numbers` is the numbers layer, which
 * dates must not overlap (a date overlapping a number is dropped with a message).
 */
export function findDates(
  text: string,
  sentences: Range[],
  docDate: string | null,
  numbers: NumberMention[] = [],
): DatesResult {
  const ref = parseYmd(docDate);
  const dates: NumberMention[] = [];
  const messages: Message[] = [];
  const msg = (rule: string, reason: string, span: Range) =>
    messages.push({ stage: STAGE, rule, reason, start: span.start, end: span.end });
  for (const sentence of sentences) {
    for (const c of findDateCandidates(text, sentence)) {
      const span = { start: c.start, end: c.end };
      const quoted = JSON.stringify(text.slice(c.start, c.end));
      if (!c.resolve) {
        msg("not-a-date", `${quoted} names no single day, month or year (${c.why ?? "unresolved"})`, span);
        continue;
      }
      if (numbers.some((n) => overlaps(n, span))) {
        msg("overlaps-number", `${quoted} overlaps a number mention; the number is kept`, span);
        continue;
      }
      if (c.relative && !ref) {
        msg("no-document-date", `${quoted} is relative and the document has no date`, span);
        continue;
      }
      const cal = c.resolve({ ref, tense: c.tense ?? clauseTense(text, sentence, span) });
      if (!cal) {
        msg("invalid-date", `${quoted} does not resolve to a calendar date`, span);
        continue;
      }
      const m: NumberMention = {
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        kind: "date",
        date: isoDate(cal),
      };
      if (c.bound) m.bound = c.bound;
      dates.push(m);
    }
  }
  dates.sort((a, b) => a.start - b.start || a.end - b.end);
  return { dates, messages };
}

export const datesStage: Stage = {
  name: STAGE,
  requires: ["sentences", "numbers"],
  provides: "dates",
  run(doc) {
    const { dates, messages } = findDates(doc.text, doc.get("sentences"), doc.meta.date, doc.get("numbers"));
    doc.set("dates", dates);
    for (const m of messages) doc.message(m.stage, m.rule, m.reason, { start: m.start!, end: m.end! });
  },
};
