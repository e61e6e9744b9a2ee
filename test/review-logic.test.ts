/** The review app's pure parts and loaders: replay, queue orders, Wilson, run loading, the log. */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Speaker, Statement } from "../src/index.js";
import { articleProgress } from "../src/review/articles.js";
import { type DecisionLine, lastUndoable, replay, statementKey, statusOf, withAdded } from "../src/review/decisions.js";
import { bandOf, matches, orderQueue, progress, type QueueItem, sampleEstimate, wilson } from "../src/review/queue.js";
import { type Attributed, speakerChoices, speakerForSource } from "../src/review/speakers.js";
import { moveEdge, snapToWords } from "../src/review/word-spans.js";
import { goldDocuments } from "../src/review/gold-export.js";
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
    const [doc] = goldDocuments(run, { states } as never);
    expect(doc?.attributions).toHaveLength(1);
    expect(doc?.attributions[0]?.content.map((f) => f.text)).toEqual(["“We tried,”", "“but the money ran out before the summer.”"]);
  });
});

describe("log lines added for issue 21 (add, flag, done, edits that move the source)", () => {
  const k = (id: string) => statementKey("d", id);
  const span = (start: number, end: number, text: string) => ({ start, end, text });

  it("a log written before them replays as it did (old lines carry none of the new fields)", () => {
    const old: DecisionLine[] = [
      line("s", "edit", { spans: { source: span(0, 4, "Pike") } }),
      line("t", "speaker", { speaker: { name: "Jane", role: null, entity: "manual:Jane", mention: null } }),
      line("t", "accept"),
    ];
    const r = replay(old);
    expect(r.states.get(k("s"))).toMatchObject({ status: "edited", changed: true, spans: { source: { text: "Pike" } } });
    expect(r.states.get(k("s"))).not.toHaveProperty("speaker");
    expect(r.states.get(k("t"))).toMatchObject({ status: "accepted", changed: true, speaker: { name: "Jane" } });
    expect([r.flags.size, r.added.size, r.articles.size]).toEqual([0, 0, 0]);
  });

  it("add creates a statement; undo removes it; a later verdict applies to it", () => {
    const add = line("added-9", "add", { kind: "indirect", spans: { content: span(10, 20, "the levee") }, speaker: null, speaker_needed: true });
    const r = replay([add, line("added-9", "reject")]);
    expect(r.added.get(k("added-9"))?.seq).toBe(add.seq);
    expect(r.states.get(k("added-9"))).toMatchObject({ status: "rejected", added: true, speakerNeeded: true });
    expect(statusOf(r.states.get(k("added-9")))).toBe("rejected");
    expect(statusOf(replay([add]).states.get(k("added-9")))).toBe("added");
    const undone = replay([add, line("added-9", "undo", { undoes: add.seq })]);
    expect(undone.added.size).toBe(0);
    expect(undone.states.size).toBe(0);
    expect(withAdded("d", [], replay([add]).added.values())).toEqual([
      { id: "added-9", kind: "indirect", content: span(10, 20, "the levee"), cue: null, source: null, speaker: null, confidence: 1, numbers: [] },
    ]);
  });

  it("a flag is not a verdict: kept beside it, cleared by unsure false, undoable", () => {
    const f = line("s", "flag", { unsure: true, note: "which ministry?" });
    expect(replay([f]).states.has(k("s"))).toBe(false);
    expect(replay([f]).flags.get(k("s"))?.note).toBe("which ministry?");
    const both = replay([f, line("s", "accept")]);
    expect(both.states.get(k("s"))?.status).toBe("accepted");
    expect(both.flags.has(k("s"))).toBe(true);
    expect(replay([f, line("s", "flag", { unsure: false })]).flags.has(k("s"))).toBe(false);
    expect(replay([f, line("s", "undo", { undoes: f.seq })]).flags.has(k("s"))).toBe(false);
  });

  it("done marks an article; done false and undo take it back", () => {
    const d = line("", "done", { done: true });
    expect(replay([d]).articles.get("d")).toMatchObject({ done: true, seq: d.seq });
    expect(replay([d, line("", "done", { done: false })]).articles.get("d")?.done).toBe(false);
    expect(replay([d, line("", "undo", { undoes: d.seq })]).articles.has("d")).toBe(false);
    expect(replay([d]).states.size).toBe(0);
  });

  it("an edit that moved the source sets the speaker it carries (or speaker needed); a speaker decision clears that", () => {
    const e = line("s", "edit", { spans: { source: span(0, 5, "crowd") }, speaker: null, speaker_needed: true });
    expect(replay([e]).states.get(k("s"))).toMatchObject({ speaker: null, speakerNeeded: true });
    const named = replay([e, line("s", "speaker", { speaker: { name: "A", role: null, entity: "e1", mention: null } })]);
    expect(named.states.get(k("s"))?.speakerNeeded).toBeUndefined();
  });

  it("undo adopts the decisions of a tab that is gone, never those of an open one", () => {
    const a = line("s", "accept", { client: "old" });
    const b = line("t", "accept", { client: "open" });
    const r = replay([a, b]);
    expect(lastUndoable(r, "new")).toBeNull();
    expect(lastUndoable(r, "new", (c) => c === "old")?.seq).toBe(a.seq);
    expect(lastUndoable(r, "new", () => true)?.seq).toBe(b.seq);
    expect(lastUndoable(r, "open", () => true)?.seq).toBe(b.seq);
  });
});

