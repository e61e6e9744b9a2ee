/**
 * npm run bench -- --workers [--quick]: where worker threads start to pay, for the default worker
 * count of `statements extract` (src/runner/executor.ts autoWorkers). Runs the built CLI as a user
 * does — cold start included, output to /dev/null — on N documents (corpus articles, then PolNeAR
 * train when ../shared is there, cycled) with -w 1 and -w <cores>, interleaved, best of `rounds`
 * wall-clock times. Prints a table and writes bench/results/workers.json.
 *
 * Also times the sentence splitter on a 600,000-character line without breaks (linear; a quadratic
 * splitter takes minutes): test/sentences.test.ts checks that line's ranges but asserts no time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { splitSentences } from "../src/stages/sentences/split.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const quick = process.argv.includes("--quick");
const CLI = join(ROOT, "dist", "cli", "main.js");
if (!existsSync(CLI)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });

const texts: string[] = [];
for (const f of readdirSync(join(ROOT, "corpus")).filter((x) => x.endsWith(".txt")).sort()) {
  texts.push(readFileSync(join(ROOT, "corpus", f), "utf8"));
}
const polnear = join(ROOT, "..", "shared", "data", "polnear", "train.jsonl");
if (existsSync(polnear)) {
  for (const line of readFileSync(polnear, "utf8").split("\n")) {
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
  }
}

const work = join(tmpdir(), `statements-bench-workers-${process.pid}`);
mkdirSync(work, { recursive: true });
const cores = availableParallelism();
const sizes = quick ? [8, 50, 200] : [8, 25, 50, 100, 200, 400];
const rounds = quick ? 1 : 2;

function input(n: number): { path: string; bytes: number } {
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `w${i}`, text: texts[i % texts.length] }));
  const body = `${lines.join("\n")}\n`;
  const path = join(work, `n${n}.jsonl`);
  writeFileSync(path, body);
  return { path, bytes: Buffer.byteLength(body) };
}

function wall(path: string, workers: number): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, "extract", path, "-w", String(workers), "-q"], { stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`extract -w ${workers} failed: ${r.stderr}`);
  return (performance.now() - t) / 1000;
}

const rows: Array<{ docs: number; kb: number; w1: number; wN: number; ratio: number }> = [];
for (const n of sizes) {
  const { path, bytes } = input(n);
  let w1 = Number.POSITIVE_INFINITY;
  let wN = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    w1 = Math.min(w1, wall(path, 1));
    wN = Math.min(wN, wall(path, cores));
  }
  rows.push({ docs: n, kb: Math.round(bytes / 1024), w1, wN, ratio: w1 / wN });
  process.stderr.write(`bench: ${n} documents: -w 1 ${w1.toFixed(2)} s, -w ${cores} ${wN.toFixed(2)} s\n`);
}

const line = "a. b. 1. c ".repeat(50_000) + "x".repeat(100_000);
const t0 = performance.now();
splitSentences(line, { start: 0, end: line.length });
const splitMs = performance.now() - t0;

rmSync(work, { recursive: true, force: true });
const crossover = rows.find((r) => r.ratio > 1);
console.log(`workers crossover — ${new Date().toISOString()} — ${cores} cores, load average ${loadavg()[0]!.toFixed(1)}`);
console.log("docs    KB   -w 1 (s)   -w " + `${cores} (s)   speed-up`);
for (const r of rows) {
  console.log(`${String(r.docs).padStart(4)} ${String(r.kb).padStart(5)}   ${r.w1.toFixed(2).padStart(8)}   ${r.wN.toFixed(2).padStart(8)}   ${r.ratio.toFixed(2)}×`);
}
console.log(crossover ? `workers pay from about ${crossover.docs} documents (${crossover.kb} KB)` : "workers did not pay at these sizes");
console.log(`sentence splitter, 600,000-character line without breaks: ${splitMs.toFixed(0)} ms`);
mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
writeFileSync(
  join(ROOT, "bench", "results", "workers.json"),
  `${JSON.stringify({ date: new Date().toISOString(), cores, load: loadavg()[0], rows, splitMs }, null, 2)}\n`,
);
