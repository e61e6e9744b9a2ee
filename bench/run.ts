/**
 * npm run bench [-- --quick] [-- --pipeline <name|path.json>]
 * npm run bench -- --queue [--quick]: documents/s through the Redis queue instead (bench/queue.ts)
 * npm run bench -- --workers [--quick]: -w 1 against all cores by input size (bench/workers.ts)
 *
 * Texts: corpus/*.txt and, when present, ../shared/data/polnear/train.jsonl (read at run time,
 * never copied). Reports, as one table on stdout and JSON in bench/results/:
 *   (a) full pipeline vs one raw regex pass and vs wink-nlp readDoc alone (same texts, in-process)
 *   (b) vs compromise's own sentence + quotation pass
 *   (c) articles/s at 100, 1,000 and 10,000 documents (the built runner, dist/, one worker)
 *   (d) 1 vs 2 workers speed-up
 *   (e) peak RSS streaming 10,000 documents (2 workers; threads share the process RSS)
 *   (f) time per stage (stages run one by one from createPipeline(...).stages)
 * Runs (c)–(e) in child processes on dist/ (run `npm run build` first; the bench does if missing).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, } from "node:path";
import { Doc } from "../src/doc.js";
import { createPipeline, loadPipelineConfig } from "../src/index.js";
import { buildRecord } from "../src/record.js";
import { benchPipeline } from "./pipeline-arg.js";
import { benchTexts, ROOT } from "./texts.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
if (args.includes("--workers")) {
  // npm run bench -- --workers: where worker threads start to pay (bench/workers.ts)
  await import("./workers.js");
  process.exit(0);
}
if (args.includes("--queue")) {
  // npm run bench -- --queue: the Redis queue executor against the in-process run (bench/queue.ts)
  await import("./queue.js");
  process.exit(0);
}
const PIPELINE = benchPipeline(args);


// ---------------------------------------------------------------- texts

const { texts, sources } = benchTexts();
const cycle = (n: number) => Array.from({ length: n }, (_, i) => texts[i % texts.length]!);
const chars = (xs: string[]) => xs.reduce((s, t) => s + t.length, 0);

function timeIt(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

// ---------------------------------------------------------------- (a), (b), (f): in-process

const SAMPLE = quick ? 120 : 400;
const sample = cycle(SAMPLE);
const pipeline = createPipeline(loadPipelineConfig(PIPELINE));

function runPipelineTimed(stageMs: Map<string, number>): void {
  sample.forEach((text, i) => {
    const doc = pipeline.annotate(new Doc(text, { id: `d${i}`, date: null }), (name, ms) =>
      stageMs.set(name, (stageMs.get(name) ?? 0) + ms),
    );
    let t = performance.now();
    const rec = buildRecord(doc, pipeline.info);
    stageMs.set("record (build + validate)", (stageMs.get("record (build + validate)") ?? 0) + performance.now() - t);
    t = performance.now();
    JSON.stringify(rec);
    stageMs.set("JSON.stringify", (stageMs.get("JSON.stringify") ?? 0) + performance.now() - t);
  });
}

const require = createRequire(import.meta.url);
const winkNLP = require("wink-nlp") as (m: unknown, p?: string[]) => { readDoc(t: string): { tokens(): { length(): number } } };
const wink = winkNLP(require("wink-eng-lite-web-model"), ["sbd", "pos"]);
const { default: nlp } = (await import("compromise")) as unknown as {
  default: (t: string) => { sentences(): { length: number }; quotations(): { length: number } };
};

// warm up every contender once
runPipelineTimed(new Map());
for (const t of sample.slice(0, 20)) wink.readDoc(t).tokens().length();
for (const t of sample.slice(0, 5)) nlp(t).sentences().length + nlp(t).quotations().length;

const stageMs = new Map<string, number>();
const tPipeline = timeIt(() => runPipelineTimed(stageMs));
const REGEX = /["“”]|\b(?:said|says|told|according to)\b|\d+(?:[.,]\d+)*/g;
let regexHits = 0;
const tRegex = timeIt(() => {
  for (const t of sample) regexHits += t.match(REGEX)?.length ?? 0;
});
const tWink = timeIt(() => {
  for (const t of sample) wink.readDoc(t).tokens().length();
});
const compromiseSample = sample.slice(0, quick ? 30 : 80);
const tCompromise =
  timeIt(() => {
    for (const t of compromiseSample) {
      const d = nlp(t);
      d.sentences().length;
      d.quotations().length;
    }
  }) *
  (sample.length / compromiseSample.length);

