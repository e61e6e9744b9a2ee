/**
 * `statements worker`: serves the runs registered in Redis (statements:_runs). For each run it
 * checks that it has the run's pipeline (same version and config hash, so the same record bytes),
 * then a BullMQ worker takes the run's jobs and hands their documents to a pool of worker threads
 * running processBatch — the code path of a local run. The job's result is the batch's record lines.
 *
 * The threads keep the main thread free, so job locks are renewed while documents are processed;
 * a worker process that dies mid-job leaves a job whose lock expires, and BullMQ's stalled-job check
 * (run by the other workers every `stalledMs`) puts it back in the queue, `maxStalls` times at most.
 * The check has two steps (a job still active at one check, with its lock gone at the next, is
 * stalled), so a job is back in the queue at most STALLED_PICKUP_MS after its worker died: the lock's
 * remaining life (≤ lockMs) plus two intervals. docs/queue.md gives that figure (test/queue.test.ts
 * checks that they agree).
 *
 * Stopping (SIGTERM, SIGINT) is bounded: the jobs in hand get `stopTimeoutMs` to finish and be
 * reported; after that — or at once when Redis is unreachable and nothing is in hand — the worker
 * lets go, says which jobs it left (their locks expire and another worker takes them), and returns
 * `clean: false`, whatever Redis does.
 *
 * Test-only hooks (environment variables, for test/queue.test.ts; never set them in production):
 *   STATEMENTS_TEST_CRASH_ON=<doc_id>   the process kills itself (SIGKILL) when a job holds that document
 *   STATEMENTS_TEST_PAUSE_ON=<doc_id>   with STATEMENTS_TEST_PAUSE_MARK=<file>: the first worker to get that
 *                                       document creates the file, says so on stderr and hangs mid-job
 */
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Job, Worker } from "bullmq";
import { loadPipeline } from "../index.js";
import type { BatchDocument, BatchResult } from "./batch.js";
import { createExecutor, type Executor } from "./executor.js";
import { connectRedis, PREFIX, type QueueJobData, type QueueTarget, REGISTRY_KEY, type RunEntry } from "./queue.js";

export interface QueueWorkerOptions {
  target: QueueTarget;
  /** documents processed at once: worker threads, and jobs taken at once */
  concurrency: number;
  /** a job's lock lasts this long unless renewed (BullMQ lockDuration) */
  lockMs?: number;
  /** how often to look for jobs whose worker stopped (BullMQ stalledInterval) */
  stalledMs?: number;
  /** times a job may stall before it fails (BullMQ maxStalledCount) */
  maxStalls?: number;
  /** how often to look for new runs */
  pollMs?: number;
  /** after a stop signal, how long the jobs in hand may take before the worker lets go of them */
  stopTimeoutMs?: number;
  /** serve only this queue */
  onlyQueue?: string | undefined;
  signal: AbortSignal;
  log: (line: string) => void;
}

interface Served {
  worker: Worker<QueueJobData, BatchResult>;
  entry: RunEntry;
}

function testHooks(docs: BatchDocument[], log: (line: string) => void): Promise<void> | undefined {
  const crashOn = process.env.STATEMENTS_TEST_CRASH_ON;
  if (crashOn && docs.some((d) => d.id === crashOn)) process.kill(process.pid, "SIGKILL");
  const pauseOn = process.env.STATEMENTS_TEST_PAUSE_ON;
  const mark = process.env.STATEMENTS_TEST_PAUSE_MARK;
  if (pauseOn && mark && docs.some((d) => d.id === pauseOn)) {
    try {
      writeFileSync(mark, String(process.pid), { flag: "wx" });
    } catch {
      return undefined; // another worker paused on it already
    }
    log(`statements worker: test hook: pausing on ${pauseOn} (pid ${process.pid})`);
    return new Promise(() => {});
  }
  return undefined;
}

