/**
 * dates: calendar dates in the sentences, resolved against the document date (kind "date": an ISO day,
 * month or year, with a bound for "since 2022", "by the end of August"). The grammar lives beside this file
 * (find-date-candidates.ts and the rule modules it reads). The layer also keeps every span the grammar
 * claimed, resolved or not: the numbers stage, which runs after it, reads no number inside them, so the
 * two layers never overlap. Without a document date, anything relative
 * ("yesterday", "16 May") is left out with a message, never resolved against today's clock.
 */
import { isoDate, type Ymd } from "./calendar.js";
import { type Anchors, nameDate } from "./date-expression.js";
import { clauseTense } from "./clause-tense.js";
import { findDateCandidates } from "./find-date-candidates.js";
import type { DatesLayer } from "../../doc.js";
import type { Message, NumberMention, Range } from "../../schema.js";
import { byStart } from "../../text/spans.js";
import type { Stage } from "../../stage.js";

const STAGE = "dates";

/**
 * Dates in `sentences` of `text`, resolved against `docDate`. `claimed` holds every span the grammar read
 * as a date expression, resolved or not; the numbers stage reads no number inside them.
 */
export function findDates(text: string, sentences: Range[], docDate: Ymd | null): DatesLayer & { messages: Message[] } {
  const mentions: NumberMention[] = [];
  const claimed: Range[] = [];
  const messages: Message[] = [];
  const msg = (rule: string, reason: string, span: Range) =>
    messages.push({ stage: STAGE, rule, reason, start: span.start, end: span.end });
  // the dates named last, which anaphora count from ("that year", "three days later")
  let anchors: Anchors = {};
  for (const sentence of sentences) {
    for (const c of findDateCandidates(text, sentence)) {
      const span = { start: c.start, end: c.end };
      claimed.push(span);
      const quoted = JSON.stringify(text.slice(c.start, c.end));
      if (!c.resolve) {
        msg("not-a-date", `${quoted} names no single day, month or year (${c.why ?? "unresolved"})`, span);
        continue;
      }
      if (c.relative && !docDate) {
        msg("no-document-date", `${quoted} is relative and the document has no date`, span);
        continue;
      }
      const cal = c.resolve({ ref: docDate, tense: c.tense ?? clauseTense(text, sentence, span), anchors });
      if (!cal) {
        msg("invalid-date", `${quoted} does not resolve to a calendar date`, span);
        continue;
      }
      anchors = nameDate(anchors, cal);
      const m: NumberMention = {
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        kind: "date",
        date: isoDate(cal),
      };
      if (c.bound) m.bound = c.bound;
      mentions.push(m);
    }
  }
  mentions.sort(byStart);
  claimed.sort(byStart);
  return { mentions, claimed, messages };
}

export const datesStage: Stage = {
  name: STAGE,
  requires: ["body", "sentences"],
  provides: "dates",
  run(doc, ctx) {
    const { mentions, claimed, messages } = findDates(doc.text, doc.get("sentences"), doc.get("body").date);
    doc.set("dates", { mentions, claimed });
    for (const m of messages) ctx.report(m.rule, m.reason, { start: m.start!, end: m.end! });
  },
};
