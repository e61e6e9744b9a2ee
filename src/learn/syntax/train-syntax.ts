/**
 * npm run train:syntax: trains the UPOS tagger and the dependency parser on UD English EWT train
 * (../shared/data/ud-ewt; never dev) and writes models/syntax.bin.gz, then reports UPOS, UAS and LAS
 * on EWT dev. Deterministic (seeded shuffles, fixed orders): the same data gives the same bytes.
 *
 *   tsx src/learn/syntax/train-syntax.ts [--out FILE] [--limit N] [--tagger-epochs N]
 *     [--parser-epochs N] [--folds N] [--jackknife-epochs N] [--cache DIR] [--no-eval]
 *
 * --limit trains on the first N sentences only (the reproducibility test); --cache keeps the
 * jackknifed tags between runs of the same tagger settings (for experiments).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ModelContents, ModelTable } from "../../stages/syntax/model-file.js";
import { SentenceParser } from "../../stages/syntax/parse-words.js";
import { modelPath, syntaxModelFrom } from "../../stages/syntax/syntax-model.js";
import { scoreParses } from "./score.js";
import { jackknifeTags } from "./jackknife.js";
import { freezeParser, trainParser } from "./train-parser.js";
import { type TaggerTrainOptions, trainTagger } from "./train-tagger.js";
import { readTreebank, vocabulary } from "./treebank.js";
import { encodeModel } from "./write-model.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (name: string, fallback: number): number => Number(flag(name) ?? fallback);
const data = resolve(join(import.meta.dirname, "../../../../shared/data/ud-ewt"));
const out = flag("--out") ?? modelPath();
const limit = num("--limit", Number.POSITIVE_INFINITY);
const cache = flag("--cache");

const TAGGER: TaggerTrainOptions = {
  epochs: num("--tagger-epochs", 12),
  seed: 20260101,
  dictMinCount: 1,
  twoPass: true,
  dictFolds: 10,
  minUpdates: num("--tagger-min", 3),
};
/**
 * The jackknife taggers (one per fold) train on fewer folds and epochs than the shipped tagger: on
 * this shared 2-core machine ten 12-epoch taggers alone took over an hour under load.
 */
const FOLDS = num("--folds", 5);
const JACKKNIFE_EPOCHS = num("--jackknife-epochs", 6);
const PARSER_EPOCHS = num("--parser-epochs", 10);

const started = process.hrtime.bigint();
const seconds = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
const train = readTreebank(join(data, "en_ewt-ud-train.conllu.gz")).slice(0, limit);
const upos = vocabulary(train.flatMap((s) => s.upos));
const labels = vocabulary(train.flatMap((s) => s.deprel));
const root = labels.id.get("root") ?? -1;
if (root < 0) throw new Error("no root label in the training data");
const tagData = {
  forms: train.map((s) => s.forms),
  tags: train.map((s) => Int32Array.from(s.upos, (u) => upos.id.get(u)!)),
};

const tagger = trainTagger(tagData, upos.names, {
  ...TAGGER,
  onEpoch: (e, a) =>
    console.error(`tagger epoch ${e}: train accuracy ${(100 * a).toFixed(2)} (${seconds()} s)`),
});

const cacheFile = cache ? join(cache, `jackknife-${FOLDS}-${JACKKNIFE_EPOCHS}-${TAGGER.minUpdates}-${train.length}.json`) : undefined;
let predicted: Int32Array[];
if (cacheFile && existsSync(cacheFile)) {
  predicted = (JSON.parse(readFileSync(cacheFile, "utf8")) as number[][]).map((a) => Int32Array.from(a));
} else {
  predicted = jackknifeTags(tagData, upos.names, FOLDS, { ...TAGGER, epochs: JACKKNIFE_EPOCHS });
  if (cacheFile) writeFileSync(cacheFile, JSON.stringify(predicted.map((a) => [...a])));
}
console.error(`jackknifed tags over ${FOLDS} folds (${seconds()} s)`);

const trained = trainParser(
  {
    forms: tagData.forms,
    tags: predicted,
    heads: train.map((s) => Int32Array.from([0, ...s.head])),
    labels: train.map((s) => Int32Array.from([0, ...s.deprel.map((d) => labels.id.get(d)!)])),
  },
  labels.names.length,
  {
    epochs: PARSER_EPOCHS,
    seed: 20260102,
    exploreFrom: num("--explore-from", 2),
    explore: num("--explore", 0.9),
    root,
    onEpoch: (e, a) =>
      console.error(`parser epoch ${e}: transition accuracy ${(100 * a).toFixed(2)} (${seconds()} s)`),
  },
);

for (const min of (flag("--try-parser-min") ?? "").split(",").filter(Boolean).map(Number)) {
  // experiments: dev scores and table sizes at other pruning thresholds
  const p = freezeParser(trained, min);
  const t = new Map<string, ModelTable>([
    ["tag1", tagger.first],
    ["tag2", tagger.second!],
    ["transitions", p.transitions],
    ["labeller", p.labeller],
  ]);
  const c = modelContents(t);
  const run = new SentenceParser(syntaxModelFrom(c));
  const s = scoreParses(readTreebank(join(data, "en_ewt-ud-dev.conllu.gz")), (forms) => run.parse(forms));
  const size = encodeModel(c).length;
  console.error(
    `parser min ${min}: rows ${p.transitions.keys.length} + ${p.labeller.keys.length}, ${(size / 1e6).toFixed(2)} MB, UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)}`,
  );
}

const parser = freezeParser(trained, num("--parser-min", 5));
const tables = new Map<string, ModelTable>([
  ["tag1", tagger.first],
  ...(tagger.second ? [["tag2", tagger.second] as [string, ModelTable]] : []),
  ["transitions", parser.transitions],
  ["labeller", parser.labeller],
]);
function modelContents(tables: Map<string, ModelTable>): ModelContents {
  return {
    header: {
      format: 1,
      tags: upos.names,
      labels: labels.names,
      root,
      dictionary: tagger.dictKeys.length,
      tables: [...tables].map(([name, t]) => ({ name, classes: t.classes, rows: t.keys.length })),
      trainedOn: "UD English EWT v2.15 train (en_ewt-ud-train.conllu)",
      licence: "CC BY-SA 4.0; annotations (c) The Board of Trustees of the Leland Stanford Junior University",
    },
    dictKeys: tagger.dictKeys,
    dictValues: tagger.dictMasks,
    tables,
  };
}
const contents = modelContents(tables);
const bytes = encodeModel(contents);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.error(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB (${seconds()} s)`);

if (!args.includes("--no-eval")) {
  const parserRun = new SentenceParser(syntaxModelFrom(contents));
  const dev = readTreebank(join(data, "en_ewt-ud-dev.conllu.gz"));
  const s = scoreParses(dev, (forms) => parserRun.parse(forms));
  console.error(
    `EWT dev: UPOS ${s.upos.toFixed(2)}  UAS ${s.uas.toFixed(2)}  LAS ${s.las.toFixed(2)} (${seconds()} s)`,
  );
}
