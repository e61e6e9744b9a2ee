/**
 * Shared by scripts/numbers-harness.ts and bench/numbers-baselines.ts: reading the gold JSONL of
 * ../shared/data/numbers, running the numbers and dates stages on one gold line, calling the official
 * scorer, and the pre-filter throughput measurement.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDay } from "../src/calendar-day.js";
import type { NumberMention, Range } from "../src/schema.js";
import { findDates } from "../src/stages/dates/dates.js";
import { findNumbers } from "../src/stages/numbers/numbers.js";
import { splitSentences } from "../src/stages/sentences/split.js";

const here = fileURLToPath(new URL(".", import.meta.url));
export const NUMBERS_DATA = join(here, "../../shared/data/numbers");
export const SCORER = join(here, "../../shared/tools/score-numbers.mjs");

export interface GoldLine {
  id: string;
  text: string;
  date?: string;
  suite?: string;
}

/** The non-empty lines of a JSONL file, as text and parsed. */
export function readJsonl<T = GoldLine>(file: string): Array<{ line: string; row: T }> {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((line) => ({ line, row: JSON.parse(line) as T }));
}

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

/**
 * What the dates and numbers stages find on one gold line, merged and sorted. The sentences are the
 * pipeline's own (a line break always ends one), so that a whole article reads as the CLI reads it.
 */
export function stageMentions(g: GoldLine): NumberMention[] {
  const sentences = splitSentences(g.text, { start: 0, end: g.text.length });
  const dates = findDates(g.text, sentences, g.date ? parseDay(g.date) : null);
  const { numbers } = findNumbers(g.text, sentences, dates.claimed);
  return [...numbers, ...dates.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A prediction line for the scorer. */
export function predictionLine(docId: string, numbers: NumberMention[]): string {
  return JSON.stringify({ doc_id: docId, offsets: "utf16", numbers });
}

/** Runs ../shared/tools/score-numbers.mjs with these arguments after --gold and --pred. */
export function runScorer(gold: string, pred: string, extra: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [SCORER, "--gold", gold, "--pred", pred, ...extra], {
    encoding: "utf8",
  });
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

export interface ThroughputRow {
  text: "with numbers" | "without numbers";
  prefilter: boolean;
  kb: number;
  ms: number;
  kbPerS: number;
  sentences: number;
}

/**
 * Throughput of the numbers and dates stages: the sentences of corpus/*.txt that hold a digit or a number
 * word and those that do not, each repeated to about 200 KB, with the pre-filter on and off (median of 3).
 */
export function prefilterThroughput(): ThroughputRow[] {
  const numeric =
    /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|quarter|first|second|third|fourth|fifth|percent)/i;
  const all = corpusSentences();
  const groups = {
    "with numbers": all.filter((s) => numeric.test(s)),
    "without numbers": all.filter((s) => !numeric.test(s)),
  } as const;
  // warm up: build the library's models and let the JIT settle
  for (const s of all) {
    const whole = [{ start: 0, end: s.length }];
    findNumbers(s, whole, findDates(s, whole, null).claimed, { prefilter: false });
  }
  const rows: ThroughputRow[] = [];
  for (const [name, sentences] of Object.entries(groups) as Array<[ThroughputRow["text"], string[]]>) {
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
        const dates = findDates(fresh, ranges, parseDay("2025-07-24"));
        findNumbers(fresh, ranges, dates.claimed, { prefilter });
        times.push(performance.now() - t0);
      }
      const ms = times.sort((a, b) => a - b)[1]!;
      const kb = text.length / 1000;
      rows.push({ text: name, prefilter, kb, ms, kbPerS: kb / (ms / 1000), sentences: ranges.length });
    }
  }
  return rows;
}
