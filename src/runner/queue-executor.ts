/**
 * The queue executor (producer side of `extract --queue`): each batch the runner hands over becomes
 * one BullMQ job in the run's queue; `statements worker` processes run it with processBatch (the code
 * of a local run) and return its record lines as the job's result, which this executor collects.
 *
 * - Window: at most `window` unfinished jobs of this producer in Redis; further batches wait here
 *   (and the runner stops reading when its own window of batches is full).
 * - Job ids come from the documents (queue.ts): re-adding a job is a no-op, so a resumed producer
 *   picks up the results of jobs finished while it was away.
 * - Results are found by polling the jobs' hashes (one pipelined HMGET per poll), which survives
 *   Redis restarts; a job that vanished (Redis lost it) is added again.
 * - A batch that BullMQ fails (workers kept dying on it: "stalled more than allowable limit") is
 *   split into one job per document; a document whose own job fails becomes an error record.
 * - A collected job is removed from Redis; `finish()` removes the whole queue of a complete run.
 */
import { hostname } from "node:os";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Pipeline } from "../index.js";
import { type BatchDocument, type BatchResult, errorResult, joinResults } from "./batch.js";
import type { Executor } from "./executor.js";
import {
  connectRedis,
  jobIdFor,
  PREFIX,
  progressKey,
  type QueueJobData,
  type QueueTarget,
  REGISTRY_KEY,
  type RunEntry,
  STALLED_REASON,
} from "./queue.js";

export interface QueueExecutorOptions {
  target: QueueTarget;
  queueName: string;
  /** absolute path of the run folder (for `queue status` and worker logs) */
  runDir: string;
  pipeline: Pipeline;
  /** unfinished jobs of this producer in Redis, at most */
  window: number;
  /** documents per job, and the text size that closes a job early */
  batchDocs: number;
  batchChars: number;
  /** documents done by an earlier session, and in all (when known): for `queue status` */
  skipped?: number;
  total?: number | null;
  pollMs?: number;
  log: (line: string) => void;
}

interface Waiter {
  docs: BatchDocument[];
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

interface JobEntry {
  id: string;
  docs: BatchDocument[];
  waiters: Waiter[];
  state: "queued" | "adding" | "added" | "split";
}

/**
 * What the producer says when no job has finished for a while: "are workers running?" only when no
 * worker is connected to the queue (or, when Redis cannot list clients, no job is active); a worker
 * busy with a long job is no reason for alarm.
 */
export function stuckHint(s: { queue: string; url: string; quietS: number; active: number | null; workers: number | null }): string | null {
  const quiet = Math.round(s.quietS);
  if ((s.workers ?? 0) > 0 || (s.workers === null && (s.active ?? 0) > 0)) {
    return s.active ? `statements: no job of ${s.queue} finished for ${quiet} s; ${s.active} job(s) active, waiting for them` : null;
  }
  return `statements: no job of ${s.queue} finished for ${quiet} s and no worker is connected; are workers running? (statements worker --queue ${s.url})`;
}

/** The result lines in the order of `docs`, with error lines pointing at `docs`' input positions. */
function forDocs(r: BatchResult, docs: BatchDocument[]): BatchResult {
  let at = 0;
  const errors = r.errors.map((e) => {
    while (at < docs.length && docs[at]!.id !== e.doc_id) at++;
    const index = docs[at]?.index ?? e.index;
    at++;
    return { ...e, index };
  });
  return { lines: r.lines, statements: r.statements, errors };
}

function isBatchResult(x: unknown, n: number): x is BatchResult {
  const r = x as BatchResult;
  return (
    typeof r === "object" &&
    r !== null &&
    Array.isArray(r.lines) &&
    r.lines.length === n &&
    Array.isArray(r.statements) &&
    Array.isArray(r.errors)
  );
}

export class QueueExecutor implements Executor {
  readonly workers = 0;
  /** a stopped producer leaves its unfinished jobs in Redis; workers finish them, --resume collects them */
  readonly abandonOnStop = true;
  readonly maxInFlight: number;
  readonly batchDocs: number;
  readonly batchChars: number;
  private readonly jobs = new Map<string, JobEntry>();
  /** job entries waiting for a place in the window, in order */
  private readonly backlog: JobEntry[] = [];
  private unfinished = 0;
  private timer: NodeJS.Timeout | undefined;
  private pollDelay = 20;
  private closed = false;
  private failure: Error | undefined;
  private collectedDocs = 0;
  private collectedErrors = 0;
  private lastProgress = performance.now();
  private lastPublished = 0;
  private noWorkerHints = 0;
  private readonly startedAt = Date.now();
  private total: number | null;

