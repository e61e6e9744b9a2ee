/**
 * attribution: pairs cues with their content and source mention. Direct quotes first (a quote
 * with a cue right after it or a cue introducing it), then indirect speech for the remaining cues
 * (content to the right: "He said that …", or to the left: "…, he said."), then quotes that carry
 * on the previous speaker's words with no cue of their own; transcript lines ("Name: …") are direct.
 * Speakers are resolved later (coreference).
 */
import { calibrate } from "./confidence.js";
import type { Ctx } from "./context.js";
import { continuations } from "./continuation.js";
import { directQuotes } from "./direct.js";
import { governedQuotes } from "./governed.js";
import { indirect } from "./indirect.js";
import { speakerLines } from "./speaker-lines.js";
import type { Stage } from "../../stage.js";
import { TokenIndex } from "./token-index.js";

export const attributionStage: Stage = {
  name: "attribution",
  requires: ["paragraphs", "sentences", "tokens", "quotes", "cues"],
  provides: "attributions",
  run(doc, ctx) {
    const tokens = doc.get("tokens");
    const c: Ctx = {
      text: doc.text,
      tokens,
      index: new TokenIndex(tokens, doc.get("sentences")),
      cues: doc.get("cues"),
      quotes: doc.get("quotes"),
      out: [],
      usedCues: new Set(),
      usedQuotes: new Set(),
      paragraphs: doc.get("paragraphs"),
    };
    directQuotes(c);
    speakerLines(c);
    indirect(c, ctx.report);
    continuations(c);
    governedQuotes(c);
    for (const d of c.out) {
      d.confidence = calibrate(doc.text, d);
      // "all agreed": a cue the tagger opened on its own subject starts after it
      if (d.source && d.cue && d.source.start <= d.cue.start && d.source.end > d.cue.start && d.source.end < d.cue.end) {
        const next = tokens[c.index.atOrAfter(d.source.end)];
        if (next && next.start < d.cue.end) d.cue = { start: next.start, end: d.cue.end };
      }
    }
    doc.set("attributions", c.out);
  },
};
