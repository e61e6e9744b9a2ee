/** Exports: CSV rows = statements, parquet read back, brat read back by PolNeAR's reader, Label Studio offsets. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { beforeAll, describe, expect, it } from "vitest";
import { bratAnn, groupFragments } from "../src/io/export-brat.js";
import { codePointIndex } from "../src/io/writers.js";
import type { DocumentRecord } from "../src/schema.js";
import { corpusJsonl, ensureBuilt, ROOT, runCli, tempDir, testPipeline } from "./runner-helpers.js";

let dir: string;
let inputs: string;
let records: DocumentRecord[];
let statements: number;

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir();
  inputs = join(dir, "in.jsonl");
  const extra = [
    { id: "astral/one", text: `😀🎉 "We will rebuild the port," said Mayor Ana Díaz. 𝔘𝔫 “Nothing is lost,” she added.` },
    { id: "quote,comma", text: 'He said: "It costs $5, or 5%, and ""more""."\nShe said "no".' },
    { id: "empty", text: "" },
  ];
  writeFileSync(inputs, corpusJsonl(1) + extra.map((e) => JSON.stringify(e)).join("\n") + "\n");
  const r = await runCli(["extract", inputs, "--pipeline", testPipeline(), "-o", join(dir, "run"), "-q"]);
  expect(r.code, r.stderr).toBe(1);
  records = readFileSync(join(dir, "run", "records.jsonl"), "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l))
    .filter((x) => !("error" in x));
  statements = records.reduce((s, x) => s + x.statements.length, 0);
  expect(statements).toBeGreaterThan(10);
});

/** A small RFC 4180 reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  return rows;
}

describe("statements export", () => {
  it("--gold writes the reviewed statements (none reviewed yet: no documents); no format is a usage error", async () => {
    const gold = await runCli(["export", join(dir, "run"), "--gold", "--inputs", inputs]);
    expect(gold.code, gold.stderr).toBe(0);
    expect(gold.stdout).toBe("");
    expect(gold.stderr).toMatch(/^0 document\(s\), 0 gold attribution\(s\)/);
    const none = await runCli(["export", join(dir, "run")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--to <csv\|parquet\|brat\|label-studio> or --gold is required/);
    const both = await runCli(["export", join(dir, "run"), "--gold", "--to", "csv"]);
    expect(both.code).toBe(2);
  });

  it("csv: a header and one row per statement, texts and offsets as in the records", async () => {
    const r = await runCli(["export", join(dir, "run"), "--to", "csv", "-q"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout);
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(["doc_id", "statement_id", "kind", "cue_type"]);
    expect(rows.length - 1).toBe(statements);
    const col = (name: string) => header.indexOf(name);
    const flat = records.flatMap((rec) => rec.statements.map((s) => ({ rec, s })));
    flat.forEach(({ rec, s }, i) => {
      const row = rows[i + 1]!;
      expect(row[col("doc_id")]).toBe(rec.doc_id);
      expect(row[col("content_text")]).toBe(s.content.text);
      expect(Number(row[col("content_start")])).toBe(s.content.start);
      expect(JSON.parse(row[col("numbers")]!)).toHaveLength(s.numbers.length);
    });
  });

  it("parquet: written with hyparquet-writer and read back with hyparquet", async () => {
    const out = join(dir, "s.parquet");
    const r = await runCli(["export", join(dir, "run", "records.jsonl"), "--to", "parquet", "-o", out, "-q"]);
    expect(r.code, r.stderr).toBe(0);
    const buf = readFileSync(out);
    const rows = (await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) })) as Record<string, unknown>[];
    expect(rows).toHaveLength(statements);
    const flat = records.flatMap((rec) => rec.statements.map((s) => ({ rec, s })));
    rows.forEach((row, i) => {
      const { rec, s } = flat[i]!;
      expect(row.doc_id).toBe(rec.doc_id);
      expect(row.statement_id).toBe(s.id);
      expect(row.content_text).toBe(s.content.text);
      expect(row.content_start).toBe(s.content.start);
      expect(row.confidence).toBe(s.confidence);
      expect(row.speaker_name ?? null).toBe(s.speaker?.name ?? null);
      expect(row.cue_start ?? null).toBe(s.cue?.start ?? null);
    });
  });

  it("brat: .txt + .ann per document, read back by ../shared/tools/polnear-to-jsonl.mjs with the same spans", async () => {
    const out = join(dir, "brat");
    const r = await runCli(["export", join(dir, "run"), "--to", "brat", "-o", out, "--inputs", inputs, "-q"]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, "annotation.conf"))).toBe(true);
    const names = readdirSync(out).filter((f) => f.endsWith(".ann")).map((f) => f.slice(0, -4)).sort();
    expect(names).toHaveLength(records.length);
    // brat offsets are code points: check every entity against the .txt by code points
    for (const name of names) {
      const text = readFileSync(join(out, `${name}.txt`), "utf8");
      const cps = [...text];
      for (const line of readFileSync(join(out, `${name}.ann`), "utf8").split("\n")) {
        const m = /^T\d+\t\S+ ([\d ;]+)\t(.*)$/.exec(line);
        if (!m) continue;
        const joined = m[1]!.split(";").map((p) => {
          const [s, e] = p.split(" ").map(Number);
          return cps.slice(s, e).join("");
        });
        expect(joined.join(" ")).toBe(m[2]);
      }
    }
    // PolNeAR's own reader: lay the export out as a PolNeAR checkout
    const tool = join(ROOT, "..", "shared", "tools", "polnear-to-jsonl.mjs");
    if (!existsSync(tool)) return;
    const pn = join(dir, "polnear");
    mkdirSync(join(pn, "data", "test", "text"), { recursive: true });
    mkdirSync(join(pn, "data", "test", "attributions"), { recursive: true });
    const meta = ["compartment\tfilename\tannotators\tpublisher\tpublication_date\ttitle"];
    for (const name of names) {
      writeFileSync(join(pn, "data", "test", "text", `${name}.txt`), readFileSync(join(out, `${name}.txt`)));
      writeFileSync(join(pn, "data", "test", "attributions", `${name}_x.ann`), readFileSync(join(out, `${name}.ann`)));
      meta.push(`test\t${name}\tx\tp\t2025-01-01\tt`);
    }
    writeFileSync(join(pn, "data", "metadata.tsv"), `${meta.join("\n")}\n`);
    const gold = execFileSync(process.execPath, [tool, "--src", pn, "--split", "test"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; attributions: { source: { start: number; end: number }[]; content: { start: number; end: number }[] }[] });
    const astral = gold.find((g) => g.id === "astral_one")!;
    const rec = records.find((x) => x.doc_id === "astral/one")!;
    const groups = groupFragments(rec.statements);
    expect(groups.length).toBeGreaterThan(0);
    expect(astral.attributions).toHaveLength(groups.length);
    groups.forEach((group, i) => {
      const a = astral.attributions[i]!;
      const s = group[0]!;
      // the reader converts code points back to UTF-16: the record's offsets come back
      expect(a.content.map((f) => [f.start, f.end])).toEqual(group.map((g) => [g.content.start, g.content.end]));
      if (s.source) expect(a.source.map((f) => [f.start, f.end])).toEqual([[s.source.start, s.source.end]]);
    });
    const allGroups = records.reduce((n, r) => n + groupFragments(r.statements).length, 0);
    expect(gold.reduce((n, g) => n + g.attributions.length, 0)).toBe(allGroups);
  });

  it("brat offsets count code points (UTF-16 offsets converted)", () => {
    const text = "😀 \"Go,\" said Ann.";
    const ann = bratAnn(text, [
      {
        id: "x",
        kind: "direct",
        content: { start: 3, end: 8, text: '"Go,"' },
        cue: { start: 9, end: 13, text: "said" },
        source: { start: 14, end: 17, text: "Ann" },
        speaker: null,
        confidence: 0.5,
        numbers: [],
      },
    ]);
    expect(ann).toContain('T1\tContent 2 7\t"Go,"\n');
    expect(ann).toContain("T2\tSource 13 16\tAnn\n");
    expect(ann).toContain("T3\tCue 8 12\tsaid\n");
    expect(ann).toContain("E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1\n");
    expect(codePointIndex(text)(3)).toBe(2);
  });

  it("label-studio: tasks with the text, labels on code-point offsets, relations to the content", async () => {
    const out = join(dir, "tasks.json");
    const r = await runCli(["export", join(dir, "run"), "--to", "label-studio", "-o", out, "--inputs", inputs, "-q"]);
    expect(r.code, r.stderr).toBe(0);
    const tasks = JSON.parse(readFileSync(out, "utf8")) as {
      data: { text: string; doc_id: string };
      predictions: { result: { type: string; value?: { start: number; end: number; text: string; labels: string[] }; from_id?: string; to_id?: string }[] }[];
    }[];
    expect(tasks).toHaveLength(records.length);
    expect(existsSync(join(dir, "tasks.config.xml"))).toBe(true);
    for (const t of tasks) {
      const cps = [...t.data.text];
      const ids = new Set<string>();
      for (const res of t.predictions[0]!.result) {
        if (res.type === "labels") {
          expect(cps.slice(res.value!.start, res.value!.end).join("")).toBe(res.value!.text);
          ids.add((res as { id?: string }).id!);
        }
      }
      for (const res of t.predictions[0]!.result) if (res.type === "relation") expect(ids.has(res.to_id!)).toBe(true);
    }
  });

  it("brat without --inputs, or with inputs whose text changed, is refused or reported", async () => {
    const r = await runCli(["export", join(dir, "run"), "--to", "brat", "-o", join(dir, "b2")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--inputs");
    const changed = join(dir, "changed.jsonl");
    writeFileSync(changed, readFileSync(inputs, "utf8").replace("Mayor Ana Díaz", "Mayor Ana Diaz"));
    const c = await runCli(["export", join(dir, "run"), "--to", "label-studio", "--inputs", changed]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain("astral/one");
  });
});

describe("duplicate document ids", () => {
  it("extract makes the second document with an id a duplicate-id error record; exports skip it and agree", async () => {
    const d = tempDir();
    const file = join(d, "dup.jsonl");
    const docs = [
      { id: "a", text: '"We will build the bridge," said Mayor Ana Ruiz.' },
      { id: "b", text: '"The budget is tight," said Treasurer Ola Berg.' },
      { id: "a", text: '"Nothing is decided," said Councillor Ivo Lind.' },
    ];
    writeFileSync(file, `${docs.map((x) => JSON.stringify(x)).join("\n")}\n`);
    const run = join(d, "run");
    const r = await runCli(["extract", file, "--pipeline", testPipeline(), "-o", run, "-q"]);
    expect(r.code, r.stderr).toBe(1);
    const recs = readFileSync(join(run, "records.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(recs.map((x) => x.doc_id)).toEqual(["a", "b", `${file}:3`]);
    expect(recs[2].error.code).toBe("duplicate-id");
    const errs = readFileSync(join(run, "errors.jsonl"), "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(errs).toEqual([expect.objectContaining({ index: 2, doc_id: `${file}:3`, code: "duplicate-id" })]);
    // brat and label-studio join the texts by id: the first "a" is the one exported, with its own text
    const brat = join(d, "brat");
    const b = await runCli(["export", run, "--to", "brat", "-o", brat, "--inputs", file]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain("1 error record(s) skipped");
    expect(readdirSync(brat).filter((f) => f.endsWith(".txt")).sort()).toEqual(["a.txt", "b.txt"]);
    expect(readFileSync(join(brat, "a.txt"), "utf8")).toBe(docs[0]!.text);
    const csv = await runCli(["export", run, "--to", "csv"]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).not.toContain("Ivo Lind");
  });

  it("a records file with one doc_id twice (an older run, files joined by hand) is refused by export", async () => {
    const d = tempDir();
    const lines = readFileSync(join(dir, "run", "records.jsonl"), "utf8").trimEnd().split("\n");
    const file = join(d, "twice.jsonl");
    writeFileSync(file, `${[lines[0], lines[1], lines[0]].join("\n")}\n`);
    const id = JSON.parse(lines[0]!).doc_id as string;
    for (const to of ["csv", "label-studio"]) {
      const r = await runCli(["export", file, "--to", to, ...(to === "csv" ? [] : ["--inputs", inputs])]);
      expect(r.code, `${to}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain(`${file}:3: the doc_id ${JSON.stringify(id)} is also on line 1`);
    }
    const p = await runCli(["export", file, "--to", "parquet", "-o", join(d, "x.parquet")]);
    expect(p.code).toBe(1);
    expect(existsSync(join(d, "x.parquet"))).toBe(false);
  });
});
