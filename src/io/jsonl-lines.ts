/** The non-empty lines of a JSONL stream, with their 1-based line numbers (for messages that say where). */
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export async function* jsonlLines(input: Readable): AsyncGenerator<{ line: string; n: number }> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const raw of rl) {
    n++;
    // a byte-order mark before the first line is no part of the JSON (JSON.parse would refuse it)
    const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() !== "") yield { line, n };
  }
}
