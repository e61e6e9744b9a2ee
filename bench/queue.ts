/**
 * npm run bench -- --queue [--quick] [--pipeline <name|path.json>]
 *
 * Documents/s through the Redis queue (extract --queue + statements worker) against the in-process
 * run on the same input, on this machine: a redis-server on a free port in a temp dir, the built CLI
 * (dist/) as workers, the producer in a child process (runBatch + QueueExecutor from dist/).
 *   in-process        runBatch with the in-process executor (-w 1)
 *   queue, 1 worker   one `statements worker` process (one worker thread), 16 documents per job
 *   queue, 1 doc/job  the same with one document per job: the per-job cost that batching avoids
 *   queue, 2 workers  two worker processes, 16 documents per job
 * Every configuration is warmed up first (workers load the pipeline) and timed on the same input.
 * Prints a table; writes bench/results/queue.json.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, } from "node:path";
import { benchPipeline } from "./pipeline-arg.js";
import { benchTexts, ROOT } from "./texts.js";

const CLI = join(ROOT, "dist", "cli", "main.js");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const PIPELINE = benchPipeline(args);
const BATCH = 16;


if (spawnSync("redis-server", ["--version"]).status !== 0) {
  process.stderr.write("bench --queue: redis-server is not installed (bash scripts/test-deps.sh redis-server)\n");
  process.exit(1);
}
if (!existsSync(join(ROOT, "dist", "runner", "queue-executor.js"))) {
  try {
    execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: ROOT, stdio: "ignore" });
  } catch {}
}

// ---------------------------------------------------------------- texts (as bench/run.ts)

const { texts, sources } = benchTexts();

const work = join(tmpdir(), `statements-bench-queue-${process.pid}`);
mkdirSync(join(work, "redis"), { recursive: true });
const N = quick ? 300 : 1000;
function jsonl(n: number, name: string, prefix: string): string {
  const path = join(work, name);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `${prefix}${i}`, text: texts[i % texts.length] }));
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}
const input = jsonl(N, "in.jsonl", "q");
const meanChars = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);

// ---------------------------------------------------------------- child: one timed run

const dist = (p: string) => JSON.stringify(new URL(`../dist/${p}`, import.meta.url).href);
const CHILD = `
import { Writable } from "node:stream";
import { createExecutor } from ${dist("runner/executor.js")};
import { runBatch } from ${dist("runner/run.js")};
import { StdoutSink } from ${dist("runner/sinks.js")};
import { QueueExecutor } from ${dist("runner/queue-executor.js")};
import { parseQueueUrl } from ${dist("runner/queue.js")};
import { loadPipeline } from ${dist("index.js")};
const [mode, file, warm, pipeline, url, batch, tag] = process.argv.slice(2);
const devnull = () => new Writable({ write(_c, _e, cb) { cb(); } });
const run = (inputs, executor) => runBatch({ inputs, pipeline, workers: 1, sink: new StdoutSink(devnull()), quiet: true, executor });
async function queueExecutor(name) {
  return QueueExecutor.open({ target: parseQueueUrl(url), queueName: name, runDir: name, pipeline: loadPipeline(pipeline),
    window: 256, batchDocs: Number(batch), batchChars: 1 << 30, log: (l) => process.stderr.write(l + "\\n") });
}
let r, seconds;
if (mode === "local") {
  const ex = createExecutor({ pipeline, workers: 1 });
  await run([warm], ex);
  const t = performance.now();
  r = await run([file], ex);
  seconds = (performance.now() - t) / 1000;
  await ex.close();
} else {
  const w = await queueExecutor("bench.warm." + tag);
  await run([warm], w);
  await w.finish(true);
  await w.close();
  const ex = await queueExecutor("bench.timed." + tag);
  const t = performance.now();
  r = await run([file], ex);
  seconds = (performance.now() - t) / 1000;
  await ex.finish(true);
  await ex.close();
}
const ru = process.resourceUsage();
console.log(JSON.stringify({ docs: r.counts.in, errors: r.counts.errors, seconds, cpuS: (ru.userCPUTime + ru.systemCPUTime) / 1e6 }));
`;
const childScript = join(work, "child.mjs");
writeFileSync(childScript, CHILD);

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => ok(typeof a === "object" && a ? a.port : 0));
    });
  });
}

const port = await freePort();
const url = `redis://127.0.0.1:${port}/0`;
const redis = spawn(
  "redis-server",
  ["--port", String(port), "--bind", "127.0.0.1", "--dir", join(work, "redis"), "--appendonly", "yes", "--save", ""],
  { stdio: ["ignore", "pipe", "inherit"] },
);
await new Promise<void>((ok) => {
  let out = "";
  redis.stdout?.setEncoding("utf8").on("data", (d: string) => {
    out += d;
    if (out.includes("Ready to accept connections")) ok();
  });
});

interface Timed {
  docs: number;
  errors: number;
  seconds: number;
  docsPerS: number;
  /** CPU seconds of the producer (or in-process) child, warm-up and pipeline load included */
  cpuS: number;
  /** documents of the warm-up and the timed run */
  allDocs: number;
  /** CPU seconds of the worker processes (warm-up and pipeline load included) */
  workerCpuS: number;
}

