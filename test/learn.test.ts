import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeModel } from "../src/learn/cue-model-file.js";
import { prune, train } from "../src/learn/perceptron.js";
import { seededRandom, shuffle } from "../src/random.js";
import { cueFeatureContext, cueFeatures } from "../src/stages/cues/cue-features.js";
import { cueModel, modelPath, parseModel } from "../src/stages/cues/cue-model.js";
import { findCues } from "../src/stages/cues/cues.js";
import { argmax, scores } from "../src/stages/cues/weights.js";
import { annotate, hasShared, repoRoot, sharedMissing } from "./helpers.js";

/** A toy problem: the class is which of three colours the example names; "noise" features carry nothing. */
function toy(seed: number): Array<{ features: string[]; label: number }> {
  const random = seededRandom(seed);
  return Array.from({ length: 300 }, () => {
    const label = Math.floor(random() * 3);
    const noise = `n=${Math.floor(random() * 5)}`;
    return { features: ["bias", `c=${["red", "green", "blue"][label]}`, noise], label };
  });
}

describe("perceptron", () => {
  it("learns a separable toy problem", () => {
    const w = train(toy(1), { classes: 3, epochs: 5, seed: 7 });
    for (const e of toy(2)) expect(argmax(scores(w, e.features, 3))).toBe(e.label);
  });

  it("is deterministic", () => {
    const a = train(toy(1), { classes: 3, epochs: 5, seed: 7 });
    const b = train(toy(1), { classes: 3, epochs: 5, seed: 7 });
    expect([...a].map(([k, v]) => [k, [...v]])).toEqual([...b].map(([k, v]) => [k, [...v]]));
    expect(shuffle([1, 2, 3, 4, 5], seededRandom(3))).toEqual(shuffle([1, 2, 3, 4, 5], seededRandom(3)));
  });

  it("prunes small weights and keeps the decisions", () => {
    const w = prune(train(toy(1), { classes: 3, epochs: 5, seed: 7 }), 0.5, 1);
    expect(w.has("c=red")).toBe(true);
    for (const e of toy(2)) expect(argmax(scores(w, e.features, 3))).toBe(e.label);
  });
});

function featureRows(text: string): string[][] {
  const doc = annotate(text, "quotes");
  const tokens = doc.get("tokens");
  const ctx = cueFeatureContext({ text, tokens, quotes: doc.get("quotes"), candidates: findCues(text, tokens, doc.get("paragraphs")) });
  return tokens.map((_, i) => cueFeatures(ctx, i));
}

describe("cue features", () => {
  const text = '"We will sign," the minister said on Tuesday. Polls seemed to show a tie.';
  it("are deterministic and mark quotes and lexicon verbs", () => {
    const a = featureRows(text);
    expect(featureRows(text)).toEqual(a);
    const said = a.find((f) => f.includes("w=said"))!;
    expect(said).toContain("lex=speech|VERB");
    expect(said.some((f) => f.startsWith("qc="))).toBe(true);
    expect(a.find((f) => f.includes("w=will"))).toContain("q=in|AUX");
  });

  it("never name more than two words", () => {
    for (const row of featureRows(text)) for (const f of row) expect(f.split(/[\s|]/).filter((x) => /\p{L}/u.test(x)).length).toBeLessThanOrEqual(3);
  });
});

describe("cue model file", () => {
  const raw = readFileSync(modelPath(), "utf8");
  it("loads, and round-trips through writeModel", () => {
    const model = cueModel();
    expect(model).not.toBeNull();
    expect(model!.weights.size).toBeGreaterThan(1000);
    expect(writeModel(parseModel(raw))).toBe(raw);
  });

  it("is compact and holds no article text", () => {
    expect(raw.length).toBeLessThan(3 * 1024 * 1024);
    for (const line of raw.split("\n")) {
      const name = /^"((?:[^"\\]|\\.)*)":/.exec(line)?.[1] ?? "";
      expect(name.length, line).toBeLessThan(60);
      expect(name.split(/[\s|]/).filter((x) => /\p{L}{2}/u.test(x)).length, line).toBeLessThanOrEqual(3);
    }
  });
});

describe.skipIf(!hasShared)(`training${hasShared ? "" : ` (${sharedMissing})`}`, () => {
  it("npm run train reproduces the committed model byte for byte", { timeout: 1_800_000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), "statements-train-")), "cue-model.json");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/learn/train-cues.ts", "--out", out], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8") === readFileSync(modelPath(), "utf8")).toBe(true);
  });
});
