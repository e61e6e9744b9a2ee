/**
 * Scores the numbers and dates stages on the shared gold data (future `npm run eval:numbers`).
 *
 *   npx tsx scripts/numbers-harness.ts [--data DIR] [--errors] [--out DIR] [--suite NAME] [--half a|b] [gold.jsonl ...]
 *   npx tsx scripts/numbers-harness.ts --bench
 *
 * For each gold JSONL ({id, text, date} lines; by default news-phrases, ms-recognizers and
 * timebank-dates) it splits each text into the pipeline's sentences, runs the dates then the numbers
 * stage, writes {doc_id, offsets, numbers} records to a temporary file and prints the table of
 * ../shared/tools/score-numbers.mjs (by suite when the file has suites). --errors passes --errors to
 * the scorer; --suite keeps only the cases of one suite; --half a|b keeps one half of the cases, split
 * by id (ids sorted, every other one: a = 1st, 3rd, …; b = 2nd, 4th, …), to develop on one half of a
 * suite and check that the other moves the same way.
 *
 * --bench measures throughput instead: the sentences of corpus/*.txt that hold a digit or a number word
 * and those that do not, each repeated to about 200 KB, through the numbers and dates stages with the
 * pre-filter on and off.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  type GoldLine,
  NUMBERS_DATA,
  predictionLine,
  prefilterThroughput,
  readJsonl,
  runScorer,
  SCORER,
  stageMentions,
} from "./numbers-eval.js";

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(option("--data") ?? NUMBERS_DATA);
const scorer = resolve(SCORER);
const outDir = option("--out") ?? mkdtempSync(join(tmpdir(), "numbers-harness-"));
const suite = option("--suite");
const half = option("--half") as "a" | "b" | undefined;
if (half !== undefined && !["a", "b"].includes(half)) {
  console.error(`numbers-harness: expected --half a or --half b, got ${JSON.stringify(half)}`);
  process.exit(2);
}
const valued = new Set(["--data", "--out", "--suite", "--half"]);
const files = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
const golds = files.length
  ? files
  : ["news-phrases.jsonl", "ms-recognizers.jsonl", "timebank-dates.jsonl"].map((f) => join(dataDir, f));

/** The ids of one half of the cases: ids sorted, every other one (a: 1st, 3rd, …; b: 2nd, 4th, …). */
function halfIds(rows: GoldLine[], which: "a" | "b"): Set<string> {
  const ids = rows.map((r) => r.id).sort();
  return new Set(ids.filter((_, i) => i % 2 === (which === "a" ? 0 : 1)));
}

function runFile(gold: string): void {
  if (!existsSync(gold)) {
    console.log(`${gold}: missing, skipped`);
    return;
  }
  const all = readJsonl(gold);
  const inHalf = half ? halfIds(all.map((l) => l.row), half) : null;
  const lines = all.map((l) => l.row).filter((g) => (!suite || g.suite === suite) && (!inHalf || inHalf.has(g.id)));
  const subset = !!(suite || inHalf);
  const records: string[] = [];
  const started = performance.now();
  for (const g of lines) records.push(predictionLine(g.id, stageMentions(g)));
  const ms = performance.now() - started;
  const name = gold
    .split("/")
    .pop()!
    .replace(/\.jsonl$/, "");
  const goldFile = subset ? join(outDir, `${name}.${suite ?? "all"}.${half ?? "all"}.gold.jsonl`) : gold;
  if (subset) {
    const keep = new Set(lines.map((l) => l.id));
    writeFileSync(
      goldFile,
      `${all
        .filter((l) => keep.has((l.row as GoldLine).id))
        .map((l) => l.line)
        .join("\n")}\n`,
    );
  }
  const pred = join(outDir, `${name}.pred.jsonl`);
  writeFileSync(pred, `${records.join("\n")}\n`);
  const bySuite = lines.some((l) => l.suite);
  const r = runScorer(goldFile, pred, [
    ...(bySuite ? ["--by-suite"] : []),
    ...(flag("--errors") ? ["--errors"] : []),
  ]);
  console.log(`\n== ${name}${half ? ` half ${half}` : ""} (${lines.length} cases, ${ms.toFixed(0)} ms; predictions in ${pred})`);
  process.stdout.write(r.stdout);
  if (r.status !== 0) process.stderr.write(r.stderr);
}

function bench(): void {
  console.log("text               prefilter   KB     ms   KB/s   sentences");
  for (const r of prefilterThroughput())
    console.log(
      `${r.text.padEnd(18)} ${String(r.prefilter).padEnd(9)} ${r.kb.toFixed(0).padStart(4)} ${r.ms.toFixed(0).padStart(6)} ${r.kbPerS.toFixed(0).padStart(6)}   ${r.sentences}`,
    );
}

if (flag("--bench")) {
  bench();
  process.exit(0);
}
if (!existsSync(scorer)) {
  console.error(`numbers-harness: scorer not found at ${scorer}`);
  process.exit(2);
}
for (const g of golds) runFile(g);
