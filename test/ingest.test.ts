import { describe, expect, it } from "vitest";
import { DocumentError, extract } from "../src/index.js";
import { createPipeline } from "../src/pipeline.js";

const p = createPipeline({ name: "ingest-only", stages: ["ingest", "sentences"] });
const run = (text: string, date: string | null = null, defaultDate: string | null = null) =>
  extract(text, { id: "t", date, defaultDate, pipeline: p });

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

  it.each([
    ["header > input field > default", "date 2025-07-24\nText.", "2025-07-25", "2025-07-26", "2025-07-24"],
    ["header > default", "date 2025-07-24\nText.", null, "2020-01-01", "2025-07-24"],
    ["input field > default", "Text.", "2025-07-25", "2020-01-01", "2025-07-25"],
    ["default when the document gives none", "Text.", null, "2020-01-01", "2020-01-01"],
    ["an impossible header falls back to the input field", "date 2025-02-30\nText.", "2025-07-25", null, "2025-07-25"],
    ["none at all", "Text.", null, null, null],
  ])("decides the date once: %s", (_name, text, date, defaultDate, expected) => {
    const rec = run(text, date, defaultDate);
    expect(rec.date).toBe(expected);
    // a default never conflicts with what the document says
    if (date === null) expect(rec.messages.map((m) => m.rule)).not.toContain("date-conflict");
  });

  it("takes the header over a disagreeing input field, with a message", () => {
    const rec = run("date 2025-07-24\nText.", "2025-07-25");
    expect(rec.date).toBe("2025-07-24");
    expect(rec.messages.find((m) => m.rule === "date-conflict")).toMatchObject({
      stage: "ingest",
      reason: "the header says 2025-07-24 but the input gave 2025-07-25; using 2025-07-24",
    });
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
    expect(() => run("Text.", "2025-13-01")).toThrow(/date: "2025-13-01" is not a calendar day/);
    expect(() => run("Text.", "24/07/2025")).toThrow(/Expected a date YYYY-MM-DD/);
    expect(() => run("Text.", null, "2025-02-30")).toThrow(/default date: "2025-02-30" is not a calendar day/);
  });
});

describe("ingest: a byte-order mark", () => {
  it("is reported as a bom message on the mark itself, and stays outside every sentence", () => {
    const text = "\uFEFFThe talks began. They ended.";
    const rec = run(text);
    expect(rec.messages).toContainEqual(expect.objectContaining({ stage: "ingest", rule: "bom", start: 0, end: 1 }));
    expect(text.slice(rec.sentences[0]!.start, rec.sentences[0]!.end)).toBe("The talks began.");
  });

  it("before a date header too", () => {
    const rec = run("\uFEFFdate 2024-02-29\nLeap day.");
    expect(rec.messages.map((m) => m.rule)).toContain("bom");
  });

  it("no message without one", () => {
    expect(run("The talks began.").messages.map((m) => m.rule)).not.toContain("bom");
  });
});
