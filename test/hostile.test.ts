/**
 * Hostile inputs, generated in a temp folder at test time: every input document yields exactly one
 * record or one error line, the run completes, the manifest adds up, and every span of every record
 * satisfies text.slice(start, end) === span.text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readInputs } from "../src/io/readers.js";
import type { DocumentRecord, ErrorRecord } from "../src/schema.js";
import { sha256 } from "../src/record.js";
import { validateRecord } from "../src/schema.js";
import { CORPUS, ensureBuilt, runCli, tempDir, testPipeline } from "./runner-helpers.js";

let P: string;
beforeAll(async () => {
  await ensureBuilt();
  P = testPipeline();
});

function seedText(): string {
  return readFileSync(join(CORPUS, "seed-2025-07-24-istanbul-talks.txt"), "utf8");
}

/** Writes the hostile files; returns how many input documents they hold. */
function writeHostile(dir: string): number {
  const seed = seedText();
  const files: Record<string, string | Buffer> = {
    "empty.txt": "",
    "whitespace.txt": " \n\t\r\n   \n",
    "binary.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0x00]),
    "invalid-utf8.txt": Buffer.concat([Buffer.from('"It is fine," the mayor said '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(" on Monday.\n")]),
    "utf16le-bom.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('"We are ready," Ms. Ortiz said.\n', "utf16le")]),
    "utf8-bom.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('"We are ready," Ms. Ortiz said.\n')]),
    "utf16be-bom.txt": Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('"We are ready," Ms. Ortiz said.\n', "utf16le").swap16(),
    ]),
    "crlf.txt": seed.replace(/\r?\n/g, "\r\n"),
    "quotes-10000.txt": Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `“word${i}` : `"x${i}`)).join(" "),
    "emoji.txt": `😀🎉 👩‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 "We will rebuild 🏗️ the port," said Mayor Ana Díaz 🇪🇸. 😀 “Nothing is lost,” she added.\n`,
    "rtl.txt": `قال الرئيس "سنبني الميناء" يوم الاثنين. אמר ראש העיר "זה בסדר". "We agree," said Amir Haddad, the minister.\n`,
    "big-5mb.txt": seed.repeat(Math.ceil(5_000_000 / seed.length)).slice(0, 5_000_000),
    "mixed.jsonl": [
      JSON.stringify({ id: "ok", text: '"Fine," he said.' }),
      "{this is not json",
      JSON.stringify({ id: "no-text", body: "x" }),
      JSON.stringify({ id: "bad-date", text: "He said so.", date: "yesterday" }),
      "",
      JSON.stringify({ id: "astral-before", text: `${"😀".repeat(50)} "We won," said Kim Lee.` }),
    ].join("\n"),
    "notes.pdf": "not an article",
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  // mixed.jsonl holds 5 documents (the blank line is not one)
  return Object.keys(files).length - 1 + 5;
}

type Rec = DocumentRecord | ErrorRecord;

/** Every record checked against the text the readers give for its document. */
async function checkRecords(inputs: string[], records: Rec[]): Promise<void> {
  let i = 0;
  for await (const item of readInputs(inputs)) {
    const rec = records[i++];
    if (!rec) throw new Error(`no record for ${item.id}`);
    expect(rec.doc_id).toBe(item.id);
    if ("error" in rec) {
      expect(rec.error.code).toMatch(/\S/);
      continue;
    }
    expect("error" in item, `${item.id} is an error input but has a record`).toBe(false);
    if ("error" in item) continue;
    expect(rec.text_sha256).toBe(sha256(item.text));
    expect(validateRecord(rec, item.text)).toEqual({ record: rec });
  }
  expect(i).toBe(records.length);
}

describe("hostile inputs", () => {
  it("a folder of hostile files: one line each, manifest adds up, spans hold", async () => {
    const dir = tempDir();
    const n = writeHostile(dir);
    const out = join(tempDir(), "run");
    const r = await runCli(["extract", dir, "--pipeline", P, "-o", out, "-w", "2", "-q"]);
    expect(r.code, r.stderr).toBe(1);
    const records = readFileSync(join(out, "records.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Rec);
    expect(records).toHaveLength(n);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.counts.in).toBe(n);
    expect(m.counts.records + m.counts.errors).toBe(n);
    const errors = readFileSync(join(out, "errors.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(errors).toHaveLength(m.counts.errors);
    const byId = new Map(records.map((x) => [x.doc_id, x]));
    const code = (id: string) => {
      const x = byId.get(id);
      return x && "error" in x ? x.error.code : "record";
    };
    expect(code("empty.txt")).toBe("empty-document");
    expect(code("whitespace.txt")).toBe("empty-document");
    expect(code("binary.txt")).toBe("binary-input");
    expect(code("notes.pdf")).toBe("unsupported-file");
    expect(code("big-5mb.txt")).toBe("too-large");
    expect(code("mixed.jsonl:2")).toBe("bad-jsonl");
    expect(code("no-text")).toBe("missing-text");
    expect(code("bad-date")).toBe("bad-date");
    for (const id of ["invalid-utf8.txt", "utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt", "crlf.txt", "emoji.txt", "rtl.txt", "ok", "astral-before", "quotes-10000.txt"]) {
      expect(code(id), id).toBe("record");
    }
    // a byte-order mark is reported (README: "BOM … reported as messages"), whatever the encoding
    for (const id of ["utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt"]) {
      const rec = byId.get(id) as DocumentRecord;
      expect(rec.messages, id).toContainEqual(expect.objectContaining({ stage: "ingest", rule: "bom", start: 0, end: 1 }));
      expect(rec.statements.map((s) => s.content.text), id).toEqual(['"We are ready,"']);
    }
    const emoji = byId.get("emoji.txt") as DocumentRecord;
    expect(emoji.statements.length).toBeGreaterThan(0);
    await checkRecords([dir], records);
  });

  it("100,000 tiny documents in one JSONL: one line each, in order", async () => {
    const dir = tempDir();
    const file = join(dir, "tiny.jsonl");
    const N = 100_000;
    const lines: string[] = [];
    for (let i = 0; i < N; i++) lines.push(JSON.stringify({ id: `t${i}`, text: i % 1000 === 999 ? "" : `Ann said ${i}.` }));
    writeFileSync(file, `${lines.join("\n")}\n`);
    const out = join(dir, "run");
    const r = await runCli(["extract", file, "--pipeline", P, "-o", out, "-w", "2", "-q"]);
    expect(r.code, r.stderr).toBe(1);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.counts).toMatchObject({ in: N, errors: N / 1000, records: N - N / 1000 });
    const text = readFileSync(join(out, "records.jsonl"), "utf8");
    let count = 0;
    let pos = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", pos)) {
      const rec = JSON.parse(text.slice(pos, nl)) as Rec;
      expect(rec.doc_id).toBe(`t${count}`);
      count++;
      pos = nl + 1;
    }
    expect(count).toBe(N);
  });
});