  private constructor(
    private readonly opts: QueueExecutorOptions,
    private readonly client: Redis,
    private readonly queue: Queue,
  ) {
    this.maxInFlight = opts.window;
    this.batchDocs = opts.batchDocs;
    this.batchChars = opts.batchChars;
    this.total = opts.total ?? null;
  }

  /** Connects (the caller has probed Redis), registers the run for the workers, starts polling. */
  static async open(opts: QueueExecutorOptions): Promise<QueueExecutor> {
    const client = connectRedis(opts.target, opts.log, "statements");
    const queue = new Queue(opts.queueName, { connection: client, prefix: PREFIX });
    queue.on("error", () => {}); // connection errors are reported once by connectRedis
    const entry: RunEntry = {
      v: 1,
      queue: opts.queueName,
      run: opts.runDir,
      host: hostname(),
      started_at: new Date().toISOString(),
      pipeline: { config: opts.pipeline.config, info: opts.pipeline.info },
    };
    await client.hset(REGISTRY_KEY, opts.queueName, JSON.stringify(entry));
    await client.del(progressKey(opts.queueName));
    const ex = new QueueExecutor(opts, client, queue);
    await ex.publish(true);
    ex.schedule();
    return ex;
  }

  /** The number of input documents, once counted (for `queue status`). */
  setTotal(n: number | null): void {
    this.total = n;
  }