function timed(mode: "local" | "queue", batch: number, tag: string): Timed {
  // warm-up: several jobs per worker, so that every worker has loaded the pipeline
  const warm = jsonl(Math.max(16, batch * 8), `warm-${tag}.jsonl`, `w${tag}-`);
  const r = spawnSync(process.execPath, [childScript, mode, input, warm, PIPELINE, url, String(batch), tag], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Omit<Timed, "docsPerS" | "allDocs" | "workerCpuS">;
  return { ...res, docsPerS: res.docs / res.seconds, allDocs: res.docs + Math.max(16, batch * 8), workerCpuS: 0 };
}

/** Runs `fn` with n worker processes; adds their CPU seconds (from their last log line) to the result. */
async function withWorkers(n: number, fn: () => Timed): Promise<Timed> {
  const ws = Array.from({ length: n }, () => {
    const child = spawn(process.execPath, [CLI, "worker", "--queue", url, "--poll-ms", "50"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (log += d));
    const exited = new Promise<void>((ok) => child.on("close", () => ok()));
    return { child, exited, log: () => log };
  });
  let r: Timed | undefined;
  try {
    r = fn();
  } finally {
    for (const w of ws) w.child.kill("SIGTERM");
    await Promise.all(ws.map((w) => w.exited));
  }
  const cpu = ws.map((w) => Number(/, ([\d.]+) s CPU/.exec(w.log())?.[1] ?? Number.NaN));
  return { ...r, workerCpuS: cpu.reduce((a, b) => a + b, 0) };
}

// Other processes may share the cores: every configuration runs ROUNDS times, interleaved, and
// the fastest round counts.
const ROUNDS = quick ? 1 : 2;
const best = (a: Timed | undefined, b: Timed) => (a && a.docsPerS >= b.docsPerS ? a : b);
let rows: { name: string; r: Timed }[] = [];
try {
  let local: Timed | undefined;
  let q1: Timed | undefined;
  let q1single: Timed | undefined;
  let q2: Timed | undefined;
  for (let round = 1; round <= ROUNDS; round++) {
    const tag = `r${round}`;
    process.stderr.write(`bench --queue: round ${round}/${ROUNDS}, ${N} documents (mean ${meanChars} chars): in-process…\n`);
    local = best(local, timed("local", BATCH, `local${tag}`));
    process.stderr.write("bench --queue: queue, 1 worker…\n");
    q1 = best(q1, await withWorkers(1, () => timed("queue", BATCH, `q1${tag}`)));
    process.stderr.write("bench --queue: queue, 1 worker, 1 document per job…\n");
    q1single = best(q1single, await withWorkers(1, () => timed("queue", 1, `q1s${tag}`)));
    process.stderr.write("bench --queue: queue, 2 workers…\n");
    q2 = best(q2, await withWorkers(2, () => timed("queue", BATCH, `q2${tag}`)));
  }
  rows = [
    { name: "in-process (-w 1)", r: local! },
    { name: `queue, 1 worker, ${BATCH} docs/job`, r: q1! },
    { name: "queue, 1 worker, 1 doc/job", r: q1single! },
    { name: `queue, 2 workers, ${BATCH} docs/job`, r: q2! },
  ];
} finally {
  redis.kill("SIGTERM");
  await new Promise((ok) => redis.on("exit", ok));
  rmSync(work, { recursive: true, force: true });
}

const [local, q1, q1single, q2] = rows.map((x) => x.r) as [Timed, Timed, Timed, Timed];
const overhead = 1 - q1.docsPerS / local.docsPerS;
const overheadSingle = 1 - q1single.docsPerS / local.docsPerS;
const perDocMs = (r: Timed) => 1000 / r.docsPerS - 1000 / local.docsPerS;
/** CPU milliseconds per document, every process of the configuration (not Redis), load-independent-ish */
const cpuMsPerDoc = (r: Timed) => ((r.cpuS + r.workerCpuS) * 1000) / r.allDocs;
const speedup = q2.docsPerS / q1.docsPerS;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  load_average_end: loadavg(),
  quick,
  pipeline: PIPELINE,
  texts: { sources, docs: N, mean_chars: meanChars },
  batch_docs: BATCH,
  rounds: ROUNDS,
  in_process_docs_per_s: local.docsPerS,
  queue_1_worker_docs_per_s: q1.docsPerS,
  queue_1_worker_1_doc_per_job_docs_per_s: q1single.docsPerS,
  queue_2_workers_docs_per_s: q2.docsPerS,
  speedup_2_vs_1: speedup,
  overhead_1_worker: overhead,
  overhead_1_worker_1_doc_per_job: overheadSingle,
  overhead_ms_per_doc: perDocMs(q1),
  overhead_ms_per_doc_1_doc_per_job: perDocMs(q1single),
  cpu_ms_per_doc: Object.fromEntries(rows.map(({ name, r }) => [name, cpuMsPerDoc(r)])),
  cpu_s: Object.fromEntries(rows.map(({ name, r }) => [name, { producer_or_in_process: r.cpuS, workers: r.workerCpuS }])),
  errors: rows.map((x) => x.r.errors),
  targets: {
    "2 queue workers ≥ 1.5× one": speedup >= 1.5,
    "queue overhead ≤ 15% at 1 worker": overhead <= 0.15,
  },
};

const f1 = (x: number) => x.toFixed(1);
const out: string[] = [];
out.push(`statements bench --queue — ${results.date} — node ${process.version}, ${results.cpus} cores${quick ? " (--quick)" : ""}`);
out.push(`best of ${ROUNDS} round(s); pipeline ${PIPELINE}; texts: ${sources.join(" + ")}; ${N} docs, mean ${meanChars} chars; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
out.push("");
out.push("| configuration | docs/s | vs in-process | queue overhead per doc (wall) | CPU per doc, all processes |");
out.push("|---|---|---|---|---|");
for (const { name, r } of rows) {
  const vs = r.docsPerS / local.docsPerS;
  const cpu = `${cpuMsPerDoc(r).toFixed(1)} ms`;
  out.push(`| ${name} | ${f1(r.docsPerS)} | ${vs.toFixed(2)}× | ${r === local ? "–" : `${perDocMs(r).toFixed(2)} ms`} | ${cpu} |`);
}
out.push("");
out.push(
  `2 workers vs 1: ${speedup.toFixed(2)}× (target ≥ 1.5: ${speedup >= 1.5 ? "met" : "MISSED"}); queue overhead at 1 worker: ${(overhead * 100).toFixed(1)}% (target ≤ 15%: ${overhead <= 0.15 ? "met" : "MISSED"}); with 1 doc/job: ${(overheadSingle * 100).toFixed(1)}%`,
);
process.stdout.write(`${out.join("\n")}\n`);
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(join(ROOT, "bench", "results", "queue.json"), `${JSON.stringify(results, null, 2)}\n`);
