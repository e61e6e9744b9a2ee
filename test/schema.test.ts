import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchema } from "../scripts/write-schema.js";
import { DocumentRecordSchema } from "../src/schema.js";
import { hasShared, repoRoot, sharedMissing, sharedRoot } from "./helpers.js";

describe("schema", () => {
  it("schema/document.schema.json is current (npm run schema)", () => {
    expect(readFileSync(`${repoRoot}schema/document.schema.json`, "utf8")).toBe(jsonSchema());
  });

  it("names the path of a bad field", () => {
    const r = DocumentRecordSchema.safeParse({ schema_version: "1", doc_id: "x" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("text_sha256");
  });
});

describe("no PolNeAR text in the repository", () => {
  it.skipIf(!hasShared)(`check-no-polnear passes${hasShared ? "" : ` (${sharedMissing})`}`, () => {
    const out = execFileSync(process.execPath, [`${sharedRoot}tools/check-no-polnear.mjs`, repoRoot], { encoding: "utf8" });
    expect(out).not.toMatch(/FAIL|holds/i);
  });
});
