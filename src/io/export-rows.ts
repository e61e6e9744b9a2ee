/** One flat row per statement: the shared shape of the CSV and parquet exports. */
import type { DocumentRecord, NumberMention, Statement } from "../schema.js";

export interface StatementRow {
  doc_id: string;
  statement_id: string;
  kind: string;
  cue_type: string | null;
  confidence: number;
  speaker_name: string | null;
  speaker_role: string | null;
  speaker_entity: string | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  cue_text: string | null;
  cue_start: number | null;
  cue_end: number | null;
  content_text: string;
  content_start: number;
  content_end: number;
  /** an interrupted content gives one statement per fragment: the group's first statement id, index, count */
  fragment_group: string | null;
  fragment_index: number | null;
  fragment_count: number | null;
  /** JSON array of the number mentions inside the content (full objects, not indexes) */
  numbers: string;
}

/** Column names in order, and whether each is numeric (for CSV headers and the parquet schema). */
export const ROW_COLUMNS: { name: keyof StatementRow; type: "string" | "int" | "double"; nullable: boolean }[] = [
  { name: "doc_id", type: "string", nullable: false },
  { name: "statement_id", type: "string", nullable: false },
  { name: "kind", type: "string", nullable: false },
  { name: "cue_type", type: "string", nullable: true },
  { name: "confidence", type: "double", nullable: false },
  { name: "speaker_name", type: "string", nullable: true },
  { name: "speaker_role", type: "string", nullable: true },
  { name: "speaker_entity", type: "string", nullable: true },
  { name: "source_text", type: "string", nullable: true },
  { name: "source_start", type: "int", nullable: true },
  { name: "source_end", type: "int", nullable: true },
  { name: "cue_text", type: "string", nullable: true },
  { name: "cue_start", type: "int", nullable: true },
  { name: "cue_end", type: "int", nullable: true },
  { name: "content_text", type: "string", nullable: false },
  { name: "content_start", type: "int", nullable: false },
  { name: "content_end", type: "int", nullable: false },
  { name: "fragment_group", type: "string", nullable: true },
  { name: "fragment_index", type: "int", nullable: true },
  { name: "fragment_count", type: "int", nullable: true },
  { name: "numbers", type: "string", nullable: false },
];

function statementRow(record: DocumentRecord, s: Statement): StatementRow {
  const numbers = s.numbers.map((i) => record.numbers[i]).filter((n): n is NumberMention => n !== undefined);
  return {
    doc_id: record.doc_id,
    statement_id: s.id,
    kind: s.kind,
    cue_type: s.cue_type ?? null,
    confidence: s.confidence,
    speaker_name: s.speaker?.name ?? null,
    speaker_role: s.speaker?.role ?? null,
    speaker_entity: s.speaker?.entity ?? null,
    source_text: s.source?.text ?? null,
    source_start: s.source?.start ?? null,
    source_end: s.source?.end ?? null,
    cue_text: s.cue?.text ?? null,
    cue_start: s.cue?.start ?? null,
    cue_end: s.cue?.end ?? null,
    content_text: s.content.text,
    content_start: s.content.start,
    content_end: s.content.end,
    fragment_group: s.fragment?.group ?? null,
    fragment_index: s.fragment?.index ?? null,
    fragment_count: s.fragment?.count ?? null,
    numbers: JSON.stringify(numbers),
  };
}

export function statementRows(record: DocumentRecord): StatementRow[] {
  return record.statements.map((s) => statementRow(record, s));
}
