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
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Doc } from "../src/doc.js";
import type { NumberMention, Range } from "../src/schema.js";
import { datesStage, findDates } from "../src/stages/dates.js";
import { findNumbers, numbersStage } from "../src/stages/numbers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(option("--data") ?? join(here, "../../shared/data/numbers"));
const scorer = resolve(join(here, "../../shared/tools/score-numbers.mjs"));
const outDir = option("--out") ?? mkdtempSync(join(tmpdir(), "numbers-harness-"));
const suite = option("--suite");
const valued = new Set(["--data", "--out", "--suite"]);
const files = args.filter((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? ""));
const golds = files.length
  ? files
  : ["news-phrases.jsonl", "ms-recognizers.jsonl"].map((f) => join(dataDir, f));

/** One sentence range per non-empty line, trimmed. */
export function lineSentences(text: string): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    let s = at;
    let e = at + line.length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    at += line.length + 1;
  }
  return out;
}

interface GoldLine {
  id: string;
  text: string;
  date?: string;
  suite?: string;
}

function runFile(gold: string): void {
  if (!existsSync(gold)) {
    console.log(`${gold}: missing, skipped`);
    return;
  }
  const lines = readFileSync(gold, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldLine)
    .filter((g) => !suite || g.suite === suite);
  const records: string[] = [];
  const started = performance.now();
  for (const g of lines) {
    const doc = new Doc(g.text, { id: g.id, date: g.date ?? null });
    doc.set("body", { start: 0, end: g.text.length });
    doc.set("sentences", lineSentences(g.text));
    numbersStage.run(doc, { options: {} });
    datesStage.run(doc, { options: {} });
    const numbers: NumberMention[] = [...doc.get("numbers"), ...doc.get("dates")].sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
    records.push(JSON.stringify({ doc_id: g.id, offsets: "utf16", numbers }));
  }
  const ms = performance.now() - started;
  const name = gold
    .split("/")
    .pop()!
    .replace(/\.jsonl$/, "");
  const goldFile = suite ? join(outDir, `${name}.${suite}.gold.jsonl`) : gold;
  if (suite) {
    const keep = new Set(lines.map((l) => l.id));
    const all = readFileSync(gold, "utf8")
      .split("\n")
      .filter((l) => l.trim());
    writeFileSync(goldFile, `${all.filter((l) => keep.has((JSON.parse(l) as GoldLine).id)).join("\n")}\n`);
  }
  const pred = join(outDir, `${name}.pred.jsonl`);
  writeFileSync(pred, `${records.join("\n")}\n`);
  const bySuite = lines.some((l) => l.suite);
  const scorerArgs = [
    scorer,
    "--gold",
    goldFile,
    "--pred",
    pred,
    ...(bySuite ? ["--by-suite"] : []),
    ...(flag("--errors") ? ["--errors"] : []),
  ];
  const r = spawnSync(process.execPath, scorerArgs, { encoding: "utf8" });
  console.log(`\n== ${name} (${lines.length} cases, ${ms.toFixed(0)} ms; predictions in ${pred})`);
  process.stdout.write(r.stdout);
  if (r.status !== 0) process.stderr.write(r.stderr);
}

/** Sentences of the corpus articles, crudely split (one line, then after . ! ? before a capital). */
function corpusSentences(): string[] {
  const dir = join(here, "../corpus");
  const out: string[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    const text = readFileSync(join(dir, f), "utf8").replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, "");
    for (const line of text.split("\n"))
      for (const s of line.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

function bench(): void {
  const numeric =
    /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|quarter|first|second|third|fourth|fifth|percent)/i;
  const all = corpusSentences();
  const groups = {
    "with numbers": all.filter((s) => numeric.test(s)),
    "without numbers": all.filter((s) => !numeric.test(s)),
  };
  // warm up: build the library's models and let the JIT settle
  for (const s of all) findNumbers(s, [{ start: 0, end: s.length }], { prefilter: false });
  console.log("text               prefilter   KB     ms   KB/s   sentences");
  for (const [name, sentences] of Object.entries(groups)) {
    const parts: string[] = [];
    let size = 0;
    while (size < 200_000)
      for (const s of sentences) {
        parts.push(s);
        size += s.length + 1;
      }
    const text = parts.join("\n");
    const ranges = lineSentences(text);
    for (const prefilter of [true, false]) {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        // a distinct text per run, so nothing is reused from an earlier run
        const fresh = `${text}\n${prefilter}${run}`;
        const t0 = performance.now();
        const { numbers } = findNumbers(fresh, ranges, { prefilter });
        findDates(fresh, ranges, "2025-07-24", numbers);
        times.push(performance.now() - t0);
      }
      const ms = times.sort((a, b) => a - b)[1]!;
      const kb = text.length / 1000;
      console.log(
        `${name.padEnd(18)} ${String(prefilter).padEnd(9)} ${kb.toFixed(0).padStart(4)} ${ms.toFixed(0).padStart(6)} ${(kb / (ms / 1000)).toFixed(0).padStart(6)}   ${ranges.length}`,
      );
    }
  }
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
