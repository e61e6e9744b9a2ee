/**
 * npm run eval [-- --gold FILE] [--pipeline NAME] [--json]: runs the pipeline on PolNeAR dev (or
 * another gold file) in this process and prints ../shared/tools/score-statements.mjs's table.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type DocumentRecord, type ErrorRecord, loadPipeline, processDocument } from "../src/index.js";
import { parseJsonlLine } from "../src/io/readers.js";
import { confidenceBands, type GoldDoc } from "./confidence-bands.js";
import { type PronounLabel, pronounTable, scorePronouns } from "./pronoun-speakers.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = resolve(import.meta.dirname, "../../shared");
const gold = flag("--gold") ?? join(shared, "data/polnear/dev.jsonl");
if (!existsSync(gold)) {
  console.error(`eval: no gold file at ${gold} (../shared is needed beside the checkout)`);
  process.exit(2);
}
const pipeline = loadPipeline(flag("--pipeline") ?? "default");
const started = performance.now();
const lines: string[] = [];
const golds: GoldDoc[] = [];
const records: Array<DocumentRecord | ErrorRecord> = [];
for (const [i, line] of readFileSync(gold, "utf8").split("\n").entries()) {
  if (!line.trim()) continue;
  const item = parseJsonlLine(line, `${gold}:${i + 1}`);
  if ("error" in item) throw new Error(item.error.message);
  golds.push(JSON.parse(line) as GoldDoc);
  const rec = processDocument(item, pipeline);
  records.push(rec);
  lines.push(JSON.stringify(rec));
}
const seconds = (performance.now() - started) / 1000;
const pred = join(mkdtempSync(join(tmpdir(), "statements-eval-")), "pred.jsonl");
writeFileSync(pred, `${lines.join("\n")}\n`);
const scorer = join(shared, "tools/score-statements.mjs");
const extra = args.includes("--json") ? ["--json"] : [];
const r = spawnSync(process.execPath, [scorer, "--gold", gold, "--pred", pred, ...extra], { encoding: "utf8" });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
if (!args.includes("--json")) {
  const { bands, high } = confidenceBands(golds, records);
  const rows = bands
    .map(([n, k], b) => (n ? `  ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}: ${n} statements, P+src ${((100 * k) / n).toFixed(1)}` : ""))
    .filter(Boolean);
  console.log(`\nconfidence bands (attribution P+src):\n${rows.join("\n")}`);
  console.log(`confidence ≥ ${high.threshold}: ${high.n} statements, P+src ${(100 * high.precision).toFixed(1)}`);
  // the labelled he/she speakers of the same split, when the gold file is PolNeAR dev or train
  const split = /\/(dev|train)\.jsonl$/.exec(gold)?.[1];
  const labelFile = join(import.meta.dirname, `../test/data/pronoun-speakers/${split}.jsonl`);
  if (split && existsSync(labelFile)) {
    const labels = readFileSync(labelFile, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as PronounLabel);
    const byId = new Map(records.map((r) => [r.doc_id, r]));
    console.log(`\n${pronounTable(scorePronouns(labels.filter((l) => byId.has(l.doc)), byId))}`);
  }
  console.log(`\n${lines.length} documents in ${seconds.toFixed(1)} s; predictions in ${pred}`);
}
process.exit(r.status ?? 1);
