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
import { doubleMarkAt } from "../text/quote-marks.js";

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
  run(doc, ctx) {
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
      if (lost > 0) ctx.report("unplaced-tokens", `${lost} token(s) could not be placed in the text`, run);
    }
    doc.set("tokens", retagNames(joinDoubleMarks(text, tokens)));
  },
};

/**
 * wink reads `` and ,, as two tokens each; a quotation mark is one token (text/quote-marks.ts): two
 * touching one-character tokens that make such a mark become one PUNCT token. Two apostrophes stay
 * as wink splits them: joining them changes the cue tagger's features on the 116 PolNeAR train
 * articles that use them, and the model retrained on those tokens scored lower on dev (attribution
 * F1 76.9 against 77.4), so they wait for a retraining that does better; the quotes stage reads ''
 * from the text either way.
 */
function joinDoubleMarks(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    const mark = n && t.end === t.start + 1 && n.start === t.end && n.end === n.start + 1 && n.sentence === t.sentence ? doubleMarkAt(text, t.start) : null;
    if (n && mark && mark !== "''") {
      out.push({ start: t.start, end: n.end, text: mark, lower: mark, pos: "PUNCT", lemma: mark, sentence: t.sentence });
      i++;
    } else out.push(t);
  }
  return out;
}

const OPENER = /^(?:["“‘„«([:\u2014\u2013-]|''|``|,,)$/;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/**
 * A capitalised word inside a sentence that the tagger read as a verb is a name: "Loretta Lynch
 * said", "said Don Fowler", "for Morning Consult", "in Colorado Springs". Not after an opening
 * mark (“Go home,” …) and not in a title-case line such as a headline.
 */
function retagNames(tokens: Token[]): Token[] {
  let from = 0;
  while (from < tokens.length) {
    const s = tokens[from]!.sentence;
    let to = from;
    let words = 0;
    let caps = 0;
    while (to < tokens.length && tokens[to]!.sentence === s) {
      const t = tokens[to]!;
      if (/^\p{L}/u.test(t.text)) {
        words++;
        if (/^\p{Lu}/u.test(t.text)) caps++;
      }
      to++;
    }
    if (caps * 5 < words * 3) {
      for (let i = from + 1; i < to; i++) {
        const t = tokens[i]!;
        if (t.pos === "VERB" && CAPITALISED.test(t.text) && !OPENER.test(tokens[i - 1]!.text)) {
          t.pos = "PROPN";
          t.lemma = t.lower;
        }
      }
    }
    from = to;
  }
  return tokens;
}
