/**
 * Quote paragraphs with no cue of their own: they carry on the statement just before them ("Kerry
 * said that …¶“That adds up …”"), or the paragraph before introduces them with a colon ("He then
 * listed the qualities:¶“Has the candidate …”"). The source is the introducer's or the previous
 * statement's; a statement further back gives the content only, with no source.
 */
import type { Range, StatementDraft } from "../../doc.js";
import { OPENS_WITH_QUOTE } from "../../text/quote-marks.js";
import { type Ctx, type TokRange, tokRange, wordCount } from "./context.js";
import { npRight } from "./np/right.js";
import { mainSubject, sourceOf } from "./source.js";

const SUBORDINATE = /^(when|after|as|while|if|before|since|although|though|because|once|in)$/;

/** The statement whose content ends last before offset (any kind). */
function latestBefore(out: StatementDraft[], offset: number): StatementDraft | undefined {
  let best: StatementDraft | undefined;
  for (const s of out) {
    const end = s.content[s.content.length - 1]!.end;
    if (end <= offset && (!best || end > best.content[best.content.length - 1]!.end)) best = s;
  }
  return best;
}

/** "He then listed the qualities …:" — the speaker of the last sentence of a paragraph ending in a colon. */
function introSource(c: Ctx, para: Range): TokRange | null {
  const { tokens, index } = c;
  const last = index.atOrBefore(para.end);
  const colon = tokens[last];
  if (colon?.text !== ":") return null;
  const [sFirst] = index.bySentence[colon.sentence]!;
  const first = Math.max(sFirst, index.atOrAfter(para.start));
  const cue = [...c.cues]
    .reverse()
    .find((k) => k.start >= tokens[first]!.start && k.end <= colon.start && k.form !== "colon");
  if (cue) return sourceOf(c, cue, first, last - 1);
  // "When Wallace died in 1998, President Clinton released the following statement:"
  let from = first;
  if (SUBORDINATE.test(tokens[first]!.lower)) {
    while (from < last && tokens[from]!.text !== ",") from++;
    if (from >= last) return null;
  }
  // "Partial transcript as follows:" has no verb: its first noun phrase
  return mainSubject(tokens, from, last) ?? npRight(tokens, from, last - 1, false);
}

export function continuations(c: Ctx): void {
  const { text, paragraphs } = c;
  let pi = 0;
  for (const q of c.quotes) {
    if (c.usedQuotes.has(q) || wordCount(text, q.inner) < 4) continue;
    while (pi + 1 < paragraphs.length && paragraphs[pi + 1]!.start <= q.start) pi++;
    // only a quote that opens its paragraph
    if (paragraphs[pi]?.start !== q.start) continue;
    const prevPara = paragraphs[pi - 1];
    const prev = latestBefore(c.out, q.start);
    const prevEnd = prev ? prev.content[prev.content.length - 1]!.end : -1;
    const prevText = prevPara ? text.slice(prevPara.start, prevPara.end) : "";
    let source: Range | null = null;
    // a paragraph ending in a colon introduces the quote, unless it is itself quoted ("Here they are:")
    if (/:\s*$/.test(prevText) && !OPENS_WITH_QUOTE.test(prevText.trimStart())) {
      source = tokRange(c.tokens, introSource(c, prevPara!));
    } else if (!prev || q.start - prevEnd > 1500) continue;
    else if (prevPara && prevEnd > prevPara.start) source = prev.source;
    const cueType = prev?.cueType ?? "speech";
    c.out.push({
      kind: "direct",
      content: [{ start: q.start, end: q.end }],
      cue: null,
      cueType,
      source,
      speaker: null,
      confidence: 0.5,
    });
    c.usedQuotes.add(q);
  }
}
