import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Doc } from "../src/doc.js";
import { createPipeline, extract, loadPipelineConfig, PipelineError } from "../src/index.js";
import type { Stage } from "../src/stage.js";
import { STAGES } from "../src/stages/index.js";
import { corpusFiles, readCorpus, repoRoot } from "./helpers.js";

describe("pipeline configs", () => {
  it("loads and validates the default config", () => {
    const p = createPipeline(loadPipelineConfig("default"));
    expect(p.stages.map((s) => s.name)[0]).toBe("ingest");
    expect(p.info.config_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes configs independently of key order", () => {
    const a = createPipeline({ name: "x", stages: ["ingest", "sentences"], options: {} });
    const b = createPipeline({ options: {}, stages: ["ingest", "sentences"], name: "x" });
    expect(a.info.config_sha256).toBe(b.info.config_sha256);
  });

  it.each([
    [{ name: "x", stages: ["sentences"] }, /stage "sentences": requires layer\(s\) body/],
    [{ name: "x", stages: ["ingest", "nope"] }, /stage "nope": unknown stage/],
    [{ name: "x", stages: [] }, /stage "config": stages/],
    [{ name: "Bad Name", stages: ["ingest"] }, /stage "config": name/],
    [{ name: "x", stages: ["ingest"], extra: 1 }, /stage "config"/],
    [{ name: "x", stages: ["ingest"], options: { tokens: {} } }, /stage "tokens": options given for a stage not in the pipeline/],
  ])("rejects a bad config %#, naming the stage", (config, message) => {
    expect(() => createPipeline(config)).toThrow(message);
  });

  it("names an unknown pipeline", () => {
    expect(() => loadPipelineConfig("does-not-exist")).toThrow(/no pipeline config at .*does-not-exist\.json/);
    expect(() => loadPipelineConfig("../etc/passwd")).toThrow(PipelineError);
  });

  it("names the stage that throws, and the stage that forgets its layer", () => {
    const boom: Stage = { name: "boom", requires: ["body"], provides: "sentences", run: () => { throw new Error("kaput"); } };
    const lazy: Stage = { name: "lazy", requires: ["body"], provides: "sentences", run: () => {} };
    const registry = { ...STAGES, boom, lazy };
    const p1 = createPipeline({ name: "x", stages: ["ingest", "boom"] }, registry);
    expect(() => p1.run(new Doc("Hello.", { id: "t", date: null }))).toThrow('stage "boom": kaput');
    const p2 = createPipeline({ name: "x", stages: ["ingest", "lazy"] }, registry);
    expect(() => p2.run(new Doc("Hello.", { id: "t", date: null }))).toThrow('stage "lazy": did not provide layer "sentences"');
  });

  it("a stage reads only the layers it declares and sets only the one it provides", () => {
    const sneaky: Stage = {
      name: "sneaky",
      requires: ["body"],
      provides: "sentences",
      run: (doc) => doc.set("sentences", doc.get("paragraphs")),
    };
    const greedy: Stage = { name: "greedy", requires: ["body"], provides: "sentences", run: (doc) => doc.set("tokens", []) };
    const registry = { ...STAGES, sneaky, greedy };
    const p1 = createPipeline({ name: "x", stages: ["ingest", "paragraphs", "sneaky"] }, registry);
    expect(() => p1.run(new Doc("Hello.", { id: "t", date: null }))).toThrow(
      'stage "sneaky": reads layer "paragraphs", which it does not declare in requires',
    );
    const p2 = createPipeline({ name: "x", stages: ["ingest", "greedy"] }, registry);
    expect(() => p2.run(new Doc("Hello.", { id: "t", date: null }))).toThrow('stage "greedy": sets layer "tokens"; it provides only "sentences"');
  });

  it("stamps the stage's name on the messages it reports", () => {
    const noisy: Stage = {
      name: "noisy",
      requires: ["body"],
      provides: "sentences",
      run: (doc, ctx) => {
        ctx.report("odd", "something odd", { start: 0, end: 1 });
        doc.set("sentences", []);
      },
    };
    const p = createPipeline({ name: "x", stages: ["ingest", "noisy"] }, { ...STAGES, noisy });
    const rec = p.run(new Doc("Hello.", { id: "t", date: null }));
    expect(rec.messages).toEqual([{ stage: "noisy", rule: "odd", reason: "something odd", start: 0, end: 1 }]);
  });

  it("every pipeline config runs on every corpus article with each stage reading only what it declares", () => {
    const configs = readdirSync(join(repoRoot, "pipelines")).filter((f) => f.endsWith(".json"));
    expect(configs).toContain("default.json");
    for (const file of configs) {
      const p = createPipeline(loadPipelineConfig(join(repoRoot, "pipelines", file)));
      for (const name of corpusFiles()) {
        const rec = p.run(new Doc(readCorpus(name), { id: name, date: null }));
        expect(rec.doc_id).toBe(name);
      }
    }
  });

  it("a pipeline without the statement stages still gives a valid record", () => {
    const p = createPipeline({ name: "sentences-only", stages: ["ingest", "sentences"] });
    const rec = extract("One sentence. Another one.", { id: "t", pipeline: p });
    expect(rec.sentences).toHaveLength(2);
    expect(rec.statements).toEqual([]);
    expect(rec.pipeline.name).toBe("sentences-only");
  });
});
