/**
 * The bodies the review server accepts, checked with zod before anything is looked up or written:
 * a body that is not a request (null, an array, a string, a missing field, a span without integer
 * offsets) is a 400 that names the field, never a 500.
 */
import { z } from "zod";
import type { DecisionRequest, UndoRequest } from "./api.js";

export class BadRequest extends Error {}

const offsets = z.object({ start: z.number().int(), end: z.number().int() }).strict();
const client = z.string().regex(/^[\w-]{1,64}$/, "Expected 1-64 letters, digits, - or _");

const DecisionRequestSchema = z
  .object({
    doc_id: z.string(),
    statement_id: z.string(),
    decision: z.enum(["accept", "reject", "edit", "speaker"]),
    spans: z.object({ content: offsets.nullable(), source: offsets.nullable(), cue: offsets.nullable() }).partial().strict().optional(),
    speaker: z
      .object({ entity: z.string().optional(), name: z.string().optional(), role: z.string().nullable().optional() })
      .strict()
      .nullable()
      .optional(),
    client,
    queue: z.object({ order: z.enum(["confidence", "document", "sample"]), seed: z.number().int().optional() }).optional(),
  })
  .strict();

const UndoRequestSchema = z.object({ client }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new BadRequest(`${what}: ${path}${issue?.message ?? "invalid"}`);
}

export function decisionRequest(body: unknown): DecisionRequest {
  return parse(DecisionRequestSchema, body, "Expected a decision {doc_id, statement_id, decision, client}") as DecisionRequest;
}

export function undoRequest(body: unknown): UndoRequest {
  return parse(UndoRequestSchema, body, "Expected {client}");
}
