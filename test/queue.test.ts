/**
 * The Redis queue executor end to end: a real redis-server (temp dir, free port, append-only file),
 * the built CLI as producer (extract --queue) and as worker processes. Faults: a worker SIGKILLed
 * mid-job, a document that kills every worker, the producer SIGKILLed then --resume, Redis restarted
 * mid-run, a bad or unreachable --queue. Output is compared with a local run (-w 1) of the same inputs.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PREFIX, queueNameForRun } from "../src/runner/queue.js";
import { stuckHint } from "../src/runner/queue-executor.js";
import { DEFAULT_LOCK_MS, DEFAULT_STALLED_MS, DEFAULT_STOP_TIMEOUT_MS, STALLED_PICKUP_MS } from "../src/runner/queue-worker.js";
import { CLI, CORPUS, ensureBuilt, ROOT, runCli, tempDir, testPipeline } from "./runner-helpers.js";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
const title = hasRedis
  ? "extract --queue with statements worker (real redis-server)"
  : "extract --queue (SKIPPED: redis-server is not installed; run `bash scripts/test-deps.sh redis-server` as root)";

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a condition (a file, a log line, a queue count): the deadline only turns a hang into a message. */
async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 400_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const procs = new Set<ChildProcess>();

function start(cmd: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  procs.add(child);
  let err = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (err += d));
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (code, signal) => {
      procs.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, stderr: () => err, exited };
}

// ---------------------------------------------------------------- Redis

let port = 0;
let redisDir = "";
let redis: Proc | undefined;
let URL_ = "";

async function startRedis(): Promise<void> {
  const p = start("redis-server", [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    redisDir,
    "--appendonly",
    "yes",
    "--save",
    "",
    "--daemonize",
    "no",
  ]);
  await waitFor("redis-server to start", () => p.stderr().includes("Ready to accept connections"));
  redis = p;
}

async function stopRedis(): Promise<void> {
  if (!redis) return;
  redis.child.kill("SIGTERM"); // Redis writes its append-only file and exits
  await redis.exited;
  redis = undefined;
}

// ---------------------------------------------------------------- workers

const WORKER_FLAGS = ["--lock-ms", "2000", "--stalled-ms", "500", "--max-stalls", "1", "--poll-ms", "100"];

function startWorker(run: string, env: Record<string, string> = {}): Proc {
  return start(process.execPath, [CLI, "worker", "--queue", URL_, "--run", run, ...WORKER_FLAGS], env);
}

/** Stops workers gracefully; returns the documents each processed ("stopped after …"). */
async function stopWorkers(ws: Proc[]): Promise<number[]> {
  for (const w of ws) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGTERM");
  await Promise.all(ws.map((w) => w.exited));
  return ws.map((w) => Number(/stopped after \d+ job\(s\), (\d+) document\(s\)/.exec(w.stderr())?.[1] ?? 0));
}

/** Keeps `n` workers running like a process supervisor would: a worker that dies is started again. */
function supervise(run: string, n: number, env: Record<string, string>) {
  let stopping = false;
  const all: Proc[] = [];
  let restarts = 0;
  const keep = (): void => {
    const w = startWorker(run, env);
    all.push(w);
    void w.exited.then(({ signal }) => {
      if (stopping || signal !== "SIGKILL") return;
      restarts++;
      keep();
    });
  };
  for (let i = 0; i < n; i++) keep();
  return {
    restarts: () => restarts,
    logs: () => all.map((w) => w.stderr()).join(""),
    stop: async () => {
      stopping = true;
      await stopWorkers(all);
    },
  };
}

function committedParts(out: string): number {
  const p = join(out, ".partial");
  return existsSync(p) ? readdirSync(p).filter((f) => /^\d+-\d+\.jsonl$/.test(f)).length : 0;
}

// ---------------------------------------------------------------- inputs

let P: string;
let dir: string;
let input: string;
let refRecords: string;
const N = 2000;

