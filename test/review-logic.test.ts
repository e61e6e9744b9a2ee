/** The review app's pure parts and loaders: replay, queue orders, Wilson, run loading, the log. */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type DecisionLine, lastUndoable, replay, statementKey } from "../src/review/decisions.js";
import { orderQueue, progress, type QueueItem, sampleEstimate, wilson } from "../src/review/queue.js";
import { ReviewLog, readReviewLog } from "../src/review/review-log.js";
import { loadRun, reviewsPathFor, sha256Hex } from "../src/review/run.js";
import { isLoopback } from "../src/review/server.js";

let seq = 0;
function line(statement: string, decision: DecisionLine["decision"], extra: Partial<DecisionLine> = {}): DecisionLine {
  return { v: 1, seq: seq++, statement_id: statement, doc_id: "d", decision, ts: "t", client: "c1", ...extra };
}

describe("replay", () => {
  const k = (id: string) => statementKey("d", id);
  const rows: [string, DecisionLine[], string | null, boolean?][] = [
    ["accept", [line("s", "accept")], "accepted", false],
    ["reject", [line("s", "reject")], "rejected", false],
    ["last decision wins", [line("s", "accept"), line("s", "reject")], "rejected"],
    ["undo reverts the last", [line("s", "accept"), line("s", "reject"), line("s", "undo")], "accepted"],
    ["undo everything → unreviewed", [line("s", "accept"), line("s", "undo")], null],
    ["edit → edited", [line("s", "edit", { spans: { cue: null } })], "edited", true],
    ["edit then accept: accepted, still changed", [line("s", "edit", { spans: { cue: null } }), line("s", "accept")], "accepted", true],
    ["speaker → edited", [line("s", "speaker", { speaker: null })], "edited", true],
  ];
  for (const [name, lines, status, changed] of rows) {
    it(name, () => {
      const st = replay(lines).states.get(k("s"));
      expect(st?.status ?? null).toBe(status);
      if (changed !== undefined) expect(st?.changed).toBe(changed);
    });
  }

  it("undo names the decision it reverts, even when others came after", () => {
    const a = line("s", "edit", { spans: { cue: null }, client: "A" });
    const b = line("s", "accept", { client: "B" });
    const u = line("s", "undo", { undoes: a.seq, client: "A" });
    const st = replay([a, b, u]).states.get(k("s"));
    expect(st).toMatchObject({ status: "accepted", changed: false, client: "B" });
  });

  it("lastUndoable is the client's own latest effective decision", () => {
    const a = line("s", "accept", { client: "A" });
    const b = line("t", "reject", { client: "B" });
    const a2 = line("t", "accept", { client: "A" });
    const r = replay([a, b, a2, line("t", "undo", { undoes: a2.seq, client: "A" })]);
    expect(lastUndoable(r, "A")?.seq).toBe(a.seq);
    expect(lastUndoable(r, "B")?.seq).toBe(b.seq);
    expect(lastUndoable(r, "C")).toBeNull();
  });
});

describe("queue", () => {
  const items: QueueItem[] = [
    { key: "a", doc: 0, index: 0, confidence: 0.9, start: 10 },
    { key: "b", doc: 0, index: 1, confidence: 0.2, start: 50 },
    { key: "c", doc: 1, index: 0, confidence: 0.5, start: 5 },
    { key: "d", doc: 0, index: 2, confidence: 0.2, start: 30 },
  ];
  it("lowest confidence first, ties in document order", () => {
    expect(orderQueue(items, "confidence").map((i) => i.key)).toEqual(["d", "b", "c", "a"]);
  });
  it("document order", () => {
    expect(orderQueue(items, "document").map((i) => i.key)).toEqual(["a", "d", "b", "c"]);
  });
  it("random sample: a permutation, the same for the same seed", () => {
    const one = orderQueue(items, "sample", 7).map((i) => i.key);
    expect(orderQueue(items, "sample", 7).map((i) => i.key)).toEqual(one);
    expect([...one].sort()).toEqual(["a", "b", "c", "d"]);
    const many = Array.from({ length: 20 }, (_, s) => orderQueue(items, "sample", s + 1).map((i) => i.key).join(""));
    expect(new Set(many).size).toBeGreaterThan(5);
  });
});

describe("estimates", () => {
  it("Wilson interval (known values)", () => {
    const w = wilson(8, 10)!;
    expect(w.p).toBeCloseTo(0.8);
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
    const z = wilson(0, 5)!;
    expect(z.low).toBe(0);
    expect(z.high).toBeCloseTo(0.4345, 3);
    expect(wilson(0, 0)).toBeNull();
  });

  it("the sample is the longest reviewed prefix of the seeded order", () => {
    const items: QueueItem[] = ["a", "b", "c", "d"].map((key, index) => ({ key, doc: 0, index, confidence: 0.5, start: index }));
    const sample = orderQueue(items, "sample", 3);
    const [first, second, third] = sample.map((i) => i.key) as [string, string, string];
    const m = new Map([
      [first, { status: "accepted" as const, spans: {}, changed: false, seq: 0, ts: "", client: "" }],
      [second, { status: "rejected" as const, spans: {}, changed: false, seq: 1, ts: "", client: "" }],
      [sample[3]!.key, { status: "accepted" as const, spans: {}, changed: false, seq: 2, ts: "", client: "" }],
    ]);
    const est = sampleEstimate(sample, m);
    expect(est.n).toBe(2); // stops at the unreviewed third item
    expect(est.correct).toBe(1);
    expect(m.has(third)).toBe(false);
    expect(progress(items.map((i) => i.key), m)).toEqual({ total: 4, reviewed: 3, accepted: 2, edited: 0, rejected: 1 });
  });
});

