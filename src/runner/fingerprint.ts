/**
 * What --resume compares: a fingerprint of each input document as the readers give it (its id, date,
 * reader messages and a hash of its text; for a read error its id, code and message). A run folder
 * keeps a hash of the fingerprints of each committed part, and a complete run's manifest the hash of
 * all of them, so a resume notices inputs edited since (same ids, other text) and refuses.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { type InputItem, readInputs } from "../io/readers.js";

export function documentPrint(item: InputItem): string {
  if ("error" in item) return JSON.stringify([item.id, item.error.code, item.error.message]);
  const text = createHash("sha256").update(item.text).digest("hex");
  return JSON.stringify([item.id, item.date ?? null, item.messages ?? [], text]);
}

/** Hashes fingerprints in order (each followed by "\n"). */
export class PrintHash {
  private h = createHash("sha256");
  add(print: string): void {
    this.h.update(`${print}\n`);
  }
  /** the hex digest; the hash starts again empty */
  digest(): string {
    const d = this.h.digest("hex");
    this.h = createHash("sha256");
    return d;
  }
}

/** The hash of all the inputs' fingerprints, and how many documents they hold (reads every input). */
export async function inputsDigest(inputs: string[], stdin?: Readable): Promise<{ sha256: string; documents: number }> {
  const h = new PrintHash();
  let documents = 0;
  for await (const item of readInputs(inputs, stdin)) {
    h.add(documentPrint(item));
    documents++;
  }
  return { sha256: h.digest(), documents };
}