/** 2,000 short documents: the corpus articles' lines (≥ 20 characters), cycled, under their own ids. */
function writeInputs(path: string, n: number): void {
  const texts: string[] = [];
  for (const f of readdirSync(CORPUS).filter((x) => x.endsWith(".txt")).sort()) {
    for (const l of readFileSync(join(CORPUS, f), "utf8").split("\n")) if (l.trim().length >= 20) texts.push(l.trim());
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(JSON.stringify({ id: `s${i}`, text: texts[i % texts.length] }));
  writeFileSync(path, `${out.join("\n")}\n`);
}

describe.skipIf(!hasRedis)(title, () => {
  beforeAll(async () => {
    await ensureBuilt();
    P = testPipeline();
    dir = tempDir("statements-queue-");
    redisDir = join(dir, "redis");
    port = await freePort();
    URL_ = `redis://127.0.0.1:${port}/0`;
    spawnSync("mkdir", ["-p", redisDir]);
    await startRedis();
    input = join(dir, "in.jsonl");
    writeInputs(input, N);
    const ref = await runCli(["extract", input, "--pipeline", P, "-o", join(dir, "ref"), "-w", "1", "-q"]);
    expect(ref.code, ref.stderr).toBe(0);
    refRecords = readFileSync(join(dir, "ref", "records.jsonl"), "utf8");
    expect(lines(refRecords)).toHaveLength(N);
  });

  afterAll(async () => {
    for (const c of procs) if (c !== redis?.child) c.kill("SIGKILL");
    await stopRedis();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("3 workers, one SIGKILLed mid-job: the job is re-run, records.jsonl is byte-identical to -w 1; the window holds", async () => {
    const out = join(dir, "kill-worker");
    const mark = join(dir, "paused.mark");
    // the first worker to get s1000 hangs mid-job (test hook), so that the kill is surely mid-job
    const env = { STATEMENTS_TEST_PAUSE_ON: "s1000", STATEMENTS_TEST_PAUSE_MARK: mark };
    const workers = [startWorker(out, env), startWorker(out, env), startWorker(out, env)];
    const window = 20;
    const producer = start(process.execPath, [
      CLI, "extract", input, "--pipeline", P, "-o", out, "--queue", URL_,
      "--queue-window", String(window), "--queue-batch", "8", "--part-size", "200", "--progress-interval", "1",
    ]);
    // back-pressure: never more unfinished jobs in Redis than the window
    const client = new Redis(port, "127.0.0.1");
    const queue = new Queue(queueNameForRun(out), { connection: client, prefix: PREFIX, skipMetasUpdate: true });
    let maxUnfinished = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const c = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
        maxUnfinished = Math.max(maxUnfinished, Object.values(c).reduce((a, b) => a + b, 0));
        await sleep(30);
      }
    })();
    await waitFor("a worker to pause on s1000", () => workers.some((w) => w.stderr().includes("pausing on s1000")));
    const victim = workers.find((w) => w.stderr().includes("pausing on s1000"))!;
    // queue status while the run is under way (not a terminal: plain lines, once)
    const status = await runCli(["queue", "status", out, "--queue", URL_]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/: running; queue run\.kill-worker\./);
    expect(status.stdout).toMatch(/jobs: \d+ waiting, [1-9]\d* active, \d+ done \(not yet collected\), 0 failed/);
    expect(status.stdout).toMatch(/documents: \d+\/2000 done/);
    victim.child.kill("SIGKILL");
    const r = await producer.exited;
    sampling = false;
    await sampler;
    await queue.close();
    client.disconnect();
    expect(r.code, producer.stderr()).toBe(0);
    const survivors = workers.filter((w) => w !== victim);
    const logs = survivors.map((w) => w.stderr()).join("");
    expect(logs).toMatch(/job b8-[0-9a-f]+ of run\.kill-worker\.[0-9a-f]+ stalled/);
    await stopWorkers(survivors);
    expect(readFileSync(join(out, "records.jsonl"), "utf8") === refRecords).toBe(true);
    expect(readFileSync(join(out, "errors.jsonl"), "utf8")).toBe("");
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.complete).toBe(true);
    expect(m.counts).toMatchObject({ in: N, records: N, errors: 0 });
    expect(m.options.queue).toBe(URL_);
    expect(maxUnfinished).toBeGreaterThan(0);
    expect(maxUnfinished).toBeLessThanOrEqual(window);
    // the finished run leaves nothing in Redis
    const check = new Redis(port, "127.0.0.1");
    const keys = await check.keys(`${PREFIX}:*`);
    check.disconnect();
    expect(keys.filter((k) => k.includes("kill-worker"))).toEqual([]);
  });

  it("a document that kills every worker becomes an error record after its attempts; the run finishes", async () => {
    const small = join(dir, "small.jsonl");
    writeFileSync(small, `${lines(readFileSync(input, "utf8")).slice(0, 60).join("\n")}\n`);
    const out = join(dir, "poison");
    const pool = supervise(out, 2, { STATEMENTS_TEST_CRASH_ON: "s17" });
    const r = await runCli(["extract", small, "--pipeline", P, "-o", out, "--queue", URL_, "--queue-batch", "8", "--part-size", "20"]);
    await pool.stop();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("s17: worker-crashed");
    // the batch stalled twice (failed, split into one job per document), then s17's own job twice
    expect(pool.restarts()).toBeGreaterThanOrEqual(4);
    const got = lines(readFileSync(join(out, "records.jsonl"), "utf8"));
    const want = lines(refRecords).slice(0, 60);
    expect(got).toHaveLength(60);
    for (let i = 0; i < 60; i++) {
      if (i === 17) continue;
      expect(got[i] === want[i], `record ${i}`).toBe(true);
    }
    const poison = JSON.parse(got[17]!);
    expect(poison.doc_id).toBe("s17");
    expect(poison.error.code).toBe("worker-crashed");
    expect(poison.error.message).toContain("stalled more than allowable limit");
    const errs = lines(readFileSync(join(out, "errors.jsonl"), "utf8")).map((l) => JSON.parse(l));
    expect(errs).toEqual([{ index: 17, doc_id: "s17", code: "worker-crashed", message: poison.error.message }]);
  });

  it("the producer SIGKILLed, then --resume: finished parts are kept, jobs finished meanwhile are collected", async () => {
    const out = join(dir, "kill-producer");
    const workers = [startWorker(out), startWorker(out)];
    const args = [
      "extract", input, "--pipeline", P, "-o", out, "--queue", URL_,
      "--queue-window", "30", "--queue-batch", "10", "--part-size", "100", "-q",
    ];
    // the producer freezes after 300 documents (runner test hook) with its window of jobs out; the
    // workers go on with them
    const first = start(process.execPath, [CLI, ...args], { STATEMENTS_TEST_PAUSE_AFTER: "300", STATEMENTS_TEST_PAUSE_FREEZE: "1" });
    await waitFor("the producer to pause after 300 documents", () => /test hook: paused after/.test(first.stderr()));
    expect(committedParts(out)).toBeGreaterThanOrEqual(1);
    first.child.kill("SIGKILL");
    await first.exited;
    // the run is still registered (workers finish its jobs), but queue status knows the producer is gone
    const status = await runCli(["queue", "status", out, "--queue", URL_]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/: stale: the producer \(pid \d+, started [^)]+\) is gone: killed\? \(workers go on with its jobs; continue with extract … --resume\)/);
    // the workers finish the jobs the producer had added; they stay in Redis for the next session
    const client = new Redis(port, "127.0.0.1");
    const queue = new Queue(queueNameForRun(out), { connection: client, prefix: PREFIX, skipMetasUpdate: true });
    await waitFor("the queue to drain", async () => {
      const c = await queue.getJobCounts("waiting", "active");
      return (c.waiting ?? 0) + (c.active ?? 0) === 0;
    });
    const leftover = (await queue.getJobCounts("completed")).completed ?? 0;
    await queue.close();
    client.disconnect();
    expect(leftover).toBeGreaterThan(0);
    const resumed = await runCli(args.filter((a) => a !== "-q").concat("--resume"));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .*: [1-9]\d* document\(s\) already done/);
    const processed = await stopWorkers(workers);
    expect(readFileSync(join(out, "records.jsonl"), "utf8") === refRecords).toBe(true);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.complete).toBe(true);
    expect(m.sessions).toHaveLength(2);
    // committed parts were not redone, nor the jobs finished while no producer was there; only the
    // documents collected but not yet committed (less than a part and a job) were processed twice
    const total = processed.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(N);
    expect(total).toBeLessThan(N + 100 + 10);
  });

  it("SIGINT stops the producer at once (exit 130), leaving its unfinished jobs for --resume", async () => {
    const small = join(dir, "small300.jsonl");
    writeFileSync(small, `${lines(readFileSync(input, "utf8")).slice(0, 300).join("\n")}\n`);
    const out = join(dir, "sigint");
    const mark = join(dir, "sigint.mark");
    const paused = startWorker(out, { STATEMENTS_TEST_PAUSE_ON: "s150", STATEMENTS_TEST_PAUSE_MARK: mark });
    const args = [CLI, "extract", small, "--pipeline", P, "-o", out, "--queue", URL_, "--queue-batch", "10", "--part-size", "50"];
    const producer = start(process.execPath, args);
    await waitFor("the worker to pause on s150", () => paused.stderr().includes("pausing on s150"));
    producer.child.kill("SIGINT");
    const r = await producer.exited;
    expect(r.code, producer.stderr()).toBe(130);
    expect(producer.stderr()).toMatch(/job\(s\) left in the queue/);
    const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(m.complete).toBe(false);
    expect(m.counts.in).toBeLessThanOrEqual(150);
    paused.child.kill("SIGKILL");
    const worker = startWorker(out);
    const resumed = await runCli(args.slice(1).concat("--resume", "-q"));
    expect(resumed.code, resumed.stderr).toBe(0);
    const [processed] = await stopWorkers([worker]);
    expect(readFileSync(join(out, "records.jsonl"), "utf8") === `${lines(refRecords).slice(0, 300).join("\n")}\n`).toBe(true);
    // the new worker did the stalled job and whatever the paused one had not: not the whole input
    expect(processed).toBeLessThan(300);
  });

  it("Redis restarted mid-run (append-only file): workers and producer reconnect and the run completes", async () => {
    const out = join(dir, "restart");
    const workers = [startWorker(out), startWorker(out)];
    const producer = start(process.execPath, [
      CLI, "extract", input, "--pipeline", P, "-o", out, "--queue", URL_,
      "--queue-window", "20", "--queue-batch", "8", "--part-size", "100", "--progress-interval", "1",
    ]);
    await waitFor("2 committed parts", () => committedParts(out) >= 2);
    await stopRedis();
    // Redis stays away until the producer and both workers have noticed (not for a guessed time)
    const noticed = () => [producer, ...workers].every((p) => p.stderr().includes("lost the connection to Redis"));
    await waitFor("the producer and the workers to notice that Redis is gone", noticed);
    await startRedis();
    const r = await producer.exited;
    expect(r.code, producer.stderr()).toBe(0);
    expect(producer.stderr()).toContain("reconnected to Redis");
    await stopWorkers(workers);
    expect(workers.map((w) => w.stderr()).join("")).toContain("reconnected to Redis");
    expect(readFileSync(join(out, "records.jsonl"), "utf8") === refRecords).toBe(true);
  });

  it("a worker whose Redis is gone stops on SIGTERM and on SIGINT, saying what it left", async () => {
    // a Redis of its own, killed under the workers
    const own = join(dir, "redis-gone");
    spawnSync("mkdir", ["-p", own]);
    const ownPort = await freePort();
    const ownUrl = `redis://127.0.0.1:${ownPort}/0`;
    const r2 = start("redis-server", ["--port", String(ownPort), "--bind", "127.0.0.1", "--dir", own, "--save", "", "--appendonly", "no"]);
    await waitFor("the second redis-server to start", () => r2.stderr().includes("Ready to accept connections"));
    const out = join(dir, "gone");
    const small = join(dir, "gone.jsonl");
    writeFileSync(small, `${lines(readFileSync(input, "utf8")).slice(0, 40).join("\n")}\n`);
    const flags = ["--lock-ms", "2000", "--stalled-ms", "500", "--poll-ms", "100", "--stop-timeout-ms", "3000"];
    const mark = join(dir, "gone.mark");
    // one worker holds a job (test hook), one serves nothing and is idle
    const busy = start(process.execPath, [CLI, "worker", "--queue", ownUrl, "--run", out, ...flags], {
      STATEMENTS_TEST_PAUSE_ON: "s5",
      STATEMENTS_TEST_PAUSE_MARK: mark,
    });
    const idle = start(process.execPath, [CLI, "worker", "--queue", ownUrl, "--run", join(dir, "no-such-run"), ...flags]);
    const producer = start(process.execPath, [CLI, "extract", small, "--pipeline", P, "-o", out, "--queue", ownUrl, "--queue-batch", "4", "-q"]);
    await waitFor("the worker to pause on s5", () => busy.stderr().includes("pausing on s5"));
    await waitFor("the idle worker to start", () => idle.stderr().includes("taking jobs"));
    r2.child.kill("SIGKILL");
    await r2.exited;
    producer.child.kill("SIGKILL");
    await waitFor("the workers to notice", () => busy.stderr().includes("lost the connection") && idle.stderr().includes("lost the connection"));
    busy.child.kill("SIGTERM");
    idle.child.kill("SIGINT");
    const [b, i] = await Promise.all([busy.exited, idle.exited]);
    expect(b.code, busy.stderr()).toBe(1);
    expect(busy.stderr()).toMatch(
      /SIGTERM: finishing the jobs in hand, for 3 s at most[\s\S]*stopped without finishing after waiting 3 s \(Redis at redis:\/\/127\.0\.0\.1:\d+\/0 is unreachable\): left 1 job\(s\) in hand: b4-[0-9a-f]+ of run\.gone\.[0-9a-f]+; their locks expire within 2 s/,
    );
    expect(i.code, idle.stderr()).toBe(0);
    // nothing in hand: it either closes at once ("stopped after 0 job(s)") or, when the close waits on
    // the dead Redis, says it left nothing — which one depends on where ioredis is in its reconnecting
    expect(idle.stderr()).toMatch(
      /SIGINT: [\s\S]*stopped (after 0 job\(s\)|without finishing \(Redis at .* is unreachable\): nothing was in hand)/,
    );
  });

  it("a bad --queue URL or an unreachable Redis is a usage error (exit 2) within seconds", async () => {
    const closed = await freePort();
    const out = join(dir, "bad");
    const cases = [
      ["extract", input, "-o", out, "--queue", "not a url"],
      ["extract", input, "-o", out, "--queue", "http://127.0.0.1:6379/0"],
      ["extract", input, "-o", out, "--queue", `redis://127.0.0.1:${port}/zero`],
      ["extract", input, "-o", out, "--queue", `redis://127.0.0.1:${closed}/0`],
      ["extract", input, "--queue", URL_],
      ["extract", input, "-o", out, "--queue", URL_, "-w", "2"],
      ["worker", "--queue", `redis://127.0.0.1:${closed}/0`],
      ["queue", "status", out, "--queue", `redis://127.0.0.1:${closed}/0`],
    ];
    // none retries forever: each exits by itself (the connect timeout is 3 s), not by runCli's kill;
    // how fast is not asserted here (a loaded machine), only that it ends with a usage error
    const results = await Promise.all(cases.map((a) => runCli(a)));
    for (const [i, args] of cases.entries()) {
      const r = results[i]!;
      expect(r.signal, args.join(" ")).toBeNull();
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/^statements: /);
    }
    expect(results[0]!.stderr).toContain("Expected a Redis URL like redis://host:6379/0");
    expect(results[3]!.stderr).toContain(`cannot reach Redis at redis://127.0.0.1:${closed}/0`);
    expect(results[6]!.stderr).toContain("cannot reach Redis");
    // nothing was started in the run folder
    expect(existsSync(out)).toBe(false);
  });
});