describe("review log", () => {
  it("appends with increasing seq, survives a torn last line, never rewrites", () => {
    const dir = mkdtempSync(join(tmpdir(), "review-log-"));
    const path = join(dir, "reviews.jsonl");
    const log = new ReviewLog(path);
    log.append({ statement_id: "s", doc_id: "d", decision: "accept", ts: "t", client: "c" });
    log.close();
    const before = readFileSync(path, "utf8");
    appendFileSync(path, '{"v":1,"seq":1,"statement_id":"s"'); // a crash mid-write
    const again = new ReviewLog(path);
    expect(again.warnings).toHaveLength(1);
    again.append({ statement_id: "s", doc_id: "d", decision: "reject", ts: "t", client: "c" });
    again.close();
    const after = readFileSync(path, "utf8");
    expect(after.startsWith(before)).toBe(true);
    const read = readReviewLog(path);
    expect(read.lines.map((l) => [l.seq, l.decision])).toEqual([
      [0, "accept"],
      [1, "reject"],
    ]);
  });
});

describe("loading a run", () => {
  const text = "date 2025-07-24 \nThe minister said the port would reopen.";
  const record = (docId: string, t: string) =>
    JSON.stringify({
      schema_version: "1",
      doc_id: docId,
      text_sha256: sha256Hex(t),
      date: null,
      offsets: "utf16",
      pipeline: { name: "x", version: "0", config_sha256: "0".repeat(64) },
      sentences: [],
      statements: [],
      numbers: [],
      messages: [],
    });

  function runDir(texts: Record<string, string>, recordText = text) {
    const dir = mkdtempSync(join(tmpdir(), "review-run-"));
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, Object.entries(texts).map(([id, t]) => `${JSON.stringify({ id, text: t })}\n`).join(""));
    writeFileSync(
      join(dir, "records.jsonl"),
      `${record("a", recordText)}\n${JSON.stringify({ schema_version: "1", doc_id: "bad", error: { code: "empty-document", message: "empty" } })}\n`,
    );
    return { dir, inputs };
  }

  it("matches texts by doc_id and sha256, counts error records", async () => {
    const { dir, inputs } = runDir({ a: text });
    const run = await loadRun(dir, { inputs: [inputs] });
    expect(run.docs).toHaveLength(1);
    expect(run.docs[0]!.text).toBe(text);
    expect(run.errors.map((e) => e.doc_id)).toEqual(["bad"]);
    expect(run.reviewsPath).toBe(join(dir, "reviews.jsonl"));
  });

  it("matches by sha256 when the doc_id differs (inputs given by another path)", async () => {
    const { dir, inputs } = runDir({ "other-name": text });
    const run = await loadRun(join(dir, "records.jsonl"), { inputs: [inputs] });
    expect(run.docs[0]!.text).toBe(text);
  });

  it("refuses a text that does not match its record, saying why", async () => {
    const { dir, inputs } = runDir({ a: `${text} Edited later.` });
    await expect(loadRun(dir, { inputs: [inputs] })).rejects.toThrow(/do not match the records.*"a": the record indexes a text with sha256/);
  });

  it("uses summary.json inputs by default; asks for --inputs when there are none", async () => {
    const { dir, inputs } = runDir({ a: text });
    await expect(loadRun(dir)).rejects.toThrow(/--inputs/);
    writeFileSync(join(dir, "summary.json"), JSON.stringify({ inputs: [inputs] }));
    expect((await loadRun(dir)).docs[0]!.text).toBe(text);
  });

  it("a document without text is listed, not reviewable", async () => {
    const { dir, inputs } = runDir({ z: "something else entirely" });
    const run = await loadRun(dir, { inputs: [inputs] });
    expect(run.docs[0]!.text).toBeNull();
    expect(run.warnings[0]).toMatch(/no input text matches/);
  });

  it("reviews.jsonl sits beside the records", () => {
    expect(reviewsPathFor("/r/records.jsonl")).toBe("/r/reviews.jsonl");
    expect(reviewsPathFor("/r/out.jsonl")).toBe("/r/out.reviews.jsonl");
  });

  it("binds to loopback addresses only", () => {
    expect(["127.0.0.1", "::1", "localhost"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "192.168.1.2", "example.com"].some(isLoopback)).toBe(false);
  });
});

describe("gold export", () => {
  it("joins the fragments of an interrupted quote into one gold attribution, as PolNeAR does", async () => {
    const { extract } = await import("../src/index.js");
    const { goldDocuments } = await import("../src/review/gold-export.js");
    const text = "“We tried,” the mayor said, “but the money ran out before the summer.”";
    const rec = extract(text, { id: "g" });
    expect(rec.statements).toHaveLength(2);
    const run = {
      dir: "",
      recordsPath: "",
      reviewsPath: "",
      errors: [],
      inputs: [],
      warnings: [],
      docs: [{ index: 0, doc_id: "g", date: null, text_sha256: rec.text_sha256, statements: rec.statements, numbers: [], text }],
    };
    const accepted = { status: "accepted" as const, spans: {}, changed: false, seq: 1, ts: "t" };
    const states = new Map(rec.statements.map((s) => [statementKey("g", s.id), { ...accepted }]));
    const [doc] = goldDocuments(run, states as never);
    expect(doc?.attributions).toHaveLength(1);
    expect(doc?.attributions[0]?.content.map((f) => f.text)).toEqual(["“We tried,”", "“but the money ran out before the summer.”"]);
  });
});
