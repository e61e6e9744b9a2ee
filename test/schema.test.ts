import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchema } from "../scripts/write-schema.js";
import { extract } from "../src/index.js";
import { DocumentRecordSchema, validateRecord } from "../src/schema.js";
import { hasShared, repoRoot, sharedMissing, sharedRoot } from "./helpers.js";

describe("schema", () => {
  it("schema/document.schema.json is current (npm run schema)", () => {
    expect(readFileSync(`${repoRoot}schema/document.schema.json`, "utf8")).toBe(jsonSchema());
  });

  it("docs/record.md, the record reference shipped with the repository, describes every field of the schema", () => {
    const doc = readFileSync(`${repoRoot}docs/record.md`, "utf8");
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const o = node as Record<string, unknown>;
        if (o.properties && typeof o.properties === "object") for (const k of Object.keys(o.properties)) names.add(k);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(jsonSchema()));
    expect(names.size).toBeGreaterThan(30);
    const missing = [...names].filter((n) => !doc.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });

  it("names the path of a bad field", () => {
    const r = DocumentRecordSchema.safeParse({ schema_version: "1", doc_id: "x" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("text_sha256");
  });

  it("validates a record for its text in one pass, every issue with its path", () => {
    const text = '"We will sign," the minister said. About 30 people came.';
    const rec = extract(text, { id: "t" });
    expect(validateRecord(rec, text)).toEqual({ record: rec });
    const bad = structuredClone(rec);
    bad.statements[0]!.content.end = text.length + 5;
    bad.statements[0]!.cue!.text = "told";
    bad.numbers[0]!.start = bad.numbers[0]!.start - 1; // now starts on a space: untrimmed and a text mismatch
    bad.sentences[1]!.end = bad.sentences[1]!.start;
    const r = validateRecord(bad, text);
    expect("issues" in r && r.issues).toEqual([
      `sentences[1]: Expected start < end, got [${rec.sentences[1]!.start}, ${rec.sentences[1]!.start})`,
      `statements[0].content.end: Expected ≤ text length ${text.length}, got ${text.length + 5}`,
      'statements[0].cue.text: Expected "said" (text.slice), got "told"',
      `numbers[0].text: Expected " About 30" (text.slice), got "About 30"`,
    ]);
  });
});

describe("no PolNeAR text in the repository", () => {
  it.skipIf(!hasShared)(`check-no-polnear passes${hasShared ? "" : ` (${sharedMissing})`}`, () => {
    const out = execFileSync(process.execPath, [`${sharedRoot}tools/check-no-polnear.mjs`, repoRoot], { encoding: "utf8" });
    expect(out).not.toMatch(/FAIL|holds/i);
  });
});