// ---------------------------------------------------------------- (c), (d), (e): the built runner in child processes

if (!existsSync(join(ROOT, "dist", "runner", "run.js"))) {
  try {
    execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: ROOT, stdio: "ignore" });
  } catch {}
}

const CHILD = `
import { createExecutor } from ${JSON.stringify(new URL("../dist/runner/executor.js", import.meta.url).href)};
import { runBatch } from ${JSON.stringify(new URL("../dist/runner/run.js", import.meta.url).href)};
import { StdoutSink } from ${JSON.stringify(new URL("../dist/runner/sinks.js", import.meta.url).href)};
import { Writable } from "node:stream";
const [file, warm, workers, pipeline] = process.argv.slice(2);
const devnull = new Writable({ write(_c, _e, cb) { cb(); } });
const executor = createExecutor({ pipeline, workers: Number(workers) });
// warm-up: every worker loads the pipeline and tags a few documents before the clock starts
await runBatch({ inputs: [warm], pipeline, workers: Number(workers), sink: new StdoutSink(devnull), quiet: true, executor });
const t = performance.now();
const r = await runBatch({ inputs: [file], pipeline, workers: Number(workers), sink: new StdoutSink(devnull), quiet: true, executor });
const seconds = (performance.now() - t) / 1000;
await executor.close();
console.log(JSON.stringify({ docs: r.counts.in, errors: r.counts.errors, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

const work = join(tmpdir(), `statements-bench-${process.pid}`);
mkdirSync(work, { recursive: true });

function jsonl(n: number, name: string): string {
  const path = join(work, name);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `b${i}`, text: texts[i % texts.length] }));
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

interface ChildResult {
  docs: number;
  errors: number;
  seconds: number;
  maxRssMb: number;
}

const warm = jsonl(8, "warm.jsonl");
const childScript = join(work, "child.mjs");
writeFileSync(childScript, CHILD);
function runner(n: number, workers: number): ChildResult & { docsPerS: number } {
  const file = jsonl(n, `n${n}.jsonl`);
  const r = spawnSync(process.execPath, [childScript, file, warm, String(workers), PIPELINE], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as ChildResult;
  return { ...res, docsPerS: res.docs / res.seconds };
}

const sizes = quick ? [100, 1000, 2000] : [100, 1000, 10_000];
process.stderr.write(`bench: runner at ${sizes.join(", ")} documents (1 worker)…\n`);
const scale = sizes.map((n) => ({ n, ...runner(n, 1) }));
const dN = quick ? 400 : 1000;
process.stderr.write(`bench: 1 vs 2 workers on ${dN} documents…\n`);
const w1 = scale.find((s) => s.n === dN) ?? { n: dN, ...runner(dN, 1) };
const w2 = { n: dN, ...runner(dN, 2) };
const rssN = quick ? 2000 : 10_000;
process.stderr.write(`bench: peak RSS streaming ${rssN} documents (2 workers)…\n`);
const rss = { n: rssN, ...runner(rssN, 2) };
rmSync(work, { recursive: true, force: true });

// ---------------------------------------------------------------- report

const sampleChars = chars(sample);
const rate = (s: number) => sample.length / s;
const stagesTotal = [...stageMs.values()].reduce((a, b) => a + b, 0);
const stageRows = [...stageMs.entries()].sort((a, b) => b[1] - a[1]);
const first = scale[0]!;
const last = scale.at(-1)!;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: (await import("node:os")).availableParallelism(),
  quick,
  pipeline: pipeline.info,
  texts: { sources, sample_docs: sample.length, sample_chars: sampleChars, mean_chars: Math.round(sampleChars / sample.length) },
  a_b: {
    regex_hits: regexHits,
    pipeline_docs_per_s: rate(tPipeline),
    regex_docs_per_s: rate(tRegex),
    wink_readDoc_docs_per_s: rate(tWink),
    compromise_docs_per_s: rate(tCompromise),
    pipeline_vs_regex: tRegex / tPipeline,
    pipeline_vs_wink: tWink / tPipeline,
    pipeline_vs_compromise: tCompromise / tPipeline,
  },
  c_scale: scale.map((s) => ({ docs: s.n, docs_per_s: s.docsPerS, seconds: s.seconds })),
  c_ratio_last_vs_first: last.docsPerS / first.docsPerS,
  d_workers: { docs: dN, one: w1.docsPerS, two: w2.docsPerS, speedup: w2.docsPerS / w1.docsPerS },
  e_rss: { docs: rssN, workers: 2, peak_rss_mb: rss.maxRssMb, one_worker_docs: last.n, one_worker_peak_rss_mb: last.maxRssMb },
  f_stages_ms_per_doc: Object.fromEntries(stageRows.map(([k, v]) => [k, v / sample.length])),
  targets: {
    "≥10× compromise": tCompromise / tPipeline >= 10,
    "≥0.4× wink readDoc": tWink / tPipeline >= 0.4,
    "10k within 15% of 100": last.docsPerS / first.docsPerS >= 0.85,
    "≥1.6× with 2 workers": w2.docsPerS / w1.docsPerS >= 1.6,
    "peak RSS < 400 MB (2 workers)": rss.maxRssMb < 400,
    "peak RSS < 400 MB (1 worker)": last.maxRssMb < 400,
  },
};

const f1 = (x: number) => x.toFixed(1);
const out: string[] = [];
out.push(`load average at the end: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")} (other processes share the cores)`);
out.push(`statements bench — ${results.date} — node ${process.version}, ${results.cpus} cores${quick ? " (--quick)" : ""}`);
out.push(`pipeline ${pipeline.info.name} ${pipeline.info.version}; texts: ${sources.join(" + ")}; sample ${sample.length} docs, mean ${results.texts.mean_chars} chars`);
out.push("");
out.push("| measure | value | ratio / target |");
out.push("|---|---|---|");
out.push(`| (a) full pipeline, in-process | ${f1(rate(tPipeline))} docs/s | |`);
out.push(`| (a) one regex pass | ${f1(rate(tRegex))} docs/s | pipeline = ${(tRegex / tPipeline).toFixed(4)}× regex |`);
out.push(`| (a) wink-nlp readDoc alone | ${f1(rate(tWink))} docs/s | pipeline = ${(tWink / tPipeline).toFixed(2)}× wink (target ≥ 0.4) |`);
out.push(`| (b) compromise sentences()+quotations() | ${f1(rate(tCompromise))} docs/s | pipeline = ${(tCompromise / tPipeline).toFixed(2)}× compromise (target ≥ 10) |`);
for (const s of scale) out.push(`| (c) runner, 1 worker, ${s.n} docs | ${f1(s.docsPerS)} docs/s | ${(s.docsPerS / first.docsPerS).toFixed(2)}× the ${first.n}-doc rate (target ≥ 0.85) |`);
out.push(`| (d) ${dN} docs, 2 workers vs 1 | ${f1(w2.docsPerS)} vs ${f1(w1.docsPerS)} docs/s | ${(w2.docsPerS / w1.docsPerS).toFixed(2)}× (target ≥ 1.6) |`);
out.push(`| (e) peak RSS, ${rssN} docs streamed, 2 workers | ${f1(rss.maxRssMb)} MB | target < 400 MB |`);
out.push(`| (e) peak RSS, ${last.n} docs streamed, 1 worker (in-process) | ${f1(last.maxRssMb)} MB | target < 400 MB |`);
for (const [k, v] of stageRows) out.push(`| (f) stage ${k} | ${(v / sample.length).toFixed(2)} ms/doc | ${((v / stagesTotal) * 100).toFixed(1)}% |`);
out.push("");
out.push(`targets: ${Object.entries(results.targets).map(([k, v]) => `${k} ${v ? "met" : "MISSED"}`).join("; ")}`);
out.push(`slowest stage: ${stageRows[0]?.[0]} (${((stageRows[0]?.[1] ?? 0) / stagesTotal * 100).toFixed(0)}% of pipeline time)`);
process.stdout.write(`${out.join("\n")}\n`);
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results", quick ? "latest-quick.json" : "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
