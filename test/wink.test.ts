/** wink-nlp must not carry what it read into later texts (records must not depend on history). */
import { describe, expect, it } from "vitest";
import { restartWink, tagRange, winkGrowth } from "../src/adapters/wink.js";

const tag = (s: string) => tagRange(s, 0, s.length).tokens.map((t) => `${s.slice(t.start, t.end)}/${t.pos}/${t.lemma}`);

describe("wink adapter", () => {
  const probe = "Harrow's plan won over Mrs. Quillfeather's neighbours in Zdravnik-Oyelaran.";
  const others = [
    "It was bigger than Harrow's.",
    "Quillfeather's, Zdravnik-Oyelaran's and Harrow's accounts differed.",
    "The Zdravnik-Oyelaran committee met Harrow's aides at 3 p.m. on Tuesday.",
  ];

  it("tags a text the same before and after reading others", () => {
    restartWink();
    const first = tag(probe);
    for (const o of others) tag(o);
    expect(tag(probe)).toEqual(first);
  });

  it("gives the same tags after its tables are cut back", () => {
    const before = tag(probe);
    for (const o of others) tag(o);
    expect(winkGrowth()).toBeGreaterThan(0);
    restartWink();
    expect(winkGrowth()).toBe(0);
    expect(tag(probe)).toEqual(before);
    for (const o of others) expect(tag(o)).toEqual(tag(o));
  });

  it("keeps words with letters outside Latin-1 whole (Ł, ş, ı, ễ, astral letters)", () => {
    const text = "Łukasz Wróblewski met Şebnem Yıldız, Nguyễn Thị Lan and 𝔄𝔡𝔞 today.";
    const words = tagRange(text, 0, text.length).tokens.map((t) => text.slice(t.start, t.end));
    expect(words).toEqual(["Łukasz", "Wróblewski", "met", "Şebnem", "Yıldız", ",", "Nguyễn", "Thị", "Lan", "and", "𝔄𝔡𝔞", "today", "."]);
  });

  it("places every token exactly in the text", () => {
    const text = "  He said: “It’s fine” — and left.";
    for (const t of tagRange(text, 2, text.length).tokens) expect(t.end).toBeGreaterThan(t.start);
    expect(tagRange(text, 2, text.length).lost).toBe(0);
  });
});
