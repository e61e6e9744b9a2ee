/**
 * Tags and parses pretokenised CoNLL-U with the shipped syntax model and writes CoNLL-U with our
 * UPOS, HEAD and DEPREL (ids, forms, comments and MISC kept), for ../shared/tools/score-conllu.mjs:
 *
 *   tsx scripts/parse-conllu.ts ../shared/data/ud-ewt/en_ewt-ud-dev.conllu.gz > /tmp/pred.conllu
 *   node ../shared/tools/score-conllu.mjs --gold ../shared/data/ud-ewt/en_ewt-ud-dev.conllu.gz --pred /tmp/pred.conllu
 *
 * Options: --out FILE (instead of standard output), --model FILE (instead of models/syntax.bin.gz).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { decodeModel } from "../src/stages/syntax/model-file.js";
import { parseConllu } from "../src/stages/syntax/parse-conllu.js";
import { SentenceParser } from "../src/stages/syntax/parse-words.js";
import { syntaxModel, syntaxModelFrom } from "../src/stages/syntax/syntax-model.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const input = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!input) {
  console.error("usage: tsx scripts/parse-conllu.ts FILE.conllu[.gz] [--out FILE] [--model FILE]");
  process.exit(2);
}
const gunzipped = (buf: Buffer): Buffer => (buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf);
const modelFile = flag("--model");
const model = modelFile ? syntaxModelFrom(decodeModel(gunzipped(readFileSync(modelFile)))) : syntaxModel();
const out = parseConllu(gunzipped(readFileSync(input)).toString("utf8"), new SentenceParser(model));
const file = flag("--out");
if (file) writeFileSync(file, out);
else process.stdout.write(out);
