/** tokens: words and punctuation with POS tags and lemmas, per sentence (wink-nlp adapter). */
import { tagRange } from "../adapters/wink.js";
import type { Token } from "../doc.js";
import type { Stage } from "../stage.js";

export const tokensStage: Stage = {
  name: "tokens",
  requires: ["sentences"],
  provides: "tokens",
  run(doc) {
    const text = doc.text;
    const tokens: Token[] = [];
    doc.get("sentences").forEach((s, si) => {
      const { tokens: tagged, lost } = tagRange(text, s.start, s.end);
      for (const t of tagged) {
        const tt = text.slice(t.start, t.end);
        tokens.push({ start: t.start, end: t.end, text: tt, lower: tt.toLowerCase(), pos: t.pos, lemma: t.lemma, sentence: si });
      }
      if (lost > 0) doc.message("tokens", "unplaced-tokens", `${lost} token(s) could not be placed in the text`, s);
    });
    doc.set("tokens", tokens);
  },
};
