/**
 * tokens: words and punctuation with POS tags and lemmas, per sentence (wink-nlp adapter).
 *
 * wink reads a run of sentences in one call (each run: consecutive sentences with only whitespace
 * between them, so usually the whole body), which costs about half of one call per sentence; its
 * tokens are then given to our sentences by offset. A token that crosses a sentence boundary (rare:
 * our splitter and wink's disagree inside `word."Next`) goes to the sentence where it starts, clipped
 * to it; the rest becomes a token of the next sentence. Each call is independent of what the process
 * read before (wink.ts), so records do not depend on the worker count.
 */
import { type TaggedToken, tagRange } from "../adapters/wink.js";
import type { Range, Token } from "../doc.js";
import type { Stage } from "../stage.js";

/** Runs of consecutive sentences separated by whitespace only. */
function runsOf(text: string, sentences: readonly Range[]): Range[] {
  const runs: Range[] = [];
  for (const s of sentences) {
    const last = runs[runs.length - 1];
    if (last && s.start >= last.end && text.slice(last.end, s.start).trim() === "") last.end = s.end;
    else runs.push({ start: s.start, end: s.end });
  }
  return runs;
}

export const tokensStage: Stage = {
  name: "tokens",
  requires: ["sentences"],
  provides: "tokens",
  run(doc) {
    const text = doc.text;
    const sentences = doc.get("sentences");
    const tokens: Token[] = [];
    const push = (t: TaggedToken, start: number, end: number, si: number) => {
      const tt = text.slice(start, end);
      const whole = start === t.start && end === t.end;
      tokens.push({ start, end, text: tt, lower: tt.toLowerCase(), pos: t.pos, lemma: whole ? t.lemma : tt.toLowerCase(), sentence: si });
    };
    let si = 0;
    for (const run of runsOf(text, sentences)) {
      const { tokens: tagged, lost } = tagRange(text, run.start, run.end);
      for (const t of tagged) {
        let start = t.start;
        while (start < t.end) {
          while (si < sentences.length && sentences[si]!.end <= start) si++;
          const s = sentences[si];
          if (!s || s.start >= t.end) break;
          if (start < s.start) start = s.start;
          const end = Math.min(t.end, s.end);
          push(t, start, end, si);
          start = end;
        }
      }
      if (lost > 0) doc.message("tokens", "unplaced-tokens", `${lost} token(s) could not be placed in the text`, run);
    }
    doc.set("tokens", tokens);
  },
};
