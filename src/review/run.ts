/**
 * A run to review: its records (a run folder's records.jsonl, or a .jsonl file of records), the
 * article texts they index (read again from the extraction inputs and matched by doc_id and
 * text_sha256), and where its review log lives.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { checkInputs, isReadError, readInputs } from "../io/readers.js";
import { DocumentRecordSchema, type NumberMention, type Statement } from "../schema.js";

export class ReviewUsageError extends Error {
  override name = "ReviewUsageError";
}

export interface ReviewDoc {
  index: number;
  doc_id: string;
  date: string | null;
  text_sha256: string;
  statements: Statement[];
  numbers: NumberMention[];
  text: string | null;
  problem?: string;
}

export interface LoadedRun {
  /** The folder holding the records (and the review log). */
  dir: string;
  recordsPath: string;
  reviewsPath: string;
  docs: ReviewDoc[];
  errors: { doc_id: string; code: string; message: string }[];
  /** The inputs the texts were read from. */
  inputs: string[];
  warnings: string[];
}

export interface LoadRunOptions {
  /** The inputs given to extract; default: `inputs` of the run's manifest.json or summary.json. */
  inputs?: string[];
  stdin?: Readable;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** records.jsonl → reviews.jsonl beside it; any other name.jsonl → name.reviews.jsonl. */
export function reviewsPathFor(recordsPath: string): string {
  const base = basename(recordsPath);
  if (base === "records.jsonl") return join(dirname(recordsPath), "reviews.jsonl");
  return join(dirname(recordsPath), `${base.replace(/\.jsonl$/i, "")}.reviews.jsonl`);
}

export function resolveRecords(target: string): { dir: string; recordsPath: string } {
  if (!existsSync(target)) throw new ReviewUsageError(`no such run folder or records file: ${target}`);
  if (statSync(target).isDirectory()) {
    const recordsPath = join(target, "records.jsonl");
    if (!existsSync(recordsPath)) {
      throw new ReviewUsageError(`Expected a run folder holding records.jsonl, got "${target}" (no records.jsonl in it)`);
    }
    return { dir: resolve(target), recordsPath: resolve(recordsPath) };
  }
  if (!/\.jsonl$/i.test(target)) throw new ReviewUsageError(`Expected a run folder or a records .jsonl file, got "${target}"`);
  return { dir: resolve(dirname(target)), recordsPath: resolve(target) };
}

/** `inputs` listed by the run's manifest.json or summary.json, resolved from the cwd or the run folder. */
export function manifestInputs(dir: string): string[] | null {
  for (const name of ["manifest.json", "summary.json"]) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      continue;
    }
    const o = (obj ?? {}) as { inputs?: unknown; inputs_resolved?: unknown };
    const list = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((i) => typeof i === "string");
    // The runner's manifest also records the absolute paths: use them when they still exist.
    if (list(o.inputs_resolved) && o.inputs_resolved.every((i) => i === "-" || existsSync(i))) return o.inputs_resolved;
    const inputs = o.inputs;
    if (!list(inputs)) continue;
    return inputs.map((i: string) => {
      if (i === "-" || isAbsolute(i) || existsSync(i)) return i;
      for (const base of [dir, dirname(dir)]) if (existsSync(join(base, i))) return join(base, i);
      return i;
    });
  }
  return null;
}

function readRecords(recordsPath: string): Pick<LoadedRun, "docs" | "errors"> {
  const docs: ReviewDoc[] = [];
  const errors: LoadedRun["errors"] = [];
  readFileSync(recordsPath, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      const where = `${recordsPath}:${i + 1}`;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new ReviewUsageError(`${where}: not JSON; Expected one record a line (records.jsonl of statements extract)`);
      }
      const o = obj as Record<string, unknown>;
      if (o && typeof o === "object" && "error" in o) {
        const e = (o.error ?? {}) as { code?: unknown; message?: unknown };
        errors.push({ doc_id: String(o.doc_id ?? where), code: String(e.code ?? "error"), message: String(e.message ?? "") });
        return;
      }
      const parsed = DocumentRecordSchema.safeParse(obj);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue ? issue.path.join(".") : "";
        throw new ReviewUsageError(`${where}: not a statements record: ${path ? `${path}: ` : ""}${issue?.message ?? "invalid"}`);
      }
      const r = parsed.data;
      // Ids are unique within a document in practice; make sure, so that decisions cannot collide.
      const seen = new Map<string, number>();
      const statements = r.statements.map((s) => {
        const n = (seen.get(s.id) ?? 0) + 1;
        seen.set(s.id, n);
        return n === 1 ? s : { ...s, id: `${s.id}~${n}` };
      });
      docs.push({
        index: docs.length,
        doc_id: r.doc_id,
        date: r.date,
        text_sha256: r.text_sha256,
        statements,
        numbers: r.numbers,
        text: null,
      });
    });
  return { docs, errors };
}

export async function loadRun(target: string, options: LoadRunOptions = {}): Promise<LoadedRun> {
  const { dir, recordsPath } = resolveRecords(target);
  const { docs, errors } = readRecords(recordsPath);
  const inputs = options.inputs && options.inputs.length > 0 ? options.inputs : manifestInputs(dir);
  if (!inputs) {
    throw new ReviewUsageError(
      `the records hold no article text, and ${dir} has no manifest.json or summary.json listing the inputs: ` +
        "give --inputs <the files, folders or .jsonl given to extract>",
    );
  }
  const missing = await checkInputs(inputs);
  if (missing) throw new ReviewUsageError(`--inputs: ${missing}`);

  const wanted = new Set(docs.map((d) => d.text_sha256));
  const byId = new Map<string, string>();
  const bySha = new Map<string, string>();
  for await (const item of readInputs(inputs, options.stdin)) {
    if (isReadError(item)) continue;
    const sha = sha256Hex(item.text);
    byId.set(item.id, sha);
    if (wanted.has(sha)) bySha.set(sha, item.text);
  }

  const warnings: string[] = [];
  const mismatched: string[] = [];
  for (const doc of docs) {
    const text = bySha.get(doc.text_sha256);
    if (text !== undefined) {
      doc.text = text;
      continue;
    }
    const inputSha = byId.get(doc.doc_id);
    if (inputSha !== undefined) {
      mismatched.push(
        `"${doc.doc_id}": the record indexes a text with sha256 ${doc.text_sha256.slice(0, 12)}…, ` +
          `the input's text has ${inputSha.slice(0, 12)}…`,
      );
    } else {
      doc.problem = `no input text matches this record (doc_id "${doc.doc_id}", text_sha256 ${doc.text_sha256.slice(0, 12)}…)`;
      warnings.push(doc.problem);
    }
  }
  if (mismatched.length > 0) {
    throw new ReviewUsageError(
      `refusing ${mismatched.length} article text(s) that do not match the records (the file changed since extraction? ` +
        `the offsets would point at the wrong words): ${mismatched.slice(0, 5).join("; ")}${mismatched.length > 5 ? "; …" : ""}`,
    );
  }
  return { dir, recordsPath, reviewsPath: reviewsPathFor(recordsPath), docs, errors, inputs, warnings };
}
