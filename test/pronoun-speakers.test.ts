import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type PronounLabel, samePerson, scorePronouns } from "../scripts/pronoun-speakers.js";
import type { DocumentRecord } from "../src/index.js";
import { hasShared, repoRoot, sharedMissing, sharedRoot } from "./helpers.js";

const labels = (split: string): PronounLabel[] =>
  readFileSync(`${repoRoot}test/data/pronoun-speakers/${split}.jsonl`, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PronounLabel);

describe("pronoun-speaker scoring", () => {
  it.each([
    ["Donald Trump", "Donald J. Trump", true],
    ["Trump", "Donald J. Trump", true],
    ["Bill Clinton", "Hillary Clinton", false],
    ["Hillary Rodham Clinton", "Hillary Clinton", true],
    ["Joseph R. Biden Jr.", "Joe Biden", false],
    ["Tim Kaine", "Mike Pence", false],
  ])("%s is %s: %s", (a, b, same) => {
    expect(samePerson(a, b)).toBe(same);
  });

  it("counts right, wrong, abstained and missing", () => {
    const rec = (speaker: string | null) =>
      ({ doc_id: "d", statements: [{ source: { start: 0, end: 2, text: "He" }, speaker: speaker === null ? null : { name: speaker } }] }) as unknown as DocumentRecord;
    const l: PronounLabel = { doc: "d", start: 0, end: 2, pronoun: "he", name: "Mike Pence", named_before: true, in_quote: false };
    expect(scorePronouns([l], new Map([["d", rec("Mike Pence")]]))).toMatchObject({ correct: 1 });
    expect(scorePronouns([l], new Map([["d", rec("Tim Kaine")]]))).toMatchObject({ wrong: 1 });
    expect(scorePronouns([{ ...l, start: 5, end: 7 }], new Map([["d", rec("Tim Kaine")]]))).toMatchObject({ missing: 1 });
  });
});

describe.skipIf(!hasShared)(`the labelled set${hasShared ? "" : ` (${sharedMissing})`}`, () => {
  it.each(["dev", "train"])("every %s label points at a he/she source of PolNeAR", (split) => {
    const texts = new Map<string, string>();
    for (const line of readFileSync(`${sharedRoot}data/polnear/${split}.jsonl`, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { id: string; text: string };
      texts.set(d.id, d.text);
    }
    const rows = labels(split);
    expect(rows.length).toBeGreaterThan(300);
    for (const l of rows) {
      const text = texts.get(l.doc);
      expect(text, l.doc).toBeDefined();
      expect(text!.slice(l.start, l.end).toLowerCase()).toBe(l.pronoun);
      if (l.name !== null) expect(text).toContain(l.name.split(" ").pop());
    }
  });
});
