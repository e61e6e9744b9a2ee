/** Encodes the syntax model in the format read by src/stages/syntax/model-file.ts, gzipped. */
import { gzipSync } from "node:zlib";
import { MAGIC, type ModelContents } from "../../stages/syntax/model-file.js";

function keyBytes(keys: Int32Array, out: number[]): void {
  let prev = 0;
  for (const k of keys) {
    let v = (k >>> 0) - prev;
    if (v < 0) throw new Error("model keys must ascend as unsigned numbers");
    prev = k >>> 0;
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
}

export function encodeModel(m: ModelContents): Buffer {
  const parts: Buffer[] = [Buffer.from(MAGIC, "latin1")];
  const header = Buffer.from(JSON.stringify(m.header), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  parts.push(len, header);
  const dict: number[] = [];
  keyBytes(m.dictKeys, dict);
  parts.push(Buffer.from(dict));
  const values = Buffer.alloc(m.dictValues.length * 4);
  for (let i = 0; i < m.dictValues.length; i++) values.writeInt32LE(m.dictValues[i]!, i * 4);
  parts.push(values);
  for (const shape of m.header.tables) {
    const t = m.tables.get(shape.name);
    if (!t || t.keys.length !== shape.rows || t.classes !== shape.classes)
      throw new Error(`table ${shape.name} does not match the header`);
    const keys: number[] = [];
    keyBytes(t.keys, keys);
    parts.push(Buffer.from(keys));
    const w = Buffer.alloc(t.weights.length * 2);
    for (let i = 0; i < t.weights.length; i++) w.writeInt16LE(t.weights[i]!, i * 2);
    parts.push(w);
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
