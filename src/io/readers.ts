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
    return { id: where, error: { code: "bad-jsonl", message: `${where}: Expected a JSON object, got ${Array.isArray(obj) ? "an array" : typeof obj}` } };
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

async function* readJsonl(stream: Readable, name: string): AsyncGenerator<InputItem> {
  for await (const { line, n } of jsonlLines(stream)) yield parseJsonlLine(line, `${name}:${n}`);
}

function jsonlStream(path: string): Readable {
  const s = createReadStream(path);
  return /\.gz$/i.test(path) ? s.pipe(createGunzip()) : s;
}

async function* readFileInput(path: string, id: string): AsyncGenerator<InputItem> {
  if (JSONL.test(path)) yield* readJsonl(jsonlStream(path), id);
  else if (TEXT.test(path)) yield await readText(path, id);
  else {
    const ext = /\.[^./]+$/.exec(path)?.[0] ?? "no extension";
    yield { id, error: { code: "unsupported-file", message: `Expected a .txt or .jsonl file, got "${path}" (${ext})` } };
  }
}

/**
 * Streams every document of the inputs in order. Throws only for usage errors that stop the run
 * before anything is read (a path that does not exist).
 */
export async function* readInputs(inputs: string[], stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
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
