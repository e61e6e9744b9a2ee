/**
 * Counts the documents of the inputs for the ETA, in the background: .txt files count one,
 * JSONL files their non-empty lines. Standard input cannot be counted (null).
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

async function countLines(path: string, signal: AbortSignal): Promise<number> {
  const raw = createReadStream(path);
  const stream: Readable = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  let n = 0;
  let inLine = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal.aborted) break;
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === 10) {
          if (inLine) n++;
          inLine = false;
        } else if (b !== 13 && b !== 32 && b !== 9) inLine = true;
      }
    }
  } finally {
    raw.destroy();
    stream.destroy();
  }
  return inLine ? n + 1 : n;
}

async function countPath(path: string, signal: AbortSignal): Promise<number> {
  const st = await stat(path);
  if (st.isDirectory()) {
    let n = 0;
    for (const e of await readdir(path, { withFileTypes: true })) {
      if (signal.aborted) return n;
      if (e.name.startsWith(".")) continue;
      n += await countPath(join(path, e.name), signal);
    }
    return n;
  }
  if (/\.jsonl(\.gz)?$/i.test(path)) return countLines(path, signal);
  return 1;
}

export async function countDocuments(inputs: string[], signal: AbortSignal): Promise<number | null> {
  let n = 0;
  for (const input of inputs) {
    if (input === "-") return null;
    n += await countPath(input, signal);
  }
  return signal.aborted ? null : n;
}
