/**
 * Transcript lines: "Okonkwo: We rehearse six days a week." — a paragraph opened by a name and a
 * colon (after an opening quotation mark, in a transcript quoted paragraph by paragraph) is that person's words (kind direct: verbatim, even without quotation marks). One-letter
 * labels ("Q:", "A:") and labels without a proper noun or with a word of lexicons/cue-phrases.json's "not-speaker-labels"
 * ("Note:", "Editor's note:", "Update:") are not speakers.
 */
import { LEXICON } from "../../lexicons/lexicon.js";
import { firstStartingFrom, rangeAt } from "../../text/spans.js";
import type { Ctx } from "./context.js";

export function speakerLines(c: Ctx): void {
  const { text, tokens, index } = c;
  for (const cue of c.cues) {
    if (cue.form !== "colon" || c.usedCues.has(cue)) continue;
    const colon = index.atOrAfter(cue.start);
    const para = rangeAt(c.paragraphs, cue.start);
    // a transcript quoted paragraph by paragraph: '"WALLACE: …'
    const opener = /^(?:["“„]|''|``|,,)$/.test(tokens[index.atOrAfter(para.start)]?.text ?? "");
    const first = index.atOrAfter(para.start) + (opener ? 1 : 0);
    const label = tokens.slice(first, colon);
    if (label.length === 0 || !label.some((t) => t.pos === "PROPN") || label.map((t) => t.text).join("").length < 2) continue;
    if (label.some((t) => LEXICON.notSpeakerLabels.has(t.lower.replace(/['’]s$/, "")))) continue;
    let start = cue.end;
    let end = para.end;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end - start < 2) continue;
    c.usedCues.add(cue);
    for (let i = firstStartingFrom(c.quotes, para.start); i < c.quotes.length && c.quotes[i]!.start < cue.start; i++) c.usedQuotes.add(c.quotes[i]!);
    c.out.push({
      kind: "direct",
      content: [{ start, end }],
      cue: { start: cue.start, end: cue.end },
      cueType: "speech",
      source: { start: tokens[first]!.start, end: tokens[colon - 1]!.end },
      speaker: null,
      confidence: 0.85,
    });
  }
}
