/**
 * One batch of documents → serialised record lines. The same function runs in the main thread
 * (--workers 1) and in every worker, so the bytes do not depend on where a document ran.
 */
import { errorRecord, type InputDocument, loadPipeline, processDocument } from "../index.js";

/** A document as sent to an executor: its place in the input stream and what the reader gave. */
export interface BatchDocument extends InputDocument {
  index: number;
}

export interface BatchDocumentError {
  index: number;
  doc_id: string;
  code: string;
  message: string;
}

export interface BatchResult {
  /** one JSON line per document (no newline), in the batch's order */
  lines: string[];
  /** statements per document (0 for error records) */
  statements: number[];
  errors: BatchDocumentError[];
}

/** Serialises a record: the one place where records become bytes. */
export function recordLine(record: unknown, pretty = false): string {
  return pretty ? JSON.stringify(record, null, 2) : JSON.stringify(record);
}

/** The result of one document that became an error record without a record of its own (read error, crash). */
export function errorResult(index: number, docId: string, code: string, message: string, pretty = false): BatchResult {
  return {
    lines: [recordLine(errorRecord(docId, code, message), pretty)],
    statements: [0],
    errors: [{ index, doc_id: docId, code, message }],
  };
}

/** The results of consecutive parts of a batch (a batch split to find the document that failed), in order. */
export function joinResults(parts: BatchResult[]): BatchResult {
  return {
    lines: parts.flatMap((r) => r.lines),
    statements: parts.flatMap((r) => r.statements),
    errors: parts.flatMap((r) => r.errors),
  };
}

/** Runs the pipeline (loaded once per process) on every document; never throws for one document. */
export function processBatch(docs: BatchDocument[], pipelineName: string, pretty = false): BatchResult {
  const pipeline = loadPipeline(pipelineName);
  const result: BatchResult = { lines: [], statements: [], errors: [] };
  for (const d of docs) {
    const input: InputDocument = { id: d.id, text: d.text, date: d.date ?? null, defaultDate: d.defaultDate ?? null };
    if (d.messages) input.messages = d.messages;
    const rec = processDocument(input, pipeline);
    result.lines.push(recordLine(rec, pretty));
    if ("error" in rec) {
      result.statements.push(0);
      result.errors.push({ index: d.index, doc_id: rec.doc_id, code: rec.error.code, message: rec.error.message });
    } else result.statements.push(rec.statements.length);
  }
  return result;
}
