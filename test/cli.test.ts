/** The built CLI (node dist/cli/main.js): flags, exit codes, stdin, -o folders, workers, resume, signals. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasShared, sharedMissing, sharedRoot } from "./helpers.js";
import { type CliResult, corpusJsonl, ensureBuilt, PAUSED, pauseAfter, ROOT, runCli, spawnCli, tempDir, testPipeline } from "./runner-helpers.js";

let P: string;
beforeAll(async () => {
  await ensureBuilt();
  P = testPipeline();
});

const lines = (s: string) => s.split("\n").filter((l) => l !== "");

describe("statements extract: usage", () => {
  it("--help shows examples and the exit codes", async () => {
    const r = await runCli(["extract", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--workers");
    expect(r.stdout).toContain("--resume");
    expect(r.stdout).toMatch(/130 interrupted/);
    const e = await runCli(["export", "--help"]);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain("Examples:");
    expect(e.stdout).toContain("label-studio");
  });

  it("--help tells the truth: the files its examples name exist, and runs write manifest.json", async () => {
    const commands = [["extract"], ["export"], ["review"], ["export-gold"], ["worker"], ["queue", "status"]];
    const helps = await Promise.all(commands.map((c) => runCli([...c, "--help"])));
    for (const [i, c] of commands.entries()) {
      const h = helps[i]!;
      expect(h.code, c.join(" ")).toBe(0);
      for (const path of h.stdout.match(/\bcorpus\/[\w./-]+/g) ?? []) expect(existsSync(join(ROOT, path)), `${c.join(" ")}: ${path}`).toBe(true);
      expect(h.stdout, c.join(" ")).not.toContain("summary.json");
    }
    expect(helps[2]!.stdout).toContain("manifest.json");
    expect(helps[3]!.stdout).toContain("manifest.json");
  });

  it("a path that does not exist is a usage error (exit 2) with a clear message and nothing on stdout", async () => {
    const r = await runCli(["extract", "no/such/article.txt", "--pipeline", P]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file or directory: no/such/article.txt");
    expect(r.stdout).toBe("");
  });

  it("bad flags are usage errors (exit 2)", async () => {
    const cases = [
      ["extract", "corpus", "--workers", "0"],
      ["extract", "corpus", "--workers", "two"],
      ["extract", "corpus", "--bogus"],
      ["extract", "corpus", "--date", "24/07/2025"],
      ["extract", "corpus", "--resume"],
      ["extract", "corpus", "--pipeline", "no-such-pipeline"],
      ["export", "corpus", "--to", "xlsx"],
      ["export", "no/such/run", "--to", "csv"],
      ["export", "corpus", "--to", "brat", "-o", "x"],
    ];
    const results = await Promise.all(cases.map((args) => runCli(args)));
    for (const [i, args] of cases.entries()) {
      const r = results[i]!;
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/\S/);
      expect(r.stdout, args.join(" ")).toBe("");
    }
  });
});

describe("statements extract and export: an -o that cannot be written", () => {
  const SEED = "corpus/seed-2025-07-24-istanbul-talks.txt";
  it.each([
    ["under a file", ["extract", SEED, "-o", "/dev/null/x", "-q"], "-o /dev/null/x: cannot create the folder (ENOTDIR"],
    ["a file", ["extract", SEED, "-o", "/dev/null", "-q"], "-o /dev/null: Expected a folder, got a file"],
    ...(existsSync("/proc/self") ? [["in /proc", ["extract", SEED, "-o", "/proc/x", "-q"], "-o /proc/x: cannot create the folder"]] : []),
    ["export under a file", ["export", "corpus", "--to", "csv", "-o", "/dev/null/x.csv"], "/dev/null/x.csv"],
  ] as Array<[string, string[], string]>)("%s: one line, exit 2, no stack trace", async (_name, args, message) => {
    if (args[0] === "export") {
      // a run to export
      const dir = tempDir();
      const run = join(dir, "run");
      expect((await runCli(["extract", SEED, "-o", run, "-q"])).code).toBe(0);
      args = ["export", run, ...args.slice(2)];
    }
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("statements extract: the document date", () => {
  it("--date is only a default: the seed's header date wins, with no conflict message", async () => {
    const r = await runCli(["extract", "corpus/seed-2025-07-24-istanbul-talks.txt", "--date", "2020-01-01", "-q"]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.date).toBe("2025-07-24");
    expect(rec.messages.filter((m: { rule: string }) => /date/.test(m.rule))).toEqual([]);
    const may = rec.numbers.find((n: { text: string }) => n.text === "16 May");
    expect(may.date).toBe("2025-05-16");
  });

  it("--date that is no calendar day is a usage error: exit 2, one line, no records", async () => {
    const r = await runCli(["extract", "corpus", "--date", "2025-02-30"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain('--date: "2025-02-30" is not a calendar day');
  });
});

describe("statements extract: runs", () => {
  it("reads JSONL on stdin: one line per document, exit 0 when all are records", async () => {
    const input = `${JSON.stringify({ id: "a", text: '"We will win," said John Smith, the mayor.' })}\n${JSON.stringify({ id: "b", text: "Prices rose, officials said." })}\n`;
    const r = await runCli(["extract", "-", "--pipeline", P, "-q"], { input });
    expect(r.code).toBe(0);
    const recs = lines(r.stdout).map((l) => JSON.parse(l));
    expect(recs.map((x) => x.doc_id)).toEqual(["a", "b"]);
    expect(r.stderr).toBe("");
  });

  it("exit 1 when some documents become error records; stdout holds only JSONL", async () => {
    const input = `${JSON.stringify({ id: "a", text: "He said it was fine." })}\nnot json\n${JSON.stringify({ id: "c" })}\n`;
    const r = await runCli(["extract", "-", "--pipeline", P, "-w", "2"], { input });
    expect(r.code).toBe(1);
    const recs = lines(r.stdout).map((l) => JSON.parse(l));
    expect(recs).toHaveLength(3);
    expect(recs[1].error.code).toBe("bad-jsonl");
    expect(recs[2].error.code).toBe("missing-text");
    expect(r.stderr).toContain("3 document(s): 1 record(s), 2 error record(s)");
  });

  it("-o writes records.jsonl, errors.jsonl and a manifest whose counts add up; nothing on stdout", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, `${corpusJsonl(1)}${JSON.stringify({ id: "empty", text: "  " })}\n{broken\n`);
    const out = join(dir, "out");
    const r = await runCli(["extract", inputs, "--pipeline", P, "-o", out, "-w", "2", "--part-size", "3"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(readdirSync(out).sort()).toEqual(["errors.jsonl", "manifest.json", "records.jsonl"]);
    const recs = lines(readFileSync(join(out, "records.jsonl"), "utf8")).map((l) => JSON.parse(l));
    const errs = lines(readFileSync(join(out, "errors.jsonl"), "utf8")).map((l) => JSON.parse(l));
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.complete).toBe(true);
    expect(m.counts.in).toBe(recs.length);
    expect(m.counts.in).toBe(m.counts.records + m.counts.errors);
    expect(m.counts.errors).toBe(2);
    expect(errs.map((e) => [e.doc_id, e.code])).toEqual([
      ["empty", "empty-document"],
      [`${inputs}:10`, "bad-jsonl"],
    ]);
    expect(m.errors_by_code).toEqual({ "bad-jsonl": 1, "empty-document": 1 });
    expect(m.counts.statements).toBe(recs.reduce((s, x) => s + (x.statements?.length ?? 0), 0));
    expect(m.pipeline.config_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof m.duration_s).toBe("number");
  });

  it("records are byte-identical with 1 and 2 workers, on stdout and in -o", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(2));
    const [one, two, inFolder] = await Promise.all([
      runCli(["extract", inputs, CORPUS_DIR(), "--pipeline", P, "-w", "1", "-q"]),
      runCli(["extract", inputs, CORPUS_DIR(), "--pipeline", P, "-w", "2", "-q"]),
      runCli(["extract", inputs, CORPUS_DIR(), "--pipeline", P, "-w", "2", "-q", "-o", join(dir, "o2")]),
    ]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(inFolder.code).toBe(0);
    expect(lines(one.stdout)).toHaveLength(24);
    expect(two.stdout).toBe(one.stdout);
    expect(readFileSync(join(dir, "o2", "records.jsonl"), "utf8")).toBe(one.stdout);
  });
});

describe.skipIf(!hasShared)(`real news (${hasShared ? "PolNeAR dev" : sharedMissing})`, () => {
  beforeAll(ensureBuilt);
  it("records are byte-identical with 1 and 2 workers on PolNeAR dev", async () => {
    const dev = join(sharedRoot, "data/polnear/dev.jsonl");
    const [one, two] = await Promise.all([runCli(["extract", dev, "-w", "1", "-q"]), runCli(["extract", dev, "-w", "2", "-q"])]);
    expect(one.code, one.stderr).toBe(0);
    expect(lines(one.stdout)).toHaveLength(84);
    expect(two.stdout === one.stdout).toBe(true);
  });
});

function CORPUS_DIR(): string {
  return join(ROOT, "corpus");
}

/** Starts a run that stops after `n` documents (test hook) and sends `sig` once it has stopped there. */
async function stopAt(args: string[], n: number, sig: NodeJS.Signals): Promise<CliResult> {
  const p = spawnCli(args, pauseAfter(n));
  await p.waitForStderr(PAUSED);
  p.child.kill(sig);
  return p.exited;
}

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
const committed = (out: string): Array<{ from: number; to: number }> =>
  JSON.parse(readFileSync(join(out, ".partial", "state.json"), "utf8")).parts;

