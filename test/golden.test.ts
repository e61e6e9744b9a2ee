/**
 * Whole-article goldens: corpus/*.txt → test/golden/*.json. `UPDATE_GOLDEN=1 npm test` rewrites
 * them; review the diff. Also: every record holds the contract invariants, and is deterministic.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { corpusFiles, expectRecordInvariants, readCorpus, repoRoot } from "./helpers.js";

const update = process.env.UPDATE_GOLDEN === "1";

describe("goldens over corpus/", () => {
  const files = corpusFiles();
  it("has the seed and at least 6 more articles", () => {
    expect(files).toContain("seed-2025-07-24-istanbul-talks.txt");
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)("%s matches its golden record", (file) => {
    const text = readCorpus(file);
    const rec = extract(text, { id: file });
    expectRecordInvariants(text, rec);
    const path = `${repoRoot}test/golden/${file.replace(/\.txt$/, ".json")}`;
    const json = `${JSON.stringify(rec, null, 2)}\n`;
    if (update || !existsSync(path)) {
      mkdirSync(`${repoRoot}test/golden`, { recursive: true });
      writeFileSync(path, json);
      if (!update) throw new Error(`golden ${path} was missing and has been written: review and commit it`);
    }
    expect(json).toBe(readFileSync(path, "utf8"));
  });

  it("gives the same record for a text before and after other documents (one wink instance)", () => {
    const seed = readCorpus(files[0]!);
    const first = JSON.stringify(extract(seed, { id: "a" }));
    for (const f of files) extract(readCorpus(f), { id: f });
    extract("Unrelated text: “quotes” and 'marks' and U.S. Sen. Smith, 3.5 percent.", { id: "noise" });
    expect(JSON.stringify(extract(seed, { id: "a" }))).toBe(first);
  });
});
