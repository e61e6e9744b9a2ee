/**
 * Scores the numbers and dates stages on the shared gold data (future `npm run eval:numbers`).
 *
 *   npx tsx scripts/numbers-harness.ts [--data DIR] [--errors] [--out DIR] [--suite NAME] [gold.jsonl ...]
 *   npx tsx scripts/numbers-harness.ts --bench
 *
 * For each gold JSONL ({id, text, date} lines) it builds a Doc per line (sentences: one per non-empty
 * line, trimmed), runs the numbers then the dates stage, writes {doc_id, offsets, numbers} records to a
 * temporary file and prints the table of ../shared/tools/score-numbers.mjs (by suite when the file has
 * suites). --errors passes --errors to the scorer; --suite keeps only the cases of one suite.
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
const valued = new Set(["--data", "--out", "--suite"]);
const files = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
const golds = files.length
  ? files
  : ["news-phrases.jsonl", "ms-recognizers.jsonl"].map((f) => join(dataDir, f));

function runFile(gold: string): void {
  if (!existsSync(gold)) {
    console.log(`${gold}: missing, skipped`);
    return;
  }
  const all = readJsonl(gold);
  const lines = all.map((l) => l.row).filter((g) => !suite || g.suite === suite);
  const records: string[] = [];
  const started = performance.now();
  for (const g of lines) records.push(predictionLine(g.id, stageMentions(g)));
  const ms = performance.now() - started;
  const name = gold
    .split("/")
    .pop()!
    .replace(/\.jsonl$/, "");
  const goldFile = suite ? join(outDir, `${name}.${suite}.gold.jsonl`) : gold;
  if (suite) {
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
  console.log(`\n== ${name} (${lines.length} cases, ${ms.toFixed(0)} ms; predictions in ${pred})`);
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
