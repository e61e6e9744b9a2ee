/**
 * npx tsx bench/numbers-baselines.ts
 *
 * Measured baselines for the numbers and dates stages, scored with the official scorer
 * (../shared/tools/score-numbers.mjs) on the gold data of ../shared/data/numbers:
 *   (a) chrono-node alone on ms-date and on news-phrases (dates only)
 *   (b) @microsoft/recognizers-text-number alone (number, ordinal and percentage models, no rules of
 *       ours) on the number suites and news-phrases
 *   (c) compromise's built-in numbers (.numbers(), .percentages(), .money()) on the number suites and
 *       news-phrases (compromise-dates is not installed: no compromise dates)
 *   (d) our numbers and dates stages on all of them
 * and the pre-filter speed-up: the stages on corpus sentences without numbers with the cheap pre-filter
 * against the recognisers run on every sentence. Prints one table and writes
 * bench/results/numbers-baselines.json.
 *
 * "news-phrases (dates only)" keeps the date and year mentions of news-phrases and scopes each case to
 * those kinds, so a date-only system is neither rewarded nor punished for the numbers it does not read.
 * The libraries are reached through src/adapters (chrono.ts, compromise-numbers.ts, recognizers.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type GoldLine,
  NUMBERS_DATA,
  predictionLine,
  prefilterThroughput,
  readJsonl,
  runScorer,
  stageMentions,
} from "../scripts/numbers-eval.js";
import { chronoDates } from "./adapters/chrono.js";
import { compromiseNumbers } from "./adapters/compromise-numbers.js";
import {
  type LibNumber,
  recognizeNumbers,
  recognizeOrdinals,
  recognizePercentages,
} from "../src/adapters/recognizers.js";
import type { NumberMention } from "../src/schema.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "numbers-baselines-"));

// ---------------------------------------------------------------- the gold sets

interface Gold extends GoldLine {
  expected: Array<{ kind: string }>;
  scope?: string[];
}

const NUMBER_SUITES = ["ms-number", "ms-number-range", "ms-ordinal", "ms-percent"];
const ms = readJsonl<Gold>(join(NUMBERS_DATA, "ms-recognizers.jsonl"));
const news = readJsonl<Gold>(join(NUMBERS_DATA, "news-phrases.jsonl"));
const DATE_KINDS = ["date", "year"];

const suites: Record<string, Gold[]> = {
  ...Object.fromEntries(
    [...NUMBER_SUITES, "ms-date"].map((s) => [s, ms.map((l) => l.row).filter((g) => g.suite === s)]),
  ),
  "news-phrases": news.map((l) => l.row),
  "news-phrases (dates only)": news.map(({ row }) => ({
    ...row,
    expected: row.expected.filter((e) => DATE_KINDS.includes(e.kind)),
    scope: DATE_KINDS,
  })),
};

// ---------------------------------------------------------------- the systems

type System = (g: Gold) => NumberMention[];

const mention = (text: string, start: number, end: number, rest: Partial<NumberMention>): NumberMention =>
  ({ start, end, text: text.slice(start, end), kind: "cardinal", ...rest }) as NumberMention;

/** Longest first at each start, then no overlaps (earlier entries of `all` win ties). */
function nonOverlapping<T extends { start: number; end: number }>(all: T[]): T[] {
  const sorted = all
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.start - b.x.start || b.x.end - a.x.end || a.i - b.i)
    .map((e) => e.x);
  const out: T[] = [];
  for (const x of sorted) if (!out.some((o) => x.start < o.end && o.start < x.end)) out.push(x);
  return out;
}

const LIB_KIND = { number: "cardinal", ordinal: "ordinal", percentage: "percent" } as const;

