/**
 * `statements queue status <run>`: how far the run's queue is — jobs waiting, active, finished but
 * not yet collected, failed; documents the producer has collected and its rate; workers connected.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { PREFIX, progressKey, queueNameForArg, REGISTRY_KEY } from "./queue.js";
import { processAlive } from "./sinks.js";

export interface QueueSnapshot {
  queue: string;
  /** the producer has registered the run and not finished it */
  running: boolean;
  /** the run folder's manifest says the run is complete: its counts */
  complete: { docs: number; errors: number; docsPerS: number | null } | null;
  /**
   * the producer is gone though the run is registered: its manifest still says "running" and its
   * process is dead (this machine), or it has not reported for a while (another machine); null otherwise
   */
  stale: string | null;
  jobs: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  docs: { done: number; skipped: number; errors: number; total: number | null; in_flight_jobs: number };
  /** documents per second over the producer's session (null before any) */
  docsPerS: number | null;
  /** when the producer last reported, ms since the epoch */
  updatedAt: number | null;
  workers: number | null;
}

interface ManifestView {
  complete?: boolean;
  status?: string;
  counts?: { in: number; errors: number };
  docs_per_s?: number | null;
  sessions?: Array<{ status: string; pid?: number; host?: string; started_at: string }>;
}

async function readManifest(dir: string): Promise<ManifestView | null> {
  try {
    return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as ManifestView;
  } catch {
    return null;
  }
}

function manifestComplete(m: ManifestView | null): QueueSnapshot["complete"] {
  if (m?.complete !== true || !m.counts) return null;
  return { docs: m.counts.in, errors: m.counts.errors, docsPerS: m.docs_per_s ?? null };
}

/** A producer that stopped without a word: "killed?" (its progress is published about once a second). */
const SILENT_S = 30;

function staleness(m: ManifestView | null, registered: boolean, updatedAt: number | null): string | null {
  if (!registered) return null;
  const last = m?.sessions?.at(-1);
  if (m?.status === "running" && last?.status === "running") {
    const alive = processAlive(last.pid, last.host);
    if (alive === false) return `the producer (pid ${last.pid ?? "?"}, started ${last.started_at}) is gone: killed?`;
    if (alive === true) return null;
  }
  if (m?.status === "interrupted") return null; // stopped on purpose; its jobs wait for --resume
  const silent = updatedAt === null ? null : (Date.now() - updatedAt) / 1000;
  if (silent !== null && silent > SILENT_S) return `the producer has not reported for ${Math.round(silent)} s: killed?`;
  return null;
}

export class QueueStatus {
  readonly queueName: string;
  private readonly queue: Queue;

  constructor(
    private readonly client: Redis,
    private readonly runDir: string,
  ) {
    this.queueName = queueNameForArg(runDir);
    // skipMetasUpdate: looking must not write (a Queue object otherwise sets the queue's meta key)
    this.queue = new Queue(this.queueName, { connection: client, prefix: PREFIX, skipMetasUpdate: true });
    this.queue.on("error", () => {});
  }

  async snapshot(): Promise<QueueSnapshot> {
    const [registered, progress, counts] = await Promise.all([
      this.client.hexists(REGISTRY_KEY, this.queueName),
      this.client.hgetall(progressKey(this.queueName)),
      this.queue.getJobCounts("waiting", "active", "completed", "failed", "delayed", "prioritized"),
    ]);
    let workers: number | null = null;
    try {
      workers = await this.queue.getWorkersCount();
    } catch {
      // CLIENT LIST may be disabled on managed Redis
    }
    const num = (k: string) => (progress[k] ? Number(progress[k]) : 0);
    const started = num("started_at");
    const updated = num("updated_at");
    const done = num("done");
    const seconds = (updated - started) / 1000;
    const manifest = await readManifest(resolve(this.runDir));
    return {
      queue: this.queueName,
      running: registered === 1,
      complete: manifestComplete(manifest),
      stale: staleness(manifest, registered === 1, updated > 0 ? updated : null),
      jobs: {
        waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
        active: counts.active ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        delayed: counts.delayed ?? 0,
      },
      docs: {
        done,
        skipped: num("skipped"),
        errors: num("errors"),
        total: progress.total ? Number(progress.total) : null,
        in_flight_jobs: num("in_flight"),
      },
      docsPerS: seconds > 0 && done > 0 ? done / seconds : null,
      updatedAt: updated > 0 ? updated : null,
      workers,
    };
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => {});
  }
}

/** The snapshot as lines; `recentRate` is the rate between the last two snapshots of a live view. */
export function statusLines(s: QueueSnapshot, runDir: string, shown: string, recentRate?: number | null): string[] {
  const state = s.complete
    ? "complete"
    : s.stale
      ? `stale: ${s.stale} (workers go on with its jobs; continue with extract … --resume)`
      : s.running
        ? "running"
        : "not running (no producer registered)";
  const total = s.docs.total;
  const doneAll = s.docs.skipped + s.docs.done;
  const rate = s.docsPerS === null ? "–" : s.docsPerS.toFixed(1);
  const recent = recentRate == null ? "" : `, now ${recentRate.toFixed(1)}`;
  const eta =
    total !== null && s.docsPerS && total > doneAll ? `, ETA ${Math.round((total - doneAll) / s.docsPerS)} s` : "";
  if (s.complete) {
    const r = s.complete.docsPerS === null ? "" : `, ${s.complete.docsPerS.toFixed(1)} docs/s`;
    return [
      `run ${runDir}: complete; queue ${s.queue} on ${shown} (removed)`,
      `documents: ${s.complete.docs} done (${s.complete.errors} error record(s))${r}`,
    ];
  }
  const age = s.updatedAt ? ` (producer seen ${Math.max(0, Math.round((Date.now() - s.updatedAt) / 1000))} s ago)` : "";
  return [
    `run ${runDir}: ${state}; queue ${s.queue} on ${shown}`,
    `jobs: ${s.jobs.waiting} waiting, ${s.jobs.active} active, ${s.jobs.completed} done (not yet collected), ${s.jobs.failed} failed${s.jobs.delayed ? `, ${s.jobs.delayed} delayed` : ""}`,
    `documents: ${doneAll}${total !== null ? `/${total}` : ""} done (${s.docs.skipped} before this session, ${s.docs.errors} error record(s)), ${rate} docs/s${recent}${eta}${age}`,
    `workers: ${s.workers ?? "unknown"} connected`,
  ];
}