describe("statements extract: interruptions", () => {
  it("after SIGKILL mid-run, --resume gives output byte-identical to an uninterrupted run", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(20)); // 160 documents
    const ref = join(dir, "ref");
    const out = join(dir, "out");
    const common = [inputs, "--pipeline", P, "--part-size", "8", "-q"];
    const [refRun, killed] = await Promise.all([
      runCli(["extract", ...common, "-o", ref, "-w", "2"]),
      stopAt(["extract", ...common, "-o", out, "-w", "1"], 24, "SIGKILL"),
    ]);
    expect(refRun.code).toBe(0);
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(join(out, "records.jsonl"))).toBe(false);
    // without --resume the unfinished run is not overwritten
    const refused = await runCli(["extract", ...common, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--resume");
    const resumed = await runCli(["extract", ...common.filter((a) => a !== "-q"), "-o", out, "-w", "2", "--resume"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .*: [1-9]\d* document\(s\) already done/);
    expect(readFileSync(join(out, "records.jsonl"), "utf8")).toBe(readFileSync(join(ref, "records.jsonl"), "utf8"));
    expect(readFileSync(join(out, "errors.jsonl"), "utf8")).toBe(readFileSync(join(ref, "errors.jsonl"), "utf8"));
    const m = manifestOf(out);
    expect(m.complete).toBe(true);
    expect(m.counts).toEqual(manifestOf(ref).counts);
    expect(m.sessions.length).toBe(2);
    expect(existsSync(join(out, ".partial"))).toBe(false);
  });

  it("SIGINT finishes the documents in flight, writes an incomplete manifest and exits 130; --resume completes", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(20));
    const out = join(dir, "out");
    const args = ["extract", inputs, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "2"];
    const r = await stopAt(args, 16, "SIGINT");
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("SIGINT");
    const m = manifestOf(out);
    expect(m.complete).toBe(false);
    expect(m.status).toBe("interrupted");
    expect(m.counts.in).toBeGreaterThanOrEqual(16);
    expect(m.counts.in).toBeLessThan(160);
    expect(m.counts.in).toBe(m.counts.records + m.counts.errors);
    const resumed = await runCli([...args, "--resume", "-q"]);
    expect(resumed.code).toBe(0);
    const done = manifestOf(out);
    expect(done.complete).toBe(true);
    expect(done.counts.in).toBe(160);
    expect(lines(readFileSync(join(out, "records.jsonl"), "utf8"))).toHaveLength(160);
  });

  it("a second Ctrl-C exits at once (130), without waiting for the documents in flight", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(20));
    const out = join(dir, "out");
    // paused with batches in flight: the first SIGINT asks to finish them, the second quits there
    const p = spawnCli(["extract", inputs, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "1"], {
      ...pauseAfter(8),
      STATEMENTS_TEST_PAUSE_HOLD: "1",
    });
    await p.waitForStderr(PAUSED);
    p.child.kill("SIGINT");
    await p.waitForStderr(/SIGINT: finishing the documents in flight \(again to quit at once\)/);
    p.child.kill("SIGINT");
    const r = await p.exited;
    expect(r.code).toBe(130);
    // it quit without writing the interrupted manifest: what is committed stays for --resume
    expect(manifestOf(out).status).toBe("running");
    const resumed = await runCli(["extract", inputs, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "1", "--resume", "-q"]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(manifestOf(out).counts.in).toBe(160);
  });

  it("--resume refuses a run made with other inputs", async () => {
    const dir = tempDir();
    const a = join(dir, "a.jsonl");
    writeFileSync(a, corpusJsonl(10));
    const out = join(dir, "out");
    const args = ["extract", a, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "1", "-q"];
    await stopAt(args, 8, "SIGKILL");
    const other = await runCli(["extract", a, CORPUS_DIR(), "--pipeline", P, "-o", out, "--resume"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("inputs differ");
  });
});

