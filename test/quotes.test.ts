import { describe, expect, it } from "vitest";
import { paragraphsOf } from "../src/stages/paragraphs.js";
import { findQuotes } from "../src/stages/quotes.js";
import { QUOTE_MARK } from "../src/text/quote-marks.js";
import { annotate } from "./helpers.js";

const whole = (text: string) => ({ start: 0, end: text.length });

function quotes(text: string): string[] {
  return findQuotes(text, paragraphsOf(text, whole(text)), [whole(text)]).quotes.map((q) => text.slice(q.start, q.end));
}

describe("quotes", () => {
  it.each([
    ["straight", 'She said, "The bridge will open in May."', ['"The bridge will open in May."']],
    ["curly", "“We will not back down,” the mayor said.", ["“We will not back down,”"]],
    ["guillemets", "Il a dit « nous partons demain » hier.", ["« nous partons demain »"]],
    ["single curly", "He called it ‘a very good start’ on Monday.", ["‘a very good start’"]],
    ["two apostrophes", "''The budget is tight,'' the treasurer said.", ["''The budget is tight,''"]],
    ["nested in two apostrophes", "''I dislike the phrase 'pure luck,' '' she said.", ["''I dislike the phrase 'pure luck,' ''"]],
    ["two backticks, two apostrophes", "``We will not leave,'' said the leader.", ["``We will not leave,''"]],
    ["backticks, one word", "She said, ``No.''", ["``No.''"]],
    ["two pairs in one paragraph", "``We stay,'' she said. ``Not today.''", ["``We stay,''", "``Not today.''"]],
    ["nested single in backticks", "``I dislike the phrase `pure luck,' '' she said.", ["``I dislike the phrase `pure luck,' ''"]],
    ["two commas, two apostrophes", "Er sagte: ,,Wir bleiben hier.'' Dann ging er.", [",,Wir bleiben hier.''"]],
    ["two commas closed by a curly mark", "Er sagte: ,,Wir bleiben hier.“ Dann ging er.", [",,Wir bleiben hier.“"]],
    ["low-9 closed by a curly mark", "Er sagte: „Wir bleiben hier.“ Dann ging er.", ["„Wir bleiben hier.“"]],
    ["a comma typed twice is no quote", "The budget,, as it stands, is tight.", []],
    ["apostrophes are not quotes", "The council's plan isn't ready, it's late.", []],
    ["unclosed ends at paragraph", '"We start now, he said\nNext paragraph.', ['"We start now, he said']],
  ])("%s", (_name, text, expected) => {
    expect(quotes(text)).toEqual(expected);
  });

  it("an open quote continued in the next paragraph gives no message", () => {
    const text = '"First part of the speech.\n\n"Second part of it," she said.';
    const r = findQuotes(text, paragraphsOf(text, whole(text)), [whole(text)]);
    expect(r.unclosed).toEqual([]);
    expect(r.quotes).toHaveLength(2);
  });

  it("an open quote in the last paragraph gives a message", () => {
    const text = 'It began.\n"We start now, he said';
    const r = findQuotes(text, paragraphsOf(text, whole(text)), [whole(text)]);
    expect(r.unclosed).toEqual([{ start: 10, end: 11 }]);
  });
});

describe("quotes: curly quotes nested in curly quotes", () => {
  it("an inner “…” pair does not close the outer quote", () => {
    expect(quotes("“I would rather live in what he calls “hell” than in his world.” ― Ana Ruiz")).toEqual([
      "“I would rather live in what he calls “hell” than in his world.”",
    ]);
  });

  it("an inner opener that never closes falls back to the first closing mark", () => {
    expect(quotes("He called it “a “fair deal” and left.")[0]).toBe("“a “fair deal”");
  });
});

describe("quotes: typewriter and wire-service marks", () => {
  it("offsets point at the marks: `` opens and '' closes, inner is between them", () => {
    const text = "He said: ``Not today.'' Then he left.";
    const [q] = findQuotes(text, paragraphsOf(text, whole(text)), [whole(text)]).quotes;
    expect(q).toMatchObject({ start: 9, end: 23, inner: { start: 11, end: 21 }, closed: true });
    expect(text.slice(q!.inner.start, q!.inner.end)).toBe("Not today.");
  });

  it("an unclosed `` ends at its paragraph and reopens in the next one without a message", () => {
    const text = "``First part of the speech.\n\n``Second part of it,'' she said.";
    const r = findQuotes(text, paragraphsOf(text, whole(text)), [whole(text)]);
    expect(r.quotes.map((q) => text.slice(q.start, q.end))).toEqual(["``First part of the speech.", "``Second part of it,''"]);
    expect(r.unclosed).toEqual([]);
  });

  it.each(["``", "''", ",,", "„", "“", "”", '"', "«", "»"])("QUOTE_MARK: %s is a quote-mark token", (mark) => {
    expect(QUOTE_MARK.test(mark)).toBe(true);
  });

  it.each(["`", "'", ",", "'s", "n't"])("QUOTE_MARK: %s is not", (mark) => {
    expect(QUOTE_MARK.test(mark)).toBe(false);
  });

  it("the tokens stage keeps `` and ,, whole (wink splits them in two); '' stays as wink reads it (see tokens.ts)", () => {
    const text = "``We stay,'' she said. Er sagte: ,,Nein.''";
    const tokens = annotate(text, "tokens").get("tokens").map((t) => t.text);
    expect(tokens.filter((t) => QUOTE_MARK.test(t))).toEqual(["``", ",,"]);
    expect(tokens).not.toContain("`");
    expect(tokens.filter((t) => t === "'")).toHaveLength(4);
  });
});
