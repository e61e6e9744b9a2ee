/** The input readers: one item per input document, ids unique across all inputs, clear messages. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type InputItem, parseJsonlLine, readInputs } from "../src/io/readers.js";
import { tempDir } from "./runner-helpers.js";

async function all(inputs: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(inputs)) out.push(item);
  return out;
}

const summary = (items: InputItem[]) => items.map((i) => ("error" in i ? [i.id, i.error.code] : [i.id, "doc"]));

describe("readers: document ids are unique across the inputs", () => {
  it("a JSONL id seen before makes the later line a duplicate-id error item named after its line", async () => {
    const dir = tempDir();
    const file = join(dir, "in.jsonl");
    writeFileSync(
      file,
      [{ id: "a", text: "One." }, { id: "b", text: "Two." }, { id: "a", text: "Three." }, { id: "c", text: "Four." }]
        .map((x) => JSON.stringify(x))
        .join("\n"),
    );
    const items = await all([file]);
    expect(summary(items)).toEqual([
      ["a", "doc"],
      ["b", "doc"],
      [`${file}:3`, "duplicate-id"],
      ["c", "doc"],
    ]);
    const dup = items[2] as Extract<InputItem, { error: unknown }>;
    expect(dup.error.message).toContain('"a"');
    expect(dup.error.message).toContain("document 1");
  });

  it("the same relative path under two input folders: the second is named by its full path", async () => {
    const dir = tempDir();
    for (const d of ["x", "y"]) {
      mkdirSync(join(dir, d));
      writeFileSync(join(dir, d, "article.txt"), `Text of ${d}.`);
    }
    const items = await all([join(dir, "x"), join(dir, "y")]);
    expect(summary(items)).toEqual([
      ["article.txt", "doc"],
      [join(dir, "y", "article.txt"), "duplicate-id"],
    ]);
  });

  it("a duplicate's fallback name is made unique too", async () => {
    const dir = tempDir();
    const file = join(dir, "in.jsonl");
    // line 3 repeats "a", and its fallback name is already an id of line 2
    writeFileSync(file, [{ id: "a", text: "x" }, { id: `${file}:3`, text: "y" }, { id: "a", text: "z" }].map((x) => JSON.stringify(x)).join("\n"));
    const ids = (await all([file])).map((i) => i.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]).toBe(`${file}:3#2`);
  });

  it("ids are unique across the error items too (a broken line named after its line)", async () => {
    const dir = tempDir();
    const file = join(dir, "in.jsonl");
    writeFileSync(file, `{"id":"${file}:2","text":"x"}\n{broken\n`);
    const ids = (await all([file])).map((i) => i.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe("readers: JSONL lines that are not documents", () => {
  it.each([
    ["null", "Expected a JSON object, got null"],
    ["[1]", "Expected a JSON object, got an array"],
    ["42", "Expected a JSON object, got number"],
    ['"text"', "Expected a JSON object, got string"],
  ])("%s", (line, message) => {
    const item = parseJsonlLine(line, "in.jsonl:1");
    expect(item).toMatchObject({ id: "in.jsonl:1", error: { code: "bad-jsonl" } });
    expect((item as { error: { message: string } }).error.message).toBe(`in.jsonl:1: ${message}`);
  });
});

describe("readers: byte-order marks", () => {
  it("a JSONL file that starts with a BOM: its first line is a document, not a broken line", async () => {
    const dir = tempDir();
    const file = join(dir, "bom.jsonl");
    writeFileSync(file, `\uFEFF${JSON.stringify({ id: "a", text: "One." })}\n${JSON.stringify({ id: "b", text: "Two." })}\n`);
    expect(summary(await all([file]))).toEqual([
      ["a", "doc"],
      ["b", "doc"],
    ]);
  });

  it("a .txt file keeps its BOM as U+FEFF at offset 0 (the ingest stage reports it)", async () => {
    const dir = tempDir();
    const file = join(dir, "bom.txt");
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Text.")]));
    const [item] = await all([file]);
    expect(item).toMatchObject({ id: file, text: "\uFEFFText." });
  });
});