const systems: Record<string, { run: System; suites: string[] }> = {
  "chrono-node": {
    run: (g) =>
      chronoDates(g.text, g.date ?? null).map((d) =>
        mention(g.text, d.start, d.end, { kind: "date", date: d.date }),
      ),
    suites: ["ms-date", "news-phrases (dates only)"],
  },
  "recognizers-text-number": {
    run: (g) =>
      nonOverlapping<LibNumber>([
        ...recognizePercentages(g.text),
        ...recognizeOrdinals(g.text),
        ...recognizeNumbers(g.text),
      ])
        .filter((r) => Number.isFinite(r.value))
        .map((r) => mention(g.text, r.start, r.end, { kind: LIB_KIND[r.type], value: r.value })),
    suites: [...NUMBER_SUITES, "news-phrases"],
  },
  compromise: {
    run: (g) =>
      nonOverlapping(compromiseNumbers(g.text)).map((n) =>
        mention(g.text, n.start, n.end, { kind: n.type, value: n.value }),
      ),
    suites: [...NUMBER_SUITES, "news-phrases"],
  },
  "our stages": {
    run: (g) => stageMentions(g),
    suites: [...NUMBER_SUITES, "ms-date", "news-phrases", "news-phrases (dates only)"],
  },
};

// ---------------------------------------------------------------- scoring

interface Score {
  cases: number;
  mentions: number;
  span_precision: number;
  span_recall: number;
  span_f1: number;
  value_accuracy: number;
  case_accuracy: number;
}

function score(system: string, suite: string, run: System): Score & { ms: number } {
  const cases = suites[suite]!;
  const file = `${system}.${suite}`.replace(/[^\w.-]+/g, "_");
  const gold = join(tmp, `${file}.gold.jsonl`);
  const pred = join(tmp, `${file}.pred.jsonl`);
  const t0 = performance.now();
  const lines = cases.map((g) => predictionLine(g.id, run(g)));
  const ms = performance.now() - t0;
  writeFileSync(gold, `${cases.map((g) => JSON.stringify(g)).join("\n")}\n`);
  writeFileSync(pred, `${lines.join("\n")}\n`);
  const r = runScorer(gold, pred, ["--json"]);
  if (r.status !== 0) throw new Error(`scorer failed on ${system} / ${suite}: ${String(r.stderr)}`);
  const all = (JSON.parse(String(r.stdout)) as { all: Score }).all;
  return { ...all, ms };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const results: Array<{ system: string; suite: string } & Score & { ms: number }> = [];
for (const [system, { run, suites: names }] of Object.entries(systems))
  for (const suite of names) results.push({ system, suite, ...score(system, suite, run) });

const head = [
  "system",
  "suite",
  "cases",
  "mentions",
  "span P",
  "span R",
  "span F1",
  "value acc",
  "case acc",
  "ms",
];
const body = results.map((r) => [
  r.system,
  r.suite,
  String(r.cases),
  String(r.mentions),
  pct(r.span_precision),
  pct(r.span_recall),
  pct(r.span_f1),
  pct(r.value_accuracy),
  pct(r.case_accuracy),
  r.ms.toFixed(0),
]);
const width = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
const line = (row: string[]) =>
  row.map((v, i) => (i < 2 ? v.padEnd(width[i]!) : v.padStart(width[i]!))).join("  ");
console.log(line(head));
for (const row of body) console.log(line(row));

// ---------------------------------------------------------------- the pre-filter

const rows = prefilterThroughput();
const at = (text: string, prefilter: boolean) =>
  rows.find((r) => r.text === text && r.prefilter === prefilter)!;
const speedup = at("without numbers", false).ms / at("without numbers", true).ms;
console.log("\npre-filter (numbers + dates stages on corpus sentences, each group repeated to ~200 KB):");
console.log("text               prefilter   KB     ms   KB/s   sentences");
for (const r of rows)
  console.log(
    `${r.text.padEnd(18)} ${String(r.prefilter).padEnd(9)} ${r.kb.toFixed(0).padStart(4)} ${r.ms.toFixed(0).padStart(6)} ${r.kbPerS.toFixed(0).padStart(6)}   ${r.sentences}`,
  );
console.log(
  `speed-up on sentences without numbers: ${speedup.toFixed(1)}× (pre-filter on vs recognisers on every sentence)`,
);

const version = (pkg: string): string =>
  (JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
    .version;
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
const outFile = join(ROOT, "bench/results/numbers-baselines.json");
writeFileSync(
  outFile,
  `${JSON.stringify(
    {
      scorer: "../shared/tools/score-numbers.mjs",
      node: process.version,
      libraries: Object.fromEntries(
        ["chrono-node", "compromise", "@microsoft/recognizers-text-number"].map((p) => [p, version(p)]),
      ),
      results,
      prefilter: { rows, speedup_without_numbers: speedup },
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten ${outFile}`);
