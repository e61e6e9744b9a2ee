/**
 * What the exports read: the records of a run (a run folder or a records.jsonl, streamed), and for
 * the exports that need the article text (brat, Label Studio) the same inputs as `extract`, joined
 * to the records by doc_id and checked against text_sha256.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { sha256 } from "../record.js";
import type { DocumentRecord, ErrorRecord } from "../schema.js";
import { jsonlLines } from "./jsonl-lines.js";
import { isReadError, readInputs } from "./readers.js";

export class ExportError extends Error {}

/** A run folder (its records.jsonl) or a records file. Throws ExportError when there is none. */
export async function recordsPath(path: string): Promise<string> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(path);
  } catch {
    throw new ExportError(`no such file or directory: ${path}`);
  }
  if (!st.isDirectory()) return path;
  const p = join(path, "records.jsonl");
  try {
    await stat(p);
  } catch {
    let hint = "";
    try {
      await stat(join(path, ".partial", "state.json"));
      hint = " (the run is unfinished: continue it with `statements extract … --resume`)";
    } catch {}
    throw new ExportError(`${path}: Expected a run folder holding records.jsonl, got none${hint}`);
  }
  return p;
}

/**
 * Streams the records of a records.jsonl; a line that is not a record stops with its line number,
 * and so does a doc_id seen on an earlier line (extract gives every document an id of its own since
 * duplicate ids became "duplicate-id" error records; an older run or files joined by hand may not).
 */
export async function* readRecords(path: string, stream?: Readable): AsyncGenerator<DocumentRecord | ErrorRecord> {
  const seen = new Map<string, number>();
  for await (const { line, n } of jsonlLines(stream ?? createReadStream(path))) {
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      throw new ExportError(`${path}:${n}: not valid JSON (${(err as Error).message})`);
    }
    if (!rec || typeof rec !== "object" || typeof (rec as { doc_id?: unknown }).doc_id !== "string") {
      throw new ExportError(`${path}:${n}: Expected a record with a doc_id, got ${line.slice(0, 60)}`);
    }
    const r = rec as DocumentRecord | ErrorRecord;
    const first = seen.get(r.doc_id);
    if (first !== undefined) {
      throw new ExportError(
        `${path}:${n}: the doc_id ${JSON.stringify(r.doc_id)} is also on line ${first}; every record needs an id of its own (run extract again: it makes later duplicates "duplicate-id" error records)`,
      );
    }
    seen.set(r.doc_id, n);
    if (!("error" in r) && !Array.isArray(r.statements)) {
      throw new ExportError(`${path}:${n}: Expected a record with statements[], got ${line.slice(0, 60)}`);
    }
    yield r;
  }
}

export function isErrorRecord(r: DocumentRecord | ErrorRecord): r is ErrorRecord {
  return "error" in r;
}

export interface RecordWithText {
  record: DocumentRecord;
  text: string;
}

export interface JoinStats {
  /** records whose text was not in the inputs, or whose text_sha256 did not match */
  missing: string[];
  mismatched: string[];
  errorRecords: number;
}

/**
 * Pairs each successful record with its text from the inputs. Inputs are read in step with the
 * records (same order as extract wrote them); texts read ahead are kept until their record comes.
 */
export async function* joinTexts(
  records: AsyncIterable<DocumentRecord | ErrorRecord>,
  inputs: string[],
  stats: JoinStats,
  stdin?: Readable,
): AsyncGenerator<RecordWithText> {
  const it = readInputs(inputs, stdin)[Symbol.asyncIterator]();
  const ahead = new Map<string, string>();
  let inputsDone = false;
  try {
    for await (const record of records) {
      if (isErrorRecord(record)) {
        stats.errorRecords++;
        continue;
      }
      let text = ahead.get(record.doc_id);
      if (text !== undefined) ahead.delete(record.doc_id);
      while (text === undefined && !inputsDone) {
        const next = await it.next();
        if (next.done) {
          inputsDone = true;
          break;
        }
        const item = next.value;
        if (isReadError(item)) continue;
        if (item.id === record.doc_id) text = item.text;
        else ahead.set(item.id, item.text);
      }
      if (text === undefined) {
        stats.missing.push(record.doc_id);
        continue;
      }
      if (sha256(text) !== record.text_sha256) {
        stats.mismatched.push(record.doc_id);
        continue;
      }
      yield { record, text };
    }
  } finally {
    await it.return?.(undefined);
  }
}
