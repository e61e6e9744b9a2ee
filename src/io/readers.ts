/**
 * Input readers, streamed: files, directories (recursive, sorted), .jsonl / .jsonl.gz (one document
 * a line), and "-" (JSONL on standard input). Each input document yields one item: a document or a
 * read error for that document only.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { InputDocument } from "../index.js";
import { decode } from "./decode.js";
import { jsonlLines } from "./jsonl-lines.js";

export interface ReadError {
  id: string;
  error: { code: string; message: string };
}

export type InputItem = InputDocument | ReadError;

export function isReadError(item: InputItem): item is ReadError {
  return "error" in item;
}

const TEXT = /\.txt$/i;
const JSONL = /\.jsonl(\.gz)?$/i;

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function readText(path: string, id: string): Promise<InputItem> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { id, error: { code: "unreadable", message: `cannot read ${path}: ${(err as Error).message}` } };
  }
  const d = decode(bytes);
  if (!d.ok) return { id, error: { code: d.code, message: `${path}: ${d.message}` } };
  return { id, text: d.text, messages: d.messages };
}

/** One JSONL line → a document or an error naming the line. */
export function parseJsonlLine(line: string, where: string): InputItem {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    return { id: where, error: { code: "bad-jsonl", message: `${where}: not valid JSON (${(err as Error).message})` } };
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
    const got = obj === null ? "null" : Array.isArray(obj) ? "an array" : typeof obj;
    return { id: where, error: { code: "bad-jsonl", message: `${where}: Expected a JSON object, got ${got}` } };
  }
  const o = obj as Record<string, unknown>;
  const id = typeof o.id === "string" && o.id !== "" ? o.id : typeof o.id === "number" ? String(o.id) : where;
  if (typeof o.text !== "string") {
    return { id, error: { code: "missing-text", message: `${where}: Expected a string "text" field, got ${o.text === undefined ? "none" : typeof o.text}` } };
  }
  if (o.date !== undefined && o.date !== null && typeof o.date !== "string") {
    return { id, error: { code: "bad-date", message: `${where}: Expected "date" as YYYY-MM-DD, got ${typeof o.date}` } };
  }
  return { id, text: o.text, date: (o.date as string | null | undefined) ?? null };
}

/** An input item and where it was read (a file path, or "file:line"), for a duplicate's own name. */
interface Located {
  item: InputItem;
  where: string;
}

async function* readJsonl(stream: Readable, name: string): AsyncGenerator<Located> {
  for await (const { line, n } of jsonlLines(stream)) {
    const where = `${name}:${n}`;
    yield { item: parseJsonlLine(line, where), where };
  }
}

function jsonlStream(path: string): Readable {
  const s = createReadStream(path);
  return /\.gz$/i.test(path) ? s.pipe(createGunzip()) : s;
}

async function* readFileInput(path: string, id: string): AsyncGenerator<Located> {
  if (JSONL.test(path)) yield* readJsonl(jsonlStream(path), id);
  else if (TEXT.test(path)) yield { item: await readText(path, id), where: path };
  else {
    const ext = /\.[^./]+$/.exec(path)?.[0] ?? "no extension";
    yield { item: { id, error: { code: "unsupported-file", message: `Expected a .txt or .jsonl file, got "${path}" (${ext})` } }, where: path };
  }
}

async function* readAll(inputs: string[], stdin: Readable): AsyncGenerator<Located> {
  for (const input of inputs) {
    if (input === "-") {
      yield* readJsonl(stdin, "stdin");
      continue;
    }
    const st = await stat(input);
    if (st.isDirectory()) {
      for await (const path of walk(input)) yield* readFileInput(path, relative(input, path).split("\\").join("/"));
    } else {
      yield* readFileInput(input, input);
    }
  }
}

/**
 * Streams every document of the inputs in order. Throws only for usage errors that stop the run
 * before anything is read (a path that does not exist).
 *
 * Document ids are unique across all the inputs: a document whose id was seen before (a JSONL id
 * used twice, the same relative path under two input folders) becomes a "duplicate-id" error item
 * named after where it was read ("in.jsonl:7", the file's path; "#2" … added if that is taken too),
 * so a run's records, the exports and the review app never meet two documents with one id. Every
 * reader of inputs (extract, resume, export, review) goes through here and gives the same ids.
 */
export async function* readInputs(inputs: string[], stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
  /** id → 1-based position of the document that has it */
  const seen = new Map<string, number>();
  let n = 0;
  for await (const { item, where } of readAll(inputs, stdin)) {
    n++;
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, n);
      yield item;
      continue;
    }
    let id = where;
    for (let k = 2; seen.has(id); k++) id = `${where}#${k}`;
    seen.set(id, n);
    yield {
      id,
      error: {
        code: "duplicate-id",
        message: `${where}: the id ${JSON.stringify(item.id)} is already used by document ${first} of the inputs; each document needs an id of its own`,
      },
    };
  }
}

/** Usage check before a run: every input exists. Returns the first problem, or null. */
export async function checkInputs(inputs: string[]): Promise<string | null> {
  for (const input of inputs) {
    if (input === "-") continue;
    try {
      await stat(input);
    } catch {
      return `no such file or directory: ${input}`;
    }
  }
  return null;
}
