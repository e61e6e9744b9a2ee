/** CSV export: one row per statement (RFC 4180 quoting, LF line ends, UTF-8, header first). */
import type { DocumentRecord } from "../schema.js";
import { ROW_COLUMNS, statementRows } from "./export-rows.js";
import { csvField, writeTo } from "./writers.js";

export async function writeCsv(records: AsyncIterable<DocumentRecord>, out: NodeJS.WritableStream): Promise<number> {
  await writeTo(out, `${ROW_COLUMNS.map((c) => c.name).join(",")}\n`);
  let rows = 0;
  for await (const record of records) {
    const lines = statementRows(record).map((row) => ROW_COLUMNS.map((c) => csvField(row[c.name])).join(","));
    rows += lines.length;
    if (lines.length) await writeTo(out, `${lines.join("\n")}\n`);
  }
  return rows;
}
