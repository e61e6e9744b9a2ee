/**
 * Parquet export (hyparquet-writer): one row per statement, the CSV's columns with types, written
 * in row groups of `rowGroup` rows so that memory stays bounded whatever the number of records.
 */
import { fileWriter, ParquetWriter, type SchemaElement } from "hyparquet-writer";
import type { DocumentRecord } from "../schema.js";
import { packageVersion } from "../package-info.js";
import { ROW_COLUMNS, type StatementRow, statementRows } from "./export-rows.js";

function schema(): SchemaElement[] {
  return [
    { name: "root", num_children: ROW_COLUMNS.length },
    ...ROW_COLUMNS.map((c): SchemaElement => {
      const repetition_type = c.nullable ? "OPTIONAL" : "REQUIRED";
      if (c.type === "int") return { name: c.name, type: "INT32", repetition_type };
      if (c.type === "double") return { name: c.name, type: "DOUBLE", repetition_type };
      return { name: c.name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type };
    }),
  ];
}

/** Writes `path` (not atomically: the caller writes to a temp name and renames). Returns the row count. */
export async function writeParquet(
  records: AsyncIterable<DocumentRecord>,
  path: string,
  rowGroup = 50_000,
): Promise<number> {
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: schema(),
    createdBy: `statements ${packageVersion()}`,
    kvMetadata: [{ key: "statements.offsets", value: "utf16" }],
  });
  let pending: StatementRow[] = [];
  let rows = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const columnData = ROW_COLUMNS.map((c) => ({ name: c.name, data: pending.map((r) => r[c.name]) }));
    await writer.write({ columnData, rowGroupSize: pending.length });
    rows += pending.length;
    pending = [];
  };
  for await (const record of records) {
    for (const row of statementRows(record)) pending.push(row);
    if (pending.length >= rowGroup) await flush();
  }
  await flush();
  await writer.finish();
  return rows;
}
