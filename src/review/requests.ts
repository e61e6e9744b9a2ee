/**
 * The bodies the review server accepts, checked with zod before anything is looked up or written:
 * a body that is not a request (null, an array, a string, a missing field, a span without integer
 * offsets) is a 400 that names the field, never a 500.
 */
import { z } from "zod";
import type { AddRequest, ByeRequest, DecisionRequest, DoneRequest, UndoRequest } from "./api.js";

export class BadRequest extends Error {}

const offsets = z.object({ start: z.number().int(), end: z.number().int() }).strict();
const client = z.string().regex(/^[\w-]{1,64}$/, "Expected 1-64 letters, digits, - or _");

const speaker = z
  .object({ entity: z.string().optional(), name: z.string().optional(), role: z.string().nullable().optional() })
  .strict()
  .nullable()
  .optional();
const queue = z.object({ order: z.enum(["confidence", "article", "document", "sample"]), seed: z.number().int().optional() }).optional();

const DecisionRequestSchema = z
  .object({
    doc_id: z.string(),
    statement_id: z.string(),
    decision: z.enum(["accept", "reject", "edit", "speaker", "flag"]),
    spans: z.object({ content: offsets.nullable(), source: offsets.nullable(), cue: offsets.nullable() }).partial().strict().optional(),
    speaker,
    unsure: z.boolean().optional(),
    note: z.string().max(4000).optional(),
    client,
    queue,
  })
  .strict();

const AddRequestSchema = z
  .object({
    doc_id: z.string(),
    spans: z.object({ content: offsets, source: offsets.nullable().optional(), cue: offsets.nullable().optional() }).strict(),
    speaker,
    client,
    queue,
  })
  .strict();

const DoneRequestSchema = z.object({ doc_id: z.string(), done: z.boolean(), client }).strict();
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

export function addRequest(body: unknown): AddRequest {
  return parse(AddRequestSchema, body, "Expected a statement {doc_id, spans: {content, source?, cue?}, speaker?, client}") as AddRequest;
}

export function doneRequest(body: unknown): DoneRequest {
  return parse(DoneRequestSchema, body, "Expected {doc_id, done, client}");
}

export function undoRequest(body: unknown): UndoRequest {
  return parse(UndoRequestSchema, body, "Expected {client}");
}

export function byeRequest(body: unknown): ByeRequest {
  return parse(UndoRequestSchema, body, "Expected {client}");
}

export function isClientId(v: unknown): v is string {
  return client.safeParse(v).success;
}