describe("queue settings, docs and messages (no Redis)", () => {
  it("docs/queue.md and worker --help give the stalled-job pick-up the settings give", async () => {
    await ensureBuilt();
    expect(STALLED_PICKUP_MS).toBe(DEFAULT_LOCK_MS + 2 * DEFAULT_STALLED_MS);
    expect(STALLED_PICKUP_MS).toBeLessThanOrEqual(30_000);
    const docs = readFileSync(join(ROOT, "docs", "queue.md"), "utf8").replace(/\s+/g, " ");
    expect(docs).toContain(`a lock lasts ${DEFAULT_LOCK_MS / 1000} s`);
    expect(docs).toContain(`stalled jobs every ${DEFAULT_STALLED_MS / 1000} s`);
    expect(docs).toContain(`within ${STALLED_PICKUP_MS / 1000} s`);
    expect(docs).toContain(`after ${DEFAULT_STOP_TIMEOUT_MS / 1000} s`);
    const help = await runCli(["worker", "--help"]);
    expect(help.stdout.replace(/\s+/g, " ")).toContain(`go back to the queue within ${STALLED_PICKUP_MS / 1000} s`);
  });

  it("the producer asks whether workers run only when none is connected", () => {
    const base = { queue: "run.x.0123456789", url: "redis://h:6379/0", quietS: 15 };
    expect(stuckHint({ ...base, active: 1, workers: 1 })).toBe("statements: no job of run.x.0123456789 finished for 15 s; 1 job(s) active, waiting for them");
    expect(stuckHint({ ...base, active: 0, workers: 2 })).toBeNull();
    expect(stuckHint({ ...base, active: 1, workers: null })).not.toContain("are workers running");
    expect(stuckHint({ ...base, active: 0, workers: 0 })).toContain("no worker is connected; are workers running?");
    expect(stuckHint({ ...base, active: null, workers: null })).toContain("are workers running?");
  });
});
