/** npm run schema: writes schema/document.schema.json from the zod record schema (src/schema.ts). */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { DocumentRecordSchema, ErrorRecordSchema } from "../src/schema.js";

export function jsonSchema(): string {
  const schema = z.toJSONSchema(z.union([DocumentRecordSchema, ErrorRecordSchema]), { target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: "statements document record (one JSONL line)" }, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  writeFileSync(new URL("../schema/document.schema.json", import.meta.url), jsonSchema());
  console.log("wrote schema/document.schema.json");
}