describe("word spans", () => {
  const text = "Pike said she expected it to pass, though “not by much”. Pike’s aide agreed.";
  const at = (w: string) => text.indexOf(w);
  const rows: [string, number, number, string][] = [
    ["inside a word", at("expected") + 1, at("expected") + 7, "expected"],
    ["across words, both edges inside", at("said") + 2, at("expected") + 3, "said she expected"],
    ["whole words stay", at("she"), at("she") + 3, "she"],
    ["an apostrophe is a boundary", at("Pike’s"), at("Pike’s") + 3, "Pike"],
    ["quotation marks are their own tokens", at("“not") + 1, at("much”") + 2, "not by much"],
    ["spaces are trimmed", at("she") - 1, at("she") + 4, "she"],
  ];
  for (const [name, s, e, want] of rows) {
    it(`snaps: ${name}`, () => {
      const r = snapToWords(text, s, e);
      expect(text.slice(r.start, r.end)).toBe(want);
    });
  }

  it("moves edges one token (a word or a punctuation mark) at a time, never to nothing", () => {
    const s = { start: at("she"), end: at("pass") + 4 };
    const show = (r: { start: number; end: number }) => text.slice(r.start, r.end);
    expect(show(moveEdge(text, s, "end", 1))).toBe("she expected it to pass,");
    expect(show(moveEdge(text, s, "end", -1))).toBe("she expected it to");
    expect(show(moveEdge(text, s, "start", -1))).toBe("said she expected it to pass");
    expect(show(moveEdge(text, s, "start", 1))).toBe("expected it to pass");
    const one = { start: at("she"), end: at("she") + 3 };
    expect(moveEdge(text, one, "start", 1)).toEqual(one);
    expect(moveEdge(text, one, "end", -1)).toEqual(one);
    expect(moveEdge(text, { start: 0, end: 4 }, "start", -1)).toEqual({ start: 0, end: 4 });
    expect(moveEdge(text, { start: text.length - 1, end: text.length }, "end", 1)).toEqual({ start: text.length - 1, end: text.length });
  });
});

describe("speakers for the reviewer", () => {
  const sp = (name: string | null, role: string | null, entity: string, mention: { start: number; end: number } | null = null): Speaker => ({
    name,
    role,
    entity,
    mention: mention ? { ...mention, text: "" } : null,
  });

  it("merges near-duplicates: case and article, a role naming a speaker, a role inside a speaker's role", () => {
    const merged = speakerChoices([
      sp(null, "diplomats", "e1"),
      sp("Diplomats", null, "e2"),
      sp(null, "a report by the city auditor, Dr. Helen Osei", "e3"),
      sp("Helen Osei", null, "e4"),
      sp(null, "a retired schoolteacher who leads a residents’ group", "e5"),
      sp("Lorraine Beckett", "a retired schoolteacher who leads a residents’ group called Keep the Flats", "e6"),
      sp(null, "several diplomats", "e7"),
      sp(null, "the mayor's office", "e8"),
      sp("Denise Achterberg", "Mayor", "e9"),
    ]);
    expect(merged.map((s) => s.entity)).toEqual(["e2", "e4", "e6", "e7", "e8", "e9"]);
  });

  it("the speaker a new source names: a mention inside it, else a name or surname, else none", () => {
    const text = "Mayor Rosalind Pike spoke. Walter Haskins, 78, listened. Later Pike said no. Many families in the Flats worry.";
    const mk = (name: string, role: string | null, entity: string, w: string): Attributed => {
      const start = text.indexOf(w);
      const s = sp(name, role, entity, { start, end: start + w.length });
      return { statement: { source: null } as unknown as Statement, speaker: s, source: null };
    };
    const all = [mk("Rosalind Pike", "Mayor", "e1", "Rosalind Pike"), mk("Walter Haskins", null, "e2", "Walter Haskins")];
    const range = (w: string, from = 0) => {
      const start = text.indexOf(w, from);
      return { start, end: start + w.length, text: w };
    };
    expect(speakerForSource(text, all, range("Walter Haskins, 78"))?.entity).toBe("e2");
    expect(speakerForSource(text, all, range("Pike", 40))?.entity).toBe("e1");
    expect(speakerForSource(text, all, range("Many families in the Flats"))).toBeNull();
    expect(speakerForSource(text, [...all, mk("Anna Pike", null, "e3", "Mayor")], range("Pike", 40))).toBeNull();
  });
});

