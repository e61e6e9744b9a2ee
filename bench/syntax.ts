/**
 * tsx bench/syntax.ts [--model FILE] [--reps N]: the syntax model against wink-nlp on EWT dev
 * (../shared/data/ud-ewt, read at run time). Reports, one thread, in-process:
 *   - model load time and RSS after loading and after parsing (delta over the process before loading)
 *   - words/s of our tag+parse over the gold words of each sentence, and of wink's readDoc over the
 *     same sentences' raw texts joined by newlines (default pipeline and sbd+pos, as bench/run.ts),
 *     interleaved, best of N runs, and the ratio
 *   - wink's UPOS accuracy on EWT dev: each sentence's text read alone, wink tokens aligned to gold
 *     words by character span; accuracy over the gold words whose span is exactly a wink token,
 *     and that coverage
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import { column, FORM, readConllu, UPOS } from "../src/stages/syntax/conllu.js";
import { decodeModel } from "../src/stages/syntax/model-file.js";
import { SentenceParser } from "../src/stages/syntax/parse-words.js";
import { syntaxModel, syntaxModelFrom } from "../src/stages/syntax/syntax-model.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const reps = Number(flag("--reps") ?? 10);
const gz = (b: Buffer) => (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b);

const sentences = readConllu(
  gz(readFileSync(new URL("../../shared/data/ud-ewt/en_ewt-ud-dev.conllu.gz", import.meta.url))).toString(
    "utf8",
  ),
);
const texts = sentences.map(
  (s) => s.comments.find((c) => c.startsWith("# text = "))?.slice(9) ?? column(s, FORM).join(" "),
);
const forms = sentences.map((s) => column(s, FORM));
const words = forms.reduce((n, f) => n + f.length, 0);
const raw = texts.join("\n");

const rss0 = process.memoryUsage().rss;
const t = performance.now();
const file = flag("--model");
const model = file ? syntaxModelFrom(decodeModel(gz(readFileSync(file)))) : syntaxModel();
const loadMs = performance.now() - t;
const rssLoaded = process.memoryUsage().rss;

interface WinkDoc {
  tokens(): { out(f: unknown): string[] };
}
interface Wink {
  readDoc(t: string): WinkDoc;
  its: { value: unknown; pos: unknown; precedingSpaces: unknown };
}
const require = createRequire(import.meta.url);
const winkNLP = require("wink-nlp") as (m: unknown, p?: string[]) => Wink;
const winkModel = require("wink-eng-lite-web-model");
const winks: Array<[string, Wink]> = [
  ["wink readDoc (default pipeline)", winkNLP(winkModel)],
  ["wink readDoc (sbd, pos)", winkNLP(winkModel, ["sbd", "pos"])],
];

const parser = new SentenceParser(model);
const best = new Map<string, number>();
const time = (name: string, f: () => void) => {
  const t0 = performance.now();
  f();
  const ms = performance.now() - t0;
  best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, ms));
};
for (let r = 0; r < reps; r++) {
  for (const [name, w] of winks) {
    time(name, () => {
      const doc = w.readDoc(raw);
      doc.tokens().out(w.its.value);
      doc.tokens().out(w.its.pos);
    });
  }
  time("ours: tag + parse", () => {
    for (const f of forms) parser.parseIds(f);
  });
}
const rssUsed = process.memoryUsage().rss;
const ours = best.get("ours: tag + parse")!;
console.log(
  `EWT dev: ${sentences.length} sentences, ${words} words, ${(raw.length / 1e3).toFixed(0)} kB of text; best of ${reps}`,
);
for (const [name, ms] of best) {
  const ratio = name.startsWith("ours") ? "" : `  ours = ${(ms / ours).toFixed(2)}× this`;
  console.log(
    `${name.padEnd(34)} ${Math.round((words / ms) * 1000)
      .toString()
      .padStart(8)} words/s  ${(raw.length / ms / 1e3).toFixed(2)} MB/s${ratio}`,
  );
}
console.log(
  `model load ${loadMs.toFixed(0)} ms; RSS +${((rssLoaded - rss0) / 1e6).toFixed(0)} MB loaded, +${((rssUsed - rss0) / 1e6).toFixed(0)} MB after parsing (wink loaded too)`,
);

// wink's UPOS on the gold words whose character span is exactly one wink token
const w = winks[1]![1];
let total = 0;
let covered = 0;
let right = 0;
sentences.forEach((s, k) => {
  const text = texts[k]!;
  const gold = column(s, UPOS);
  const doc = w.readDoc(text);
  const values = doc.tokens().out(w.its.value);
  const pos = doc.tokens().out(w.its.pos);
  const spaces = doc.tokens().out(w.its.precedingSpaces);
  const at = new Map<string, string>();
  let cursor = 0;
  values.forEach((v, i) => {
    let start = cursor + (spaces[i]?.length ?? 0);
    if (!text.startsWith(v, start)) start = text.indexOf(v, cursor);
    if (start < 0) return;
    at.set(`${start}:${start + v.length}`, pos[i]!);
    cursor = start + v.length;
  });
  cursor = 0;
  forms[k]!.forEach((f, i) => {
    total++;
    const start = text.indexOf(f, cursor);
    if (start < 0) return;
    cursor = start + f.length;
    const p = at.get(`${start}:${cursor}`);
    if (p === undefined) return;
    covered++;
    if (p === gold[i]) right++;
  });
});
console.log(
  `wink UPOS on EWT dev: ${((100 * right) / covered).toFixed(2)} on the ${((100 * covered) / total).toFixed(2)}% of gold words that are one wink token`,
);
