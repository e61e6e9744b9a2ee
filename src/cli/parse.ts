/** `statements parse`: sentences, words, tags and dependency trees, as CoNLL-U or JSONL. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { Option } from "commander";
import { gunzipSync } from "node:zlib";
import { type ParsedDocument, parse, parseConllu, syntaxModelPath as modelPath } from "../index.js";
import { checkInputs, isReadError, readInputs } from "../io/readers.js";
import { exitQuietlyOnClosedStdout } from "../io/writers.js";
import { UsageError } from "./extract.js";

interface ParseCliOptions {
  format: "conllu" | "jsonl";
  pretokenized?: string;
}

/** One document as CoNLL-U: a sentence block per sentence, word offsets in MISC. */
export function toConllu(doc: ParsedDocument, text: string): string {
  const out: string[] = [`# newdoc id = ${doc.doc_id}`];
  doc.sentences.forEach((s, i) => {
    out.push(`# sent_id = ${doc.doc_id}-${i + 1}`, `# text = ${text.slice(s.start, s.end).replace(/\s+/g, " ")}`);
    s.words.forEach((w, k) => {
      const form = w.text.replace(/\s+/g, "_");
      out.push([k + 1, form, "_", w.upos, "_", "_", w.head, w.deprel, "_", `TokenRange=${w.start}:${w.end}`].join("\t"));
    });
    out.push("");
  });
  return `${out.join("\n")}\n`;
}

async function runParse(inputs: string[], opts: ParseCliOptions): Promise<number> {
  exitQuietlyOnClosedStdout();
  if (!existsSync(modelPath())) throw new UsageError(`no syntax model at ${modelPath()}: train it with npm run train:syntax`);
  if (opts.pretokenized !== undefined) {
    if (inputs.length > 0) throw new UsageError("--pretokenized reads one CoNLL-U file; give no other inputs");
    let raw: Buffer;
    try {
      raw = await readFile(opts.pretokenized);
    } catch {
      throw new UsageError(`no such file: ${opts.pretokenized}`);
    }
    const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString("utf8");
    if (opts.format !== "conllu") throw new UsageError("--pretokenized writes CoNLL-U only (--format conllu)");
    process.stdout.write(parseConllu(text));
    return 0;
  }
  if (inputs.length === 0) throw new UsageError("parse: give inputs (files, folders or -) or --pretokenized <file.conllu>");
  const problem = await checkInputs(inputs);
  if (problem) throw new UsageError(problem);
  let failed = 0;
  for await (const item of readInputs(inputs)) {
    if (isReadError(item)) {
      process.stderr.write(`statements parse: ${item.id}: ${item.error.code}: ${item.error.message}\n`);
      failed++;
      continue;
    }
    const doc = parse(item.text, { id: item.id });
    process.stdout.write(opts.format === "jsonl" ? `${JSON.stringify(doc)}\n` : toConllu(doc, item.text));
  }
  return failed > 0 ? 1 : 0;
}

export function registerParseCommand(program: Command): void {
  program
    .command("parse")
    .description("sentences, words, part-of-speech tags and dependency trees (UD English), as CoNLL-U or JSONL")
    .argument("[inputs...]", ".txt files, .jsonl files (one {id, text} a line), directories, or - for JSONL on stdin")
    .addOption(new Option("--format <format>", "conllu or jsonl").choices(["conllu", "jsonl"]).default("conllu"))
    .option(
      "--pretokenized <file>",
      "a CoNLL-U file (.conllu or .conllu.gz): keep its sentences and words, predict UPOS, HEAD and DEPREL",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ statements parse corpus/seed-2025-07-24-istanbul-talks.txt            CoNLL-U on stdout
  $ statements parse corpus/ --format jsonl                               one JSON line per article
  $ statements parse --pretokenized en_ewt-ud-dev.conllu.gz > pred.conllu  score with any CoNLL-U evaluator

CoNLL-U output: LEMMA, XPOS, FEATS and DEPS are "_"; MISC holds TokenRange=start:end, UTF-16 offsets
into the document text. The model is trained on UD English EWT (CC BY-SA 4.0).
Exit status: 0 done, 1 some inputs could not be read, 2 usage error.`,
    )
    .action(async (inputs: string[], opts: ParseCliOptions) => {
      process.exitCode = await runParse(inputs, opts);
    });
}