/** A job's lock lasts this long unless renewed (renewed every half of it while the job runs). */
export const DEFAULT_LOCK_MS = 20_000;
/** How often the workers look for stalled jobs. */
export const DEFAULT_STALLED_MS = 5_000;
/** The longest a job of a dead worker waits before it is back in the queue: lock + two checks. */
export const STALLED_PICKUP_MS = DEFAULT_LOCK_MS + 2 * DEFAULT_STALLED_MS;
/** After a stop signal, the jobs in hand get this long. */
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

export interface QueueWorkerResult {
  /** no job was left unfinished */
  clean: boolean;
  /** the worker let go at the deadline: connections may still be retrying; the process should exit */
  letGo: boolean;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

export async function runQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorkerResult> {
  const log = opts.log;
  const lockMs = opts.lockMs ?? DEFAULT_LOCK_MS;
  /** jobs being processed: job id → queue */
  const inHand = new Map<string, string>();
  const client = connectRedis(opts.target, log, "statements worker");
  const tmp = await mkdtemp(join(tmpdir(), "statements-worker-"));
  const served = new Map<string, Served>();
  const refused = new Set<string>();
  /** one thread pool per pipeline (config hash), shared by the runs that use it */
  const executors = new Map<string, { ref: string; executor: Executor }>();
  const stats = { jobs: 0, docs: 0 };
  let lastError = 0;

  const pipelineFor = (entry: RunEntry): Executor | null => {
    const sha = entry.pipeline.info.config_sha256;
    const have = executors.get(sha);
    if (have) return have.executor;
    const ref = join(tmp, `${sha.slice(0, 16)}.json`);
    writeFileSync(ref, JSON.stringify(entry.pipeline.config));
    let info: RunEntry["pipeline"]["info"];
    try {
      info = loadPipeline(ref).info;
    } catch (err) {
      log(`statements worker: cannot serve ${entry.queue} (${entry.run} on ${entry.host}): its pipeline does not load here: ${(err as Error).message}`);
      return null;
    }
    const want = entry.pipeline.info;
    if (info.version !== want.version || info.config_sha256 !== want.config_sha256) {
      log(
        `statements worker: cannot serve ${entry.queue} (${entry.run} on ${entry.host}): it needs statements ${want.version} with pipeline ${want.name} ${want.config_sha256.slice(0, 12)}, this worker has ${info.version} / ${info.config_sha256.slice(0, 12)}`,
      );
      return null;
    }
    const executor = createExecutor({ pipeline: ref, workers: opts.concurrency, threads: true });
    executors.set(sha, { ref, executor });
    return executor;
  };

  const serve = (entry: RunEntry): void => {
    const executor = pipelineFor(entry);
    if (!executor) {
      refused.add(entry.queue);
      return;
    }
    const worker = new Worker<QueueJobData, BatchResult>(
      entry.queue,
      async (job: Job<QueueJobData, BatchResult>) => {
        const docs = job.data.docs;
        const key = job.id ?? "?";
        inHand.set(key, entry.queue);
        try {
          const hook = testHooks(docs, log);
          if (hook) await hook;
          const result = await executor.run(docs);
          stats.jobs++;
          stats.docs += docs.length;
          return result;
        } finally {
          inHand.delete(key);
        }
      },
      {
        connection: client,
        prefix: PREFIX,
        concurrency: opts.concurrency,
        lockDuration: lockMs,
        stalledInterval: opts.stalledMs ?? DEFAULT_STALLED_MS,
        maxStalledCount: opts.maxStalls ?? 1,
        runRetryDelay: 1000,
        autorun: true,
      },
    );
    worker.on("error", (err: Error) => {
      if (Date.now() - lastError < 10_000) return;
      lastError = Date.now();
      log(`statements worker: ${entry.queue}: ${err.message}`);
    });
    worker.on("stalled", (jobId: string) => {
      log(`statements worker: job ${jobId} of ${entry.queue} stalled (the worker running it stopped); it is back in the queue`);
    });
    worker.on("failed", (job: Job | undefined, err: Error) => {
      log(`statements worker: job ${job?.id ?? "?"} of ${entry.queue} failed: ${err.message}`);
    });
    served.set(entry.queue, { worker, entry });
    log(`statements worker: serving ${entry.queue} (${entry.run} on ${entry.host})`);
  };

  const sync = async (): Promise<void> => {
    const all = await client.hgetall(REGISTRY_KEY);
    const live = new Set<string>();
    for (const [queue, json] of Object.entries(all)) {
      if (opts.onlyQueue && queue !== opts.onlyQueue) continue;
      live.add(queue);
      if (served.has(queue) || refused.has(queue)) continue;
      let entry: RunEntry;
      try {
        entry = JSON.parse(json) as RunEntry;
      } catch {
        continue;
      }
      if (entry.v === 1) serve(entry);
    }
    for (const [queue, s] of served) {
      if (live.has(queue)) continue;
      served.delete(queue);
      await s.worker.close();
      log(`statements worker: ${queue} is finished or stopped; no longer serving it`);
    }
    for (const q of refused) if (!live.has(q)) refused.delete(q);
  };

  log(
    `statements worker: taking jobs from ${opts.target.shown} (concurrency ${opts.concurrency}); SIGTERM or Ctrl-C stops after the jobs in hand`,
  );
  const aborted = new Promise<void>((resolve) => opts.signal.addEventListener("abort", () => resolve(), { once: true }));
  while (!opts.signal.aborted) {
    try {
      await Promise.race([sync(), aborted]);
    } catch (err) {
      if (Date.now() - lastError > 10_000) {
        lastError = Date.now();
        log(`statements worker: cannot read the runs from Redis: ${(err as Error).message}`);
      }
    }
    await sleep(opts.pollMs ?? 1000, opts.signal);
  }
  // graceful: the jobs in hand finish (and are reported) before the worker lets go — within a bound
  const stopTimeoutMs = opts.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const redisUp = () => client.status === "ready";
  const graceful = (async () => {
    await Promise.all([...served.values()].map((s) => s.worker.close()));
    await Promise.all([...executors.values()].map((e) => e.executor.close()));
    await client.quit();
  })();
  graceful.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  // nothing in hand and no Redis: there is nothing to wait for
  const waitMs = inHand.size === 0 && !redisUp() ? 0 : stopTimeoutMs;
  const outcome = await Promise.race([
    graceful.then(
      () => "closed" as const,
      () => "closed" as const,
    ),
    new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), waitMs);
    }),
  ]);
  clearTimeout(timer);
  const cpu = process.cpuUsage(); // the whole process: main thread and worker threads
  const summary = `${stats.jobs} job(s), ${stats.docs} document(s), ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`;
  if (outcome === "closed") {
    await rm(tmp, { recursive: true, force: true });
    log(`statements worker: stopped after ${summary}`);
    return { clean: true, letGo: false };
  }
  const redis = redisUp() ? "" : ` (Redis at ${opts.target.shown} is unreachable)`;
  const left =
    inHand.size === 0
      ? "nothing was in hand"
      : `left ${inHand.size} job(s) in hand: ${[...inHand].map(([id, q]) => `${id} of ${q}`).join(", ")}; their locks expire within ${Math.round(lockMs / 1000)} s and another worker takes them`;
  const waited = waitMs > 0 ? ` after waiting ${Math.round(waitMs / 1000)} s` : "";
  log(`statements worker: stopped without finishing${waited}${redis}: ${left}; after ${summary}`);
  client.disconnect();
  await Promise.all([...executors.values()].map((e) => e.executor.close())).catch(() => {});
  await rm(tmp, { recursive: true, force: true }).catch(() => {});
  return { clean: inHand.size === 0, letGo: true };
}