  run(docs: BatchDocument[]): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error("the queue executor is closed"));
    return this.submit(docs);
  }

  private submit(docs: BatchDocument[]): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      const id = jobIdFor(this.opts.pipeline.info, docs);
      const waiter: Waiter = { docs, resolve, reject };
      const existing = this.jobs.get(id);
      if (existing) {
        existing.waiters.push(waiter); // the same documents twice in flight: one job
        return;
      }
      const entry: JobEntry = { id, docs, waiters: [waiter], state: "queued" };
      this.jobs.set(id, entry);
      this.backlog.push(entry);
      this.pump();
    });
  }

  /** Adds queued jobs while the window has room. */
  private pump(): void {
    while (this.unfinished < this.opts.window && this.backlog.length > 0) {
      const entry = this.backlog.shift()!;
      this.unfinished++;
      this.add(entry);
    }
  }

  private add(entry: JobEntry): void {
    entry.state = "adding";
    const data: QueueJobData = { v: 1, docs: entry.docs };
    this.queue
      .add("docs", data, { jobId: entry.id, attempts: 1, removeOnComplete: false, removeOnFail: false })
      .then(
        () => {
          if (entry.state === "adding") entry.state = "added";
        },
        (err: Error) => this.fail(new Error(`cannot add a job to the queue: ${err.message}`)),
      );
  }

  /**
   * Polls again soon after a poll that found finished jobs, then less and less often (up to 250 ms):
   * the window keeps the workers busy meanwhile, so a late look costs latency, not throughput.
   */
  private schedule(found = true): void {
    if (this.closed) return;
    const min = this.opts.pollMs ?? 20;
    this.pollDelay = found ? min : Math.min(250, Math.max(min, this.pollDelay * 2));
    this.timer = setTimeout(() => {
      this.poll().then(
        (n) => this.schedule(n > 0),
        (err: Error) => {
          if (!this.closed) this.opts.log(`statements: polling the queue failed (${err.message}); retrying`);
          this.schedule(false);
        },
      );
    }, this.pollDelay);
  }

  /**
   * Looks at the oldest added jobs (one round trip; the runner takes results in input order, so
   * later ones can wait) and settles the finished ones. Returns how many were settled.
   */
  private async poll(): Promise<number> {
    const added: JobEntry[] = [];
    for (const j of this.jobs.values()) {
      if (j.state === "added") added.push(j);
      if (added.length >= 64) break;
    }
    let settled = 0;
    if (added.length > 0) {
      const pipe = this.client.pipeline();
      for (const j of added) pipe.hmget(this.queue.toKey(j.id), "timestamp", "finishedOn", "returnvalue", "failedReason");
      const replies = (await pipe.exec()) ?? [];
      for (const [i, j] of added.entries()) {
        const [err, value] = replies[i] ?? [null, null];
        if (err || !Array.isArray(value) || j.state !== "added") continue;
        const [timestamp = null, finishedOn = null, returnvalue = null, failedReason = null] = value as (string | null)[];
        if (timestamp === null) {
          // Redis lost the job (restarted without its append-only file, or someone removed it)
          this.opts.log(`statements: job ${j.id} is no longer in Redis; adding it again`);
          this.add(j);
        } else if (finishedOn !== null && returnvalue !== null) {
          this.completed(j, returnvalue);
          settled++;
        } else if (finishedOn !== null && failedReason !== null) {
          this.failed(j, failedReason);
          settled++;
        }
      }
    }
    await this.publish(false);
    await this.hintIfStuck();
    return settled;
  }

  private settle(entry: JobEntry): void {
    this.jobs.delete(entry.id);
    this.unfinished--;
    this.lastProgress = performance.now();
    this.noWorkerHints = 0;
    this.pump();
  }

  private completed(entry: JobEntry, returnvalue: string): void {
    let result: unknown;
    try {
      result = JSON.parse(returnvalue);
    } catch {
      result = undefined;
    }
    if (!isBatchResult(result, entry.docs.length)) {
      this.failed(entry, `the job's result is not the record lines of its ${entry.docs.length} document(s)`);
      return;
    }
    this.settle(entry);
    this.collectedDocs += entry.docs.length;
    this.collectedErrors += result.errors.length;
    for (const w of entry.waiters) w.resolve(forDocs(result, w.docs));
    this.remove(entry.id);
  }

  private failed(entry: JobEntry, reason: string): void {
    this.settle(entry);
    if (entry.docs.length > 1) {
      // which document? one job per document finds out; the others are processed again
      entry.state = "split";
      Promise.all(entry.docs.map((d) => this.submit([d]))).then(
        (parts) => {
          const result = joinResults(parts);
          for (const w of entry.waiters) w.resolve(forDocs(result, w.docs));
          this.remove(entry.id);
        },
        (err: Error) => {
          for (const w of entry.waiters) w.reject(err);
        },
      );
      return;
    }
    const d = entry.docs[0]!;
    const crashed = reason.includes(STALLED_REASON);
    const code = crashed ? "worker-crashed" : "queue-job-failed";
    const message = crashed
      ? `the workers processing this document stopped each time (${reason})`
      : `the queue job of this document failed: ${reason}`;
    const result = errorResult(d.index, d.id, code, message);
    this.collectedDocs += 1;
    this.collectedErrors += 1;
    for (const w of entry.waiters) w.resolve(forDocs(result, w.docs));
    this.remove(entry.id);
  }

  private remove(id: string): void {
    this.queue.remove(id).catch(() => {}); // a leftover is removed with the queue at the end
  }

  private async hintIfStuck(): Promise<void> {
    if (this.unfinished === 0) return;
    const quiet = (performance.now() - this.lastProgress) / 1000;
    if (quiet < 15 * (this.noWorkerHints + 1)) return;
    this.noWorkerHints++;
    const [active, workers] = await Promise.all([
      this.queue.getActiveCount().catch(() => null),
      this.queue.getWorkersCount().catch(() => null), // CLIENT LIST may be disabled on managed Redis
    ]);
    const hint = stuckHint({ queue: this.opts.queueName, url: this.opts.target.shown, quietS: quiet, active, workers });
    if (hint) this.opts.log(hint);
  }

  /** Publishes what was collected for `queue status`, about once a second. */
  private async publish(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastPublished < 1000) return;
    this.lastPublished = now;
    await this.client.hset(progressKey(this.opts.queueName), {
      started_at: String(this.startedAt),
      updated_at: String(now),
      skipped: String(this.opts.skipped ?? 0),
      total: this.total === null ? "" : String(this.total),
      done: String(this.collectedDocs),
      errors: String(this.collectedErrors),
      window: String(this.opts.window),
      in_flight: String(this.unfinished),
    });
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const j of this.jobs.values()) for (const w of j.waiters) w.reject(err);
    this.jobs.clear();
    this.backlog.length = 0;
  }

  /**
   * The run is over. Complete: the queue, its progress and its registry entry are removed. Stopped:
   * with jobs left in the queue the run stays registered, so that workers finish them for --resume;
   * without, it leaves the registry and workers let go.
   */
  async finish(complete: boolean): Promise<void> {
    await this.publish(true);
    const left = [...this.jobs.values()].filter((j) => j.state !== "queued").length;
    if (!complete && left > 0) {
      this.opts.log(
        `statements: ${left} job(s) left in the queue ${this.opts.queueName}; workers go on with them and --resume collects their results`,
      );
      return;
    }
    await this.client.hdel(REGISTRY_KEY, this.opts.queueName);
    if (complete) {
      // workers let go of the queue once they see it unregistered (about a second); until then they
      // may still write to it (a "drained" event), so the queue is removed after they left
      for (let waited = 0; waited < 5000; waited += 100) {
        const n = await this.queue.getWorkersCount().catch(() => 0);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await this.queue.obliterate({ force: true });
      await this.client.del(progressKey(this.opts.queueName));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.queue.close().catch(() => {});
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
