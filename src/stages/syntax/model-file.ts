/**
 * The syntax model's binary format (read here, written by src/learn/syntax/write-model.ts), gzipped:
 *
 *   "SYNTAX01"                       8 bytes
 *   header length (u32 LE), header   JSON: tag and label names, the root label, the tables' shapes
 *   tag dictionary                   keys as LEB128 deltas (ascending unsigned), then Int32 LE values
 *   each table, in header order      keys as LEB128 deltas, then rows × classes Int16 LE weights
 *
 * The keys are 32-bit feature hashes sorted as unsigned numbers, so their deltas are small.
 */

export const MAGIC = "SYNTAX01";

/** Typed arrays use the host's byte order; the file is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(Int16Array.of(1).buffer)[0] === 1;

export interface TableShape {
  name: string;
  classes: number;
  rows: number;
}

export interface ModelHeader {
  format: 1;
  /** the tagger's classes (UPOS) */
  tags: string[];
  /** DEPREL names with subtypes */
  labels: string[];
  root: number;
  dictionary: number;
  tables: TableShape[];
  /** what the model was trained on, and its licence */
  trainedOn: string;
  licence: string;
}

export interface ModelTable {
  classes: number;
  keys: Int32Array;
  weights: Int16Array;
}

export interface ModelContents {
  header: ModelHeader;
  dictKeys: Int32Array;
  dictValues: Int32Array;
  tables: Map<string, ModelTable>;
}

/** A fresh (aligned) copy of bytes [from, to): a Node Buffer's slice() would share memory. */
function copy(buf: Uint8Array, from: number, to: number): ArrayBuffer {
  const out = new Uint8Array(to - from);
  out.set(buf.subarray(from, to));
  return out.buffer;
}

/** Decodes an (already gunzipped) model file. */
export function decodeModel(buf: Uint8Array): ModelContents {
  const magic = new TextDecoder().decode(buf.subarray(0, 8));
  if (magic !== MAGIC)
    throw new Error(`Expected a syntax model starting with ${MAGIC}, got ${JSON.stringify(magic)}`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const hlen = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + hlen))) as ModelHeader;
  let at = 12 + hlen;
  const readKeys = (n: number): Int32Array => {
    const keys = new Int32Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      let shift = 0;
      for (;;) {
        const byte = buf[at++]!;
        v += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) break;
        shift += 7;
      }
      prev += v;
      keys[i] = prev | 0;
    }
    return keys;
  };
  const dictKeys = readKeys(header.dictionary);
  const dictValues = new Int32Array(header.dictionary);
  if (LITTLE_ENDIAN) dictValues.set(new Int32Array(copy(buf, at, at + 4 * header.dictionary)));
  else for (let i = 0; i < header.dictionary; i++) dictValues[i] = view.getInt32(at + 4 * i, true);
  at += 4 * header.dictionary;
  const tables = new Map<string, ModelTable>();
  for (const t of header.tables) {
    const keys = readKeys(t.rows);
    const n = t.rows * t.classes;
    const weights = LITTLE_ENDIAN ? new Int16Array(copy(buf, at, at + 2 * n)) : new Int16Array(n);
    if (!LITTLE_ENDIAN) for (let i = 0; i < n; i++) weights[i] = view.getInt16(at + 2 * i, true);
    at += 2 * n;
    tables.set(t.name, { classes: t.classes, keys, weights });
  }
  if (at !== buf.length) throw new Error(`syntax model: ${buf.length - at} bytes left after the last table`);
  return { header, dictKeys, dictValues, tables };
}
