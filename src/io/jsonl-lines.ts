/** The non-empty lines of a JSONL stream, with their 1-based line numbers (for messages that say where). */
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export async function* jsonlLines(input: Readable): AsyncGenerator<{ line: string; n: number }> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() !== "") yield { line, n };
  }
}
