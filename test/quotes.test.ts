import { describe, expect, it } from "vitest";
import { paragraphsOf } from "../src/stages/paragraphs.js";
import { findQuotes } from "../src/stages/quotes.js";

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
