/** The seed article's statements, speakers and numbers (the foundation issue's acceptance list). */
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import type { NumberMention, Statement } from "../src/schema.js";
import { expectRecordInvariants, readCorpus } from "./helpers.js";

const text = readCorpus("seed-2025-07-24-istanbul-talks.txt");
const rec = extract(text, { id: "seed" });
const starting = (prefix: string): Statement => {
  const s = rec.statements.find((x) => x.content.text.startsWith(prefix));
  if (!s) throw new Error(`no statement starting ${JSON.stringify(prefix)}; have ${rec.statements.map((x) => x.content.text.slice(0, 30)).join(" | ")}`);
  return s;
};
const number = (t: string): NumberMention => {
  const n = rec.numbers.find((x) => x.text === t || x.text.includes(t));
  if (!n) throw new Error(`no number ${JSON.stringify(t)}; have ${rec.numbers.map((x) => x.text).join(" | ")}`);
  return n;
};

describe("seed article", () => {
  it("holds the record invariants and the header date", () => {
    expectRecordInvariants(text, rec);
    expect(rec.date).toBe("2025-07-24");
    expect(text.slice(rec.sentences[0]!.start, rec.sentences[0]!.end)).toBe("Russia and Ukraine held a third round of talks on Wednesday.");
  });

  it("direct quotes with cue, source and the full name and role", () => {
    const umerov = starting("\"We are now ready");
    expect(umerov.kind).toBe("direct");
    expect(umerov.cue?.text).toBe("said");
    expect(umerov.source?.text).toBe("Umerov");
    expect(umerov.speaker?.name).toBe("Rustem Umerov");
    expect(umerov.speaker?.role).toBe("Secretary of the National Security and Defence Council of Ukraine");
    const added = starting("\"We are insisting");
    expect(added.kind).toBe("direct");
    expect(added.cue?.text).toBe("added");
    expect(added.source?.text).toBe("He");
    expect(added.speaker?.entity).toBe(umerov.speaker?.entity);
  });

  it("indirect statements resolve He to Medinsky, one entity", () => {
    const rows = ["that Russia and Ukraine had agreed", "that Russia has returned", "that the Russian side proposed", "that such a meeting cannot"];
    const entities = new Set<string>();
    for (const r of rows) {
      const s = starting(r);
      expect(s.kind).toBe("indirect");
      expect(s.speaker?.name).toBe("Vladimir Medinsky");
      expect(s.speaker?.role).toBe("an aide to the Russian President");
      entities.add(s.speaker!.entity);
    }
    expect(entities.size).toBe(1);
    expect(starting("that such a meeting cannot").source?.text).toBe("Medinsky");
    expect(starting("that Russia and Ukraine had agreed").cue?.text).toBe("stated");
  });

  it("does not invent a speaker for the agentless request", () => {
    const s = starting("to consider announcing a short ceasefire");
    expect(s.speaker).toBeNull();
    expect(s.source).toBeNull();
    expect(rec.messages.some((m) => m.rule === "agentless")).toBe(true);
  });

  it("normalises the numbers and dates", () => {
    expect(number("1,200-1,200")).toMatchObject({ kind: "exchange", sides: [1200, 1200] });
    expect(number("approximately 30")).toMatchObject({ kind: "cardinal", value: 30, approx: true });
    expect(number("7,000")).toMatchObject({ kind: "cardinal", value: 7000 });
    expect(number("3,000 more")).toMatchObject({ kind: "cardinal", value: 3000, incremental: true });
    expect(number("three")).toMatchObject({ kind: "cardinal", value: 3 });
    expect(number("24 to 48 hours")).toMatchObject({ kind: "range", low: 24, high: 48 });
    expect(number("16 May")).toMatchObject({ kind: "date", date: "2025-05-16" });
    expect(number("2 June")).toMatchObject({ kind: "date", date: "2025-06-02" });
    expect(number("end of August")).toMatchObject({ kind: "date", date: "2025-08", bound: "<=" });
    expect(number("less than an hour")).toMatchObject({ kind: "duration", value: 1, bound: "<" });
    expect(number("third")).toMatchObject({ kind: "ordinal", value: 3 });
    const wednesday = rec.numbers.filter((n) => n.text.includes("Wednesday"));
    expect(wednesday[0]).toMatchObject({ kind: "date", date: "2025-07-23" });
  });

  it("links numbers inside a statement's content to it", () => {
    const s = starting("that Russia and Ukraine had agreed");
    const linked = s.numbers.map((i) => rec.numbers[i]!.kind);
    expect(linked).toContain("exchange");
  });
});
