import { describe, expect, it } from "vitest";
import { DocumentError, extract } from "../src/index.js";
import { createPipeline } from "../src/pipeline.js";

const p = createPipeline({ name: "ingest-only", stages: ["ingest", "sentences"] });
const run = (text: string, date: string | null = null) => extract(text, { id: "t", date, pipeline: p });

describe("ingest: the date header", () => {
  it.each([
    [" date 2025-07-24 Russia and Ukraine met.", "2025-07-24", "Russia and Ukraine met."],
    ["date 2025-07-24\nThe talks began.", "2025-07-24", "The talks began."],
    ["\uFEFFdate 2024-02-29\nLeap day.", "2024-02-29", "Leap day."],
  ])("reads %j", (text, date, first) => {
    const rec = run(text);
    expect(rec.date).toBe(date);
    const s = rec.sentences[0]!;
    expect(text.slice(s.start, s.end)).toBe(first);
  });

  it("reports an impossible header date and leaves the date empty", () => {
    const rec = run("date 2025-02-30\nText here.");
    expect(rec.date).toBeNull();
    expect(rec.messages.map((m) => m.rule)).toContain("bad-date-header");
  });

  it("keeps the input date when the header disagrees, with a message", () => {
    const rec = run("date 2025-07-24\nText.", "2025-07-25");
    expect(rec.date).toBe("2025-07-25");
    expect(rec.messages.map((m) => m.rule)).toContain("date-conflict");
  });

  it("does not take 'date' inside the text as a header", () => {
    const rec = run("The date 2025-07-24 was chosen.");
    expect(rec.date).toBeNull();
    expect(rec.sentences).toHaveLength(1);
  });
});

describe("ingest: hostile text", () => {
  it("reports control characters, does not crash, keeps offsets", () => {
    const text = "He said\u0000 it.\u0007 Then he left.";
    const rec = run(text);
    expect(rec.messages.find((m) => m.rule === "control-characters")?.start).toBe(7);
  });

  it("handles CRLF line ends as newlines", () => {
    const text = "First line.\r\nSecond line.\r\n";
    const rec = run(text);
    expect(rec.sentences.map((s) => text.slice(s.start, s.end))).toEqual(["First line.", "Second line."]);
  });

  it.each([[""], ["   \n\t  "]])("refuses an empty document %j with a clear error", (text) => {
    expect(() => run(text)).toThrow(DocumentError);
    expect(() => run(text)).toThrow(/empty|only whitespace/);
  });

  it("refuses a bad input date", () => {
    expect(() => run("Text.", "2025-13-01")).toThrow(/Expected a date YYYY-MM-DD/);
  });
});