describe("statements extract: --resume checks what it skips", () => {
  /** 80 documents, a run killed after 3 parts of 8. */
  async function killedRun(): Promise<{ dir: string; inputs: string; out: string; args: string[] }> {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(10));
    const out = join(dir, "out");
    const args = ["extract", inputs, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "1", "-q"];
    const k = await stopAt(args, 24, "SIGKILL");
    expect(k.signal).toBe("SIGKILL");
    return { dir, inputs, out, args };
  }

  it("an input line edited inside a committed part: refused (exit 2) with the reason, and nothing is changed", async () => {
    const { inputs, out, args } = await killedRun();
    const original = readFileSync(inputs, "utf8");
    const docs = lines(original).map((l) => JSON.parse(l));
    // (part boundaries follow the batches and the clock: read them)
    const { from, to } = committed(out)[1]!;
    docs[from + 1].text = docs[from + 1].text.replace(/\.(\s|$)/, ", they said.$1"); // same id, other text
    writeFileSync(inputs, `${docs.map((d) => JSON.stringify(d)).join("\n")}\n`);
    const partial = readdirSync(join(out, ".partial")).sort();
    const state = readFileSync(join(out, ".partial", "state.json"), "utf8");
    const r = await runCli([...args, "--resume"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`cannot resume the run in ${out}: the documents ${from}–${to - 1} of the inputs have changed since`);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    // the refusal left the run as it was: the original inputs still resume it
    expect(readdirSync(join(out, ".partial")).sort()).toEqual(partial);
    expect(readFileSync(join(out, ".partial", "state.json"), "utf8")).toBe(state);
    writeFileSync(inputs, original);
    const ok = await runCli([...args, "--resume"]);
    expect(ok.code, ok.stderr).toBe(0);
    const ref = await runCli(["extract", inputs, "--pipeline", P, "-w", "1", "-q"]);
    expect(readFileSync(join(out, "records.jsonl"), "utf8") === ref.stdout).toBe(true);
  });

  it("inputs with fewer documents than the run had done: refused", async () => {
    const { inputs, out, args } = await killedRun();
    const done = committed(out).at(-1)!.to;
    writeFileSync(inputs, `${lines(readFileSync(inputs, "utf8")).slice(0, 5).join("\n")}\n`);
    const r = await runCli([...args, "--resume"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`the inputs hold 5 document(s); the interrupted run had done ${done}`);
  });

  it("a complete run: the same inputs say nothing to do (exit 0); other inputs, --date or edited text are refused (exit 2)", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(1));
    const out = join(dir, "out");
    const args = ["extract", inputs, "--pipeline", P, "-o", out, "-w", "1"];
    expect((await runCli([...args, "-q"])).code).toBe(0);
    const same = await runCli([...args, "--resume"]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain("already complete; nothing to do");
    const otherInputs = await runCli(["extract", inputs, CORPUS_DIR(), "--pipeline", P, "-o", out, "--resume"]);
    expect(otherInputs.code).toBe(2);
    expect(otherInputs.stderr).toMatch(/cannot resume .*inputs differ/);
    const otherDate = await runCli([...args, "--date", "2025-01-01", "--resume"]);
    expect(otherDate.code).toBe(2);
    expect(otherDate.stderr).toMatch(/cannot resume .*--date differs/);
    writeFileSync(inputs, corpusJsonl(1).replace("said", "says"));
    const edited = await runCli([...args, "--resume"]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/cannot resume .*changed since/);
    // and the complete run is still there
    expect(manifestOf(out).complete).toBe(true);
  });

  it("a killed run's manifest says running; --resume says that session is stale and marks it killed", async () => {
    const { out, args } = await killedRun();
    const m = manifestOf(out);
    expect(m.status).toBe("running");
    expect(m.counts.in).toBe(committed(out).at(-1)!.to);
    const r = await runCli(args.filter((a) => a !== "-q").concat("--resume"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/stale: the session started .* \(pid \d+\) stopped without finishing \(killed\?\)/);
    const done = manifestOf(out);
    expect(done.sessions.map((s: { status: string }) => s.status)).toEqual(["killed", "complete"]);
  });
});
