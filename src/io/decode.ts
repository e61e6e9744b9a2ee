/**
 * Bytes → text: UTF-8 (invalid sequences replaced and reported), UTF-16 with a BOM, binary refused.
 * A byte-order mark stays in the text as U+FEFF, so that offsets index the text as the file gives it;
 * the ingest stage reports it ("bom") and keeps it outside every sentence.
 */
import type { Message } from "../schema.js";

export type Decoded = { ok: true; text: string; messages: Message[] } | { ok: false; code: string; message: string };

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Looks like binary: NUL bytes or many control bytes in the first 8 KiB (text in UTF-16 has a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes), messages: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes), messages: [] };
  }
  if (looksBinary(bytes)) {
    return { ok: false, code: "binary-input", message: "Expected text, got binary data (NUL or control bytes)" };
  }
  try {
    return { ok: true, text: utf8Fatal.decode(bytes), messages: [] };
  } catch {
    const text = utf8.decode(bytes);
    const replaced = text.split("\uFFFD").length - 1;
    return {
      ok: true,
      text,
      messages: [
        { stage: "read", rule: "invalid-utf8", reason: `not valid UTF-8: ${replaced} byte sequence(s) replaced by U+FFFD` },
      ],
    };
  }
}
