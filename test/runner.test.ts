/** The runner from src/ (vitest): worker threads load worker.ts through tsx; output order and bytes. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { tagRange } from "../src/adapters/wink.js";
import { Progress } from "../src/runner/progress.js";
import { runBatch } from "../src/runner/run.js";
import { StdoutSink } from "../src/runner/sinks.js";
import { corpusJsonl, tempDir, testPipeline } from "./runner-helpers.js";

async function run(inputs: string[], workers: number): Promise<{ out: string; counts: unknown }> {
  const out = new PassThrough();
  let text = "";
  out.setEncoding("utf8").on("data", (d: string) => (text += d));
  const sink = new StdoutSink(out);
  const r = await runBatch({ inputs, pipeline: testPipeline(), workers, sink, quiet: true, batchDocs: 3 });
  return { out: text, counts: r.counts };
}

describe("runBatch", () => {
  it("worker threads from src/ (tsx) give the in-process bytes, in input order", async () => {
    const dir = tempDir();
    const file = join(dir, "in.jsonl");
    writeFileSync(file, `${corpusJsonl(2)}{"id":"e","text":""}\n`);
    const [one, two] = [await run([file], 1), await run([file], 2)];
    expect(two.out).toBe(one.out);
    const ids = one.out.trimEnd().split("\n").map((l) => JSON.parse(l).doc_id);
    expect(ids).toHaveLength(17);
    expect(ids.at(-1)).toBe("e");
    expect(one.counts).toEqual({ in: 17, records: 16, errors: 1, statements: expect.any(Number) });
  });

  it("non-terminal progress lines give docs/s and the ETA once the total is known", () => {
    const p = new Progress(new PassThrough(), { quiet: true, tty: false, intervalMs: 5000 });
    p.setTotal(100);
    p.update(10, 1);
    expect(p.line()).toMatch(/^10\/100 docs, [\d.]+ docs\/s, 1 error\(s\)/);
    p.stop();
  });

  // wink-nlp learns out-of-vocabulary words while it tokenises; src/adapters/wink.ts forgets them
  // again after each call, so tokens (and records) do not depend on what the process read before.
  it("tokens do not depend on the texts tagged before in the same process", () => {
    const t = "Donald Trump's lawyer said the case was closed.";
    const before = JSON.stringify(tagRange(t, 0, t.length).tokens);
    const other = "Her plan is less costly than Trump's. But they said so.";
    tagRange(other, 0, other.length);
    expect(JSON.stringify(tagRange(t, 0, t.length).tokens)).toBe(before);
  });
});