describe("articles and the gold they give", () => {
  const st = (status: "accepted" | "rejected") => ({ status, spans: {}, changed: false, seq: 0, ts: "", client: "" });
  it("finished: every statement decided, or marked done; an empty article only when marked done", () => {
    const states = new Map([[statementKey("d", "a"), st("accepted")]]);
    expect(articleProgress("d", ["a", "b"], states, undefined)).toMatchObject({ decided: 1, total: 2, finished: false, state: "open" });
    expect(articleProgress("d", ["a"], states, undefined)).toMatchObject({ finished: true, state: "finished" });
    expect(articleProgress("d", ["a", "b"], states, { done: true, seq: 1, ts: "", client: "" })).toMatchObject({ finished: true, state: "done" });
    expect(articleProgress("e", [], states, undefined)).toMatchObject({ finished: false, state: "open" });
    expect(articleProgress("e", [], states, { done: true, seq: 1, ts: "", client: "" }).finished).toBe(true);
  });

  it("the by-article order keeps each article together, lowest confidence first inside it", () => {
    const items: QueueItem[] = [
      { key: "a", doc: 1, index: 0, confidence: 0.2, start: 0 },
      { key: "b", doc: 0, index: 0, confidence: 0.9, start: 0 },
      { key: "c", doc: 0, index: 1, confidence: 0.3, start: 10 },
      { key: "d", doc: 1, index: 1, confidence: 0.1, start: 10 },
    ];
    expect(orderQueue(items, "article").map((i) => i.key)).toEqual(["c", "b", "d", "a"]);
  });

  it("filters: every one must hold; bands split at 0.5 and 0.75", () => {
    const facts = { doc: "d", speaker: "Pike", kind: "direct", cue_type: "speech", confidence: 0.6, status: "accepted" as const, unsure: true };
    expect(matches({}, facts)).toBe(true);
    expect(matches({ kind: "direct", band: "mid", speaker: "Pike" }, facts)).toBe(true);
    expect(matches({ kind: "direct", band: "low" }, facts)).toBe(false);
    expect(matches({ status: "unsure" }, facts)).toBe(true);
    expect(matches({ status: "undecided" }, facts)).toBe(false);
    expect([0.49, 0.5, 0.749, 0.75].map(bandOf)).toEqual(["low", "mid", "mid", "high"]);
  });
});

describe("gold export: finished articles only", () => {
  const text = "The mayor said the levee holds. Engineers said it will not. A resident said nothing.";
  const sp = (w: string) => {
    const start = text.indexOf(w);
    return { start, end: start + w.length, text: w };
  };
  const stmt = (id: string, source: string, content: string): Statement => ({
    id,
    kind: "indirect",
    content: sp(content),
    cue: null,
    source: sp(source),
    speaker: null,
    confidence: 0.5,
    numbers: [],
  });
  const doc = (id: string) => ({
    index: 0,
    doc_id: id,
    date: null,
    text_sha256: "",
    numbers: [],
    text,
    statements: [stmt("a", "The mayor", "the levee holds"), stmt("b", "Engineers", "it will not")],
  });
  const run = { dir: "", recordsPath: "", reviewsPath: "", errors: [], inputs: [], warnings: [], docs: [doc("one"), doc("two"), doc("three")] };
  const l = (docId: string, id: string, decision: DecisionLine["decision"], extra: Partial<DecisionLine> = {}) =>
    line(id, decision, { doc_id: docId, ...extra });
  const log = [
    // one: both decided (b rejected), a flagged unsure
    l("one", "a", "accept"),
    l("one", "b", "reject"),
    l("one", "a", "flag", { unsure: true, note: "really the mayor?" }),
    // two: one accepted, one added, then marked done (b undecided)
    l("two", "a", "accept"),
    l("two", "added-90", "add", { kind: "indirect", spans: { content: sp("nothing"), source: sp("A resident"), cue: null }, speaker: null }),
    l("two", "", "done", { done: true }),
    // three: one decision, not finished
    l("three", "a", "accept"),
  ];

  it("writes finished and done articles; undecided statements of a done article as 'article-done'; flags ride along", () => {
    const counts = { rejected: 0, unreviewed: 0, unfinished: 0 };
    const gold = goldDocuments(run, replay(log), {}, counts);
    expect(gold.map((d) => d.id)).toEqual(["one", "two"]);
    expect(gold[0]!.attributions).toEqual([expect.objectContaining({ id: "a", review: "accepted", unsure: true, note: "really the mayor?" })]);
    expect(gold[1]!.attributions.map((a) => [a.id, a.review])).toEqual([
      ["a", "accepted"],
      ["b", "article-done"],
      ["added-90", "added"],
    ]);
    expect(gold[1]!.attributions[2]).toMatchObject({ content: [sp("nothing")], source: [sp("A resident")], cue: [] });
    expect(counts).toEqual({ rejected: 1, unreviewed: 0, unfinished: 1 });
  });

  it("includePartial adds unfinished articles with their decided statements only", () => {
    const gold = goldDocuments(run, replay(log), { includePartial: true });
    expect(gold.map((d) => d.id)).toEqual(["one", "two", "three"]);
    expect(gold[2]!.attributions.map((a) => a.id)).toEqual(["a"]);
  });

  it("a rejected added statement stays out", () => {
    const gold = goldDocuments(run, replay([...log, l("two", "added-90", "reject")]));
    expect(gold[1]!.attributions.map((a) => a.id)).toEqual(["a", "b"]);
  });
});
