/** `statements extract`: read inputs, run the pipeline per document, write JSONL. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { errorRecord, loadPipeline, type Pipeline, processDocument } from "../index.js";
import { checkInputs, isReadError, readInputs } from "../io/readers.js";
import type { DocumentRecord, ErrorRecord } from "../schema.js";

export interface ExtractCliOptions {
  output?: string;
  date?: string;
  pipeline: string;
  pretty?: boolean;
}

export class UsageError extends Error {}

function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(line)) resolve();
    else {
      stream.once("drain", resolve);
      stream.once("error", reject);
    }
  });
}

export async function runExtract(inputs: string[], opts: ExtractCliOptions): Promise<number> {
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    throw new UsageError(`--date: Expected YYYY-MM-DD, got "${opts.date}"`);
  }
  const missing = await checkInputs(inputs);
  if (missing) throw new UsageError(missing);
  let pipeline: Pipeline;
  try {
    pipeline = loadPipeline(opts.pipeline);
  } catch (err) {
    throw new UsageError(`--pipeline: ${(err as Error).message}`);
  }
  let out: NodeJS.WritableStream = process.stdout;
  let file: WriteStream | undefined;
  let tmpPath = "";
  let finalPath = "";
  if (opts.output) {
    await mkdir(opts.output, { recursive: true });
    finalPath = join(opts.output, "records.jsonl");
    tmpPath = `${finalPath}.partial`;
    file = createWriteStream(tmpPath);
    out = file;
  }
  const started = Date.now();
  let docs = 0;
  let errors = 0;
  let statements = 0;
  for await (const item of readInputs(inputs)) {
    let rec: DocumentRecord | ErrorRecord;
    if (isReadError(item)) rec = errorRecord(item.id, item.error.code, item.error.message);
    else {
      rec = processDocument(
        { ...item, date: item.date ?? opts.date ?? null },
        pipeline,
      );
    }
    docs++;
    if ("error" in rec) {
      errors++;
      if (opts.output) process.stderr.write(`error: ${rec.doc_id}: ${rec.error.code}: ${rec.error.message}\n`);
    } else statements += rec.statements.length;
    await write(out, `${opts.pretty ? JSON.stringify(rec, null, 2) : JSON.stringify(rec)}\n`);
  }
  if (file) {
    await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(tmpPath, finalPath);
    const seconds = (Date.now() - started) / 1000;
    await writeFile(
      join(opts.output!, "summary.json"),
      `${JSON.stringify({ inputs, documents: docs, errors, statements, pipeline: pipeline.info }, null, 2)}\n`,
    );
    process.stderr.write(
      `${docs} document(s), ${statements} statement(s), ${errors} error record(s) in ${seconds.toFixed(1)} s → ${finalPath}\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}
