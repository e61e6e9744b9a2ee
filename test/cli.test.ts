/** The built CLI (node dist/cli/main.js): flags, exit codes, stdin, -o folders, workers, resume, signals. */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasShared, sharedMissing, sharedRoot } from "./helpers.js";
import { CLI, corpusJsonl, ensureBuilt, ROOT, runCli, tempDir, testPipeline } from "./runner-helpers.js";

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
  beforeAll(ensureBuilt, 300_000);
  it("records are byte-identical with 1 and 2 workers on PolNeAR dev", { timeout: 180_000 }, async () => {
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

/** Spawns the CLI and calls `when` with the child once `ready()` is true (polled). */
function spawnAndSignal(args: string[], ready: () => boolean, act: (pid: number) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        act(child.pid!);
      }
    }, 50);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

function committedParts(out: string): number {
  const p = join(out, ".partial");
  return existsSync(p) ? readdirSync(p).filter((f) => /^\d+-\d+\.jsonl$/.test(f)).length : 0;
}

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
      spawnAndSignal(["extract", ...common, "-o", out, "-w", "1"], () => committedParts(out) >= 3, (pid) => process.kill(pid, "SIGKILL")),
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
    expect(resumed.stderr).toMatch(/resuming .*: \d+ document\(s\) already done/);
    expect(readFileSync(join(out, "records.jsonl"), "utf8")).toBe(readFileSync(join(ref, "records.jsonl"), "utf8"));
    expect(readFileSync(join(out, "errors.jsonl"), "utf8")).toBe(readFileSync(join(ref, "errors.jsonl"), "utf8"));
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.complete).toBe(true);
    expect(m.counts).toEqual(JSON.parse(readFileSync(join(ref, "manifest.json"), "utf8")).counts);
    expect(m.sessions.length).toBe(2);
    expect(existsSync(join(out, ".partial"))).toBe(false);
  });

  it("SIGINT finishes the documents in flight, writes an incomplete manifest and exits 130; --resume completes", async () => {
    const dir = tempDir();
    const inputs = join(dir, "in.jsonl");
    writeFileSync(inputs, corpusJsonl(20));
    const out = join(dir, "out");
    const args = ["extract", inputs, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "2"];
    const r = await spawnAndSignal(args, () => committedParts(out) >= 2, (pid) => process.kill(pid, "SIGINT"));
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("SIGINT");
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.complete).toBe(false);
    expect(m.counts.in).toBeGreaterThan(0);
    expect(m.counts.in).toBeLessThan(160);
    expect(m.counts.in).toBe(m.counts.records + m.counts.errors);
    const resumed = await runCli([...args, "--resume", "-q"]);
    expect(resumed.code).toBe(0);
    const done = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(done.complete).toBe(true);
    expect(done.counts.in).toBe(160);
    expect(lines(readFileSync(join(out, "records.jsonl"), "utf8"))).toHaveLength(160);
  });

  it("--resume refuses a run made with other inputs", async () => {
    const dir = tempDir();
    const a = join(dir, "a.jsonl");
    writeFileSync(a, corpusJsonl(10));
    const out = join(dir, "out");
    const args = ["extract", a, "--pipeline", P, "--part-size", "8", "-o", out, "-w", "1", "-q"];
    await spawnAndSignal(args, () => committedParts(out) >= 1, (pid) => process.kill(pid, "SIGKILL"));
    const other = await runCli(["extract", a, CORPUS_DIR(), "--pipeline", P, "-o", out, "--resume"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("inputs differ");
  });
});
