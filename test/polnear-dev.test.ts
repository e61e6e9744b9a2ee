/**
 * Regression guard on PolNeAR dev: runs the statement stages over dev.jsonl and the shared scorer,
 * and asserts floors a little below the figures reached (see the README for the current table).
 * Skipped when ../shared is not beside the checkout.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPipeline, processDocument } from "../src/index.js";
import { parseJsonlLine } from "../src/io/readers.js";
import { confidenceBands, type GoldDoc } from "../scripts/confidence-bands.js";
import type { DocumentRecord, ErrorRecord } from "../src/schema.js";
import { hasShared, sharedMissing, sharedRoot } from "./helpers.js";

const pipeline = createPipeline({
  name: "statements-only",
  stages: ["ingest", "paragraphs", "sentences", "tokens", "mentions", "quotes", "cues", "attribution", "coreference"],
});

describe.skipIf(!hasShared)(`PolNeAR dev (${hasShared ? "scored" : sharedMissing})`, () => {
  it("stays above the recorded floors", () => {
    const gold = join(sharedRoot, "data/polnear/dev.jsonl");
    const lines: string[] = [];
    const golds: GoldDoc[] = [];
    const records: Array<DocumentRecord | ErrorRecord> = [];
    for (const [i, line] of readFileSync(gold, "utf8").split("\n").entries()) {
      if (!line.trim()) continue;
      const item = parseJsonlLine(line, `dev.jsonl:${i + 1}`);
      if ("error" in item) throw new Error(item.error.message);
      golds.push(JSON.parse(line) as GoldDoc);
      records.push(processDocument(item, pipeline));
      lines.push(JSON.stringify(records[records.length - 1]));
    }
    const pred = join(mkdtempSync(join(tmpdir(), "polnear-dev-")), "pred.jsonl");
    writeFileSync(pred, `${lines.join("\n")}\n`);
    const r = spawnSync(process.execPath, [join(sharedRoot, "tools/score-statements.mjs"), "--gold", gold, "--pred", pred, "--json"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.text_mismatches).toBe(0);
    // confidence means something: statements at ≥ 0.8 are right at least 90% of the time
    expect(confidenceBands(golds, records).high.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.roles.source.exact.f1).toBeGreaterThan(0.675);
    expect(s.roles.cue.exact.f1).toBeGreaterThan(0.655);
    expect(s.roles.content.exact.f1).toBeGreaterThan(0.595);
    expect(s.attribution.all.f1).toBeGreaterThan(0.76);
    expect(s.attribution.all.f1_with_source).toBeGreaterThan(0.68);
    expect(s.attribution.direct.recall_with_source).toBeGreaterThan(0.845);
  });
});
