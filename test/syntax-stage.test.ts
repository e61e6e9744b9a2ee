/** The syntax stage over the Doc: UD words from our tokens, offsets kept, trees usable by the stages. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { udWords } from "../src/stages/syntax/ud-words.js";
import { modelPath } from "../src/stages/syntax/syntax-model.js";
import { complementOf, relation, subjectOf, subtreeSpan, wordAt } from "../src/text/dependency-tree.js";
import { annotate } from "./helpers.js";

describe("UD words from the Doc's tokens", () => {
  it.each([
    ["I don't think so.", ["I", "do", "n't", "think", "so", "."]],
    ["``We will not leave,'' said Smith.", ["``", "We", "will", "not", "leave", ",", "''", "said", "Smith", "."]],
    ["The U.S. paid $5.5 million.", ["The", "U.S.", "paid", "$", "5.5", "million", "."]],
    ["A long-term plan.", ["A", "long", "-", "term", "plan", "."]],
  ])("%s", (text, forms) => {
    const doc = annotate(text, "tokens");
    const tokens = doc.get("tokens");
    const w = udWords(tokens, 0, tokens.length);
    expect(w.forms).toEqual(forms);
    w.forms.forEach((f, i) => {
      expect(text.slice(w.start[i], w.end[i])).toBe(f);
    });
  });
});

describe.skipIf(!existsSync(modelPath()))("the syntax layer", () => {
  it("maps every word back to the text and its tokens", () => {
    const text = "date 2025-07-24\nThe minister said the talks would resume. “We will sign,” Smith added.";
    const doc = annotate(text, "syntax");
    const t = doc.get("syntax");
    const tokens = doc.get("tokens");
    expect(t.sentenceStart.length).toBe(doc.get("sentences").length + 1);
    for (let w = 0; w < t.start.length; w++) {
      expect(tokens[t.firstToken[w]!]!.start).toBe(t.start[w]);
      expect(t.wordOfToken[t.firstToken[w]!]).toBe(w);
      const h = t.head[w]!;
      if (h >= 0) expect(h >= t.sentenceStart[0]! && h < t.start.length).toBe(true);
    }
  });

  it("answers the questions attribution asks: subject and complement of the cue", () => {
    const text = "The minister said the talks would resume on Monday.";
    const t = annotate(text, "syntax").get("syntax");
    const said = wordAt(t, text.indexOf("said"));
    const subj = subjectOf(t, said);
    expect(text.slice(t.start[subj]!, t.end[subj]!)).toBe("minister");
    const s = subtreeSpan(t, subj);
    expect(text.slice(s.start, s.end)).toBe("The minister");
    const comp = complementOf(t, said);
    expect(relation(t, comp)).toBe("ccomp");
    const c = subtreeSpan(t, comp);
    expect(text.slice(c.start, c.end)).toBe("the talks would resume on Monday");
  });

  it("parse() gives sentences of words with 1-based heads, and is deterministic", () => {
    const text = "Officials said the port reopened. It was closed for a week.";
    const a = parse(text, { id: "p" });
    expect(a.sentences).toHaveLength(2);
    for (const s of a.sentences) {
      expect(s.words.filter((w) => w.head === 0)).toHaveLength(1);
      for (const w of s.words) {
        expect(text.slice(w.start, w.end)).toBe(w.text);
        expect(w.head).toBeLessThanOrEqual(s.words.length);
      }
    }
    expect(parse(text, { id: "p" })).toEqual(a);
  });
});
