/**
 * Content that runs beyond the quote marks of a quote its cue introduces: a clause between the cue
 * and the quote ("says no matter what Obama does on guns, “his word …”") or the rest of the
 * sentence after it ("said “it gets me mad” every time he thinks about …"). Both make it mixed.
 */
import type { Cue, Quote, Range } from "../../doc.js";
import { QUOTE_MARK } from "../../text/quote-marks.js";
import type { Ctx } from "./context.js";


export function introducedContent(c: Ctx, q: Quote, cue: Cue, para: Range): Range | null {
  const { tokens, index } = c;
  let from = index.atOrAfter(cue.end);
  const qFirst = index.atOrAfter(q.start);
  // 'said that “…”': PolNeAR's content holds the "that" (71 times in 72 on train and dev)
  const that = tokens[from]?.lower === "that" && from < qFirst ? tokens[from]! : null;
  if (that) from++;
  if (that && (from === qFirst || (tokens[from]?.text === "," && from + 1 === qFirst))) return { start: that.start, end: q.end };
  const gap = tokens.slice(from, qFirst);
  let start = q.start;
  let end = q.end;
  if (gap.some((t) => t.pos === "VERB" || t.pos === "AUX") && !gap.some((t) => QUOTE_MARK.test(t.text)))
    start = tokens[from]!.start;
  if (gap.length === 0) {
    let k = index.atOrAfter(q.end);
    let words = 0;
    while (k < tokens.length && tokens[k]!.end <= para.end && !/^[.?!;]+$/.test(tokens[k]!.text)) {
      if (QUOTE_MARK.test(tokens[k]!.text)) return null;
      if (/[\p{L}\p{N}]/u.test(tokens[k]!.text)) words++;
      k++;
    }
    // "… ,” he said" is the cue-after form, not a sentence going on
    if (words >= 2 && !/^[,\u2014-]/.test(c.text.slice(q.end).trimStart())) end = tokens[k - 1]!.end;
  }
  return start === q.start && end === q.end ? null : { start, end };
}
