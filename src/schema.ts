/**
 * The output record (../shared/CONTRACT.md), defined once. Types come from z.infer.
 * Field names named in the contract never change; added fields are documented here.
 */
import { z } from "zod";

export const SCHEMA_VERSION = "1";

const offset = z.number().int().nonnegative();

/**
 * The document text that spans are checked against, set only while `validateRecord` runs (parsing is
 * synchronous, so no other record can see it). Without it the schema checks the shape alone (records
 * read back from a file).
 */
let documentText: string | null = null;

type Issues = { value: unknown; issues: unknown[] };

function addIssue(payload: Issues, path: PropertyKey[], message: string): void {
  (payload.issues as Array<Record<string, unknown>>).push({ code: "custom", input: payload.value, path, message });
}

/** A range lies inside the document text, and is not empty. */
function rangeInText(payload: Issues & { value: { start: number; end: number } }): void {
  const text = documentText;
  if (text === null) return;
  const { start, end } = payload.value;
  if (end > text.length) addIssue(payload, ["end"], `Expected ≤ text length ${text.length}, got ${end}`);
  else if (start >= end) addIssue(payload, [], `Expected start < end, got [${start}, ${end})`);
}

/** A span also carries exactly its text, and is trimmed. */
function spanInText(payload: Issues & { value: { start: number; end: number; text: string } }): void {
  const text = documentText;
  const before = payload.issues.length;
  rangeInText(payload);
  if (text === null || payload.issues.length > before) return;
  const actual = text.slice(payload.value.start, payload.value.end);
  if (actual !== payload.value.text) {
    addIssue(payload, ["text"], `Expected ${JSON.stringify(actual)} (text.slice), got ${JSON.stringify(payload.value.text)}`);
  } else if (/^\s|\s$/.test(actual)) addIssue(payload, [], `span is not trimmed: ${JSON.stringify(actual)}`);
}

export const SpanSchema = z.object({ start: offset, end: offset, text: z.string() }).check(spanInText);
export const RangeSchema = z.object({ start: offset, end: offset }).check(rangeInText);

export const CueTypeSchema = z.enum(["speech", "according-to", "belief", "report"]);

export const SpeakerSchema = z.object({
  name: z.string().nullable(),
  role: z.string().nullable(),
  /** Added: the age an appositive gives ("Anna Kowalska, 45, a spokeswoman …"); not part of `role`. */
  age: z.number().int().positive().optional(),
  entity: z.string(),
  mention: SpanSchema.nullable(),
});

export const StatementSchema = z.object({
  id: z.string(),
  kind: z.enum(["direct", "indirect", "mixed"]),
  content: SpanSchema,
  /**
   * Added: an interrupted content ("…," he said, "…") gives one statement per fragment, each with
   * the same source, cue and speaker; `fragment` links them: the group's first statement id, this
   * fragment's index and the fragment count.
   */
  fragment: z
    .object({ group: z.string(), index: z.number().int().nonnegative(), count: z.number().int().min(2) })
    .optional(),
  cue: SpanSchema.nullable(),
  /** Added: what kind of attribution the cue makes. */
  cue_type: CueTypeSchema.optional(),
  source: SpanSchema.nullable(),
  speaker: SpeakerSchema.nullable(),
  confidence: z.number().min(0).max(1),
  numbers: z.array(z.number().int().nonnegative()),
});

export const NumberKindSchema = z.enum([
  "cardinal",
  "ordinal",
  "percent",
  "money",
  "range",
  "exchange",
  "date",
  "duration",
  "year",
]);

export const NumberMentionSchema = z
  .object({
  start: offset,
  end: offset,
  text: z.string(),
  kind: NumberKindSchema,
  value: z.number().optional(),
  low: z.number().optional(),
  high: z.number().optional(),
  bound: z.enum(["<", "<=", ">", ">="]).optional(),
  approx: z.literal(true).optional(),
  incremental: z.literal(true).optional(),
  sides: z.array(z.number()).optional(),
  unit: z.string().optional(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .optional(),
  })
  .check(spanInText);

export const MessageSchema = z.object({
  stage: z.string(),
  rule: z.string(),
  reason: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});

export const PipelineInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  config_sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const DocumentRecordSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  doc_id: z.string(),
  text_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  offsets: z.literal("utf16"),
  pipeline: PipelineInfoSchema,
  sentences: z.array(RangeSchema),
  statements: z.array(StatementSchema),
  numbers: z.array(NumberMentionSchema),
  messages: z.array(MessageSchema),
});

export const ErrorRecordSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  doc_id: z.string(),
  error: z.object({ code: z.string(), message: z.string() }),
});

export type Span = z.infer<typeof SpanSchema>;
export type Range = z.infer<typeof RangeSchema>;
export type CueType = z.infer<typeof CueTypeSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type NumberKind = z.infer<typeof NumberKindSchema>;
export type NumberMention = z.infer<typeof NumberMentionSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;

/** "statements[3].content.end" for zod's path ["statements", 3, "content", "end"]. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("") || "(record)";
}

/**
 * Validates a record for its document text in one pass: the shape, and every span inside the text,
 * trimmed, carrying exactly `text.slice(start, end)`. Returns the record, or every issue with its path
 * ("statements[3].content.end: Expected ≤ text length 2384, got 2390").
 */
export function validateRecord(record: unknown, text: string): { record: DocumentRecord } | { issues: string[] } {
  documentText = text;
  try {
    const parsed = DocumentRecordSchema.safeParse(record);
    if (parsed.success) return { record: parsed.data };
    return { issues: parsed.error.issues.map((i) => `${pathOf(i.path)}: ${i.message}`) };
  } finally {
    documentText = null;
  }
}
