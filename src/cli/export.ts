/** `statements export`: records of a run → CSV, parquet, brat standoff or Label Studio tasks. */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { writeBrat } from "../io/export-brat.js";
import { writeCsv } from "../io/export-csv.js";
import { LABEL_STUDIO_CONFIG, writeLabelStudio } from "../io/export-label-studio.js";
import { writeParquet } from "../io/export-parquet.js";
import {
  ExportError,
  isErrorRecord,
  type JoinStats,
  joinTexts,
  readRecords,
  recordsPath,
} from "../io/export-source.js";
import { checkInputs } from "../io/readers.js";
import { checkWritablePath, exitQuietlyOnClosedStdout, writeFileAtomic } from "../io/writers.js";
import type { DocumentRecord, ErrorRecord } from "../schema.js";
import { UsageError } from "./extract.js";

export const EXPORT_FORMATS = ["csv", "parquet", "brat", "label-studio"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportCliOptions {
  to: string;
  output?: string;
  inputs?: string[];
  quiet?: boolean;
}

async function* successful(
  records: AsyncIterable<DocumentRecord | ErrorRecord>,
  stats: { errorRecords: number },
): AsyncGenerator<DocumentRecord> {
  for await (const r of records) {
    if (isErrorRecord(r)) stats.errorRecords++;
    else yield r;
  }
}

/** Writes through a temp file renamed at the end, or to stdout. */
async function toFileOrStdout(
  output: string | undefined,
  write: (out: NodeJS.WritableStream) => Promise<number>,
): Promise<number> {
  if (!output) {
    exitQuietlyOnClosedStdout();
    return write(process.stdout);
  }
  const tmp = `${output}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  try {
    const n = await write(out);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(tmp, output);
    return n;
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function runExport(run: string, opts: ExportCliOptions): Promise<number> {
  const format = opts.to as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(`--to: Expected one of ${EXPORT_FORMATS.join(", ")}, got "${opts.to}"`);
  }
  const needsText = format === "brat" || format === "label-studio";
  if (needsText && !opts.inputs?.length) {
    throw new UsageError(
      `--to ${format}: needs the article texts: --inputs <the same inputs given to extract> (records hold offsets, not text)`,
    );
  }
  if ((format === "parquet" || format === "brat") && !opts.output) {
    throw new UsageError(`--to ${format}: needs -o <${format === "brat" ? "folder" : "file.parquet"}>`);
  }
  if (opts.inputs) {
    const missing = await checkInputs(opts.inputs);
    if (missing) throw new UsageError(`--inputs: ${missing}`);
  }
  if (opts.output) {
    const cannot = await checkWritablePath("-o", opts.output, format === "brat");
    if (cannot) throw new UsageError(cannot);
  }
  let path: string;
  try {
    path = await recordsPath(run);
  } catch (err) {
    if (err instanceof ExportError) throw new UsageError(err.message);
    throw err;
  }
  const records = readRecords(path);
  const stats: JoinStats = { missing: [], mismatched: [], errorRecords: 0 };
  let written: number;
  let unit: string;
  try {
    switch (format) {
      case "csv":
        written = await toFileOrStdout(opts.output, (out) => writeCsv(successful(records, stats), out));
        unit = "row(s)";
        break;
      case "parquet": {
        const out = opts.output!;
        const tmp = `${out}.tmp-${process.pid}`;
        try {
          written = await writeParquet(successful(records, stats), tmp);
          await rename(tmp, out);
        } catch (err) {
          await rm(tmp, { force: true });
          throw err;
        }
        unit = "row(s)";
        break;
      }
      case "brat":
        written = await writeBrat(joinTexts(records, opts.inputs!, stats), opts.output!);
        unit = "document(s)";
        break;
      case "label-studio":
        written = await toFileOrStdout(opts.output, (out) => writeLabelStudio(joinTexts(records, opts.inputs!, stats), out));
        if (opts.output) {
          await writeFileAtomic(join(dirname(opts.output), `${basename(opts.output).replace(/\.json$/i, "")}.config.xml`), LABEL_STUDIO_CONFIG);
        }
        unit = "task(s)";
        break;
    }
  } catch (err) {
    if (err instanceof ExportError) {
      process.stderr.write(`statements: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const problems = stats.missing.length + stats.mismatched.length;
  if (!opts.quiet) {
    const skipped = stats.errorRecords ? `; ${stats.errorRecords} error record(s) skipped` : "";
    process.stderr.write(`statements: ${written} ${unit} written${opts.output ? ` → ${opts.output}` : ""}${skipped}\n`);
  }
  if (stats.missing.length) {
    process.stderr.write(
      `statements: ${stats.missing.length} record(s) without their text in --inputs: ${stats.missing.slice(0, 5).join(", ")}${stats.missing.length > 5 ? ", …" : ""}\n`,
    );
  }
  if (stats.mismatched.length) {
    process.stderr.write(
      `statements: ${stats.mismatched.length} record(s) whose text in --inputs has changed (text_sha256 differs): ${stats.mismatched.slice(0, 5).join(", ")}${stats.mismatched.length > 5 ? ", …" : ""}\n`,
    );
  }
  return problems > 0 ? 1 : 0;
}
