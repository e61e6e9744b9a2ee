/**
 * The Redis side of the queue executor, shared by the producer (`extract --queue`), the workers
 * (`statements worker`) and `queue status`: the --queue URL, connections (fail fast when a command
 * starts, reconnect during a run), queue names, the registry of runs, job ids and job payloads.
 *
 * Keys (BullMQ prefix "statements"):
 *   statements:_runs                  hash: queue name → RunEntry JSON (runs that workers should serve)
 *   statements:_progress:<queue>      hash: what the producer has collected (for `queue status`)
 *   statements:<queue>:…              BullMQ's own keys for the run's queue
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Redis, type RedisOptions } from "ioredis";
import type { Pipeline } from "../index.js";
import type { BatchDocument } from "./batch.js";

export const PREFIX = "statements";
export const REGISTRY_KEY = `${PREFIX}:_runs`;
export const progressKey = (queue: string) => `${PREFIX}:_progress:${queue}`;

/** Usage problems with --queue: a bad URL, Redis unreachable. The CLI exits 2 with the message. */
export class QueueError extends Error {}

export interface QueueTarget {
  /** for ioredis */
  options: RedisOptions;
  /** the URL without its password, for messages and manifests */
  shown: string;
}

export function parseQueueUrl(raw: string): QueueTarget {
  const expected = `--queue: Expected a Redis URL like redis://host:6379/0, got "${raw}"`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new QueueError(expected);
  }
  if ((u.protocol !== "redis:" && u.protocol !== "rediss:") || u.hostname === "") throw new QueueError(expected);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (db !== "" && !/^\d+$/.test(db)) throw new QueueError(`${expected} (the path is the database number)`);
  if (u.search || u.hash) throw new QueueError(`${expected} (no query or fragment)`);
  const port = u.port === "" ? 6379 : Number(u.port);
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1");
  const options: RedisOptions = { host, port, db: db === "" ? 0 : Number(db) };
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.protocol === "rediss:") options.tls = {};
  const auth = u.username || u.password ? "***@" : "";
  return { options, shown: `${u.protocol}//${auth}${u.hostname}:${port}/${options.db}` };
}

/** How long a command waits for Redis when it starts (connect + PING) before giving up. */
export const CONNECT_TIMEOUT_MS = 3000;

/** Connects once, without retrying, and pings: a bad host, port or password fails within seconds. */
export async function probeRedis(target: QueueTarget, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  client.on("error", () => {}); // reported below
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs + 500);
      }),
    ]);
  } catch (err) {
    throw new QueueError(`cannot reach Redis at ${target.shown}: ${(err as Error).message || String(err)}`);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/**
 * A long-lived connection for a run: commands wait while Redis is away (a restart) and go through
 * once it is back; `log` hears about the outage once and about the reconnection.
 */
export function connectRedis(target: QueueTarget, log: (line: string) => void, who: string): Redis {
  const client = new Redis({
    ...target.options,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let lost = false;
  client.on("error", (err: Error) => {
    if (lost) return;
    lost = true;
    log(`${who}: lost the connection to Redis at ${target.shown} (${err.message}); reconnecting…`);
  });
  client.on("ready", () => {
    if (!lost) return;
    lost = false;
    log(`${who}: reconnected to Redis at ${target.shown}`);
  });
  return client;
}

/** The queue of a run folder: named after its folder, with a hash of its absolute path. */
export function queueNameForRun(dir: string): string {
  const abs = resolve(dir);
  const base = basename(abs).replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60) || "run";
  return `run.${base}.${createHash("sha256").update(abs).digest("hex").slice(0, 10)}`;
}

/** `<run>` arguments (queue status, worker --run): a run folder, or a queue name as the logs print it. */
export function queueNameForArg(arg: string): string {
  return /^run\.[A-Za-z0-9._-]*\.[0-9a-f]{10}$/.test(arg) && !existsSync(arg) ? arg : queueNameForRun(arg);
}

/** A run that workers should serve: its queue and the pipeline its records must come from. */
export interface RunEntry {
  v: 1;
  queue: string;
  run: string;
  host: string;
  started_at: string;
  pipeline: { config: unknown; info: Pipeline["info"] };
}

/** What a job carries: documents in input order (their `index` is the producer's, for error lines). */
export interface QueueJobData {
  v: 1;
  docs: BatchDocument[];
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * A job's id: from the pipeline and, for each document, its id, dates, reader messages and text hash.
 * Adding a job whose id is in the queue is a no-op (BullMQ), and a finished job's result holds for
 * anyone adding the same documents with the same pipeline. "doc-…" is one document, "b<n>-…" a batch.
 */
export function jobIdFor(pipeline: Pipeline["info"], docs: BatchDocument[]): string {
  const h = createHash("sha256").update(`${pipeline.version}\n${pipeline.config_sha256}\n`);
  for (const d of docs) {
    h.update(JSON.stringify([d.id, d.date ?? null, d.defaultDate ?? null, d.messages ?? [], sha256(d.text)]));
    h.update("\n");
  }
  const digest = h.digest("hex").slice(0, 40);
  return docs.length === 1 ? `doc-${digest}` : `b${docs.length}-${digest}`;
}

/** The message of a job that BullMQ failed because its workers kept stopping during it. */
export const STALLED_REASON = "job stalled more than allowable limit";
