/**
 * Executors run batches of documents and resolve with their record lines. Behind one interface:
 * in-process (--workers 1), a pool of worker threads (here), and the Redis queue (queue-executor.ts,
 * whose workers run this pool). All of them call processBatch, so the bytes are the same whatever
 * the executor and whatever the number of workers.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type BatchDocument, type BatchResult, errorResult, joinResults, processBatch } from "./batch.js";

export interface Executor {
  /** local workers (threads or the main thread); 0 when documents are processed elsewhere (queue) */
  readonly workers: number;
  /** batches the runner keeps in flight (default: workers × 2 + 1) */
  readonly maxInFlight?: number;
  /** batch size the executor works best with, when the runner is not given one */
  readonly batchDocs?: number;
  readonly batchChars?: number;
  /** on stop, batches still unfinished may be left behind (they are not lost: --resume finds them) */
  readonly abandonOnStop?: boolean;
  run(docs: BatchDocument[]): Promise<BatchResult>;
  close(): Promise<void>;
}

export interface ExecutorOptions {
  /** pipeline name or absolute path of a .json config */
  pipeline: string;
  workers: number;
  pretty?: boolean;
  /** worker threads even for one worker: keeps the main thread free (queue workers renew job locks there) */
  threads?: boolean;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function createExecutor(opts: ExecutorOptions): Executor {
  return opts.workers <= 1 && !opts.threads ? new InProcessExecutor(opts) : new WorkerPool(opts);
}

class InProcessExecutor implements Executor {
  readonly workers = 1;
  constructor(private readonly opts: ExecutorOptions) {}
  run(docs: BatchDocument[]): Promise<BatchResult> {
    try {
      return Promise.resolve(processBatch(docs, this.opts.pipeline, this.opts.pretty));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The worker beside this module: worker.js under dist/. Running from src/ (tsx, vitest), worker.ts
 * needs a TypeScript loader in the worker thread: a small bootstrap registers tsx there first.
 */
function workerScript(): { script: string | URL; evaluated: boolean } {
  if (!import.meta.url.endsWith(".ts")) return { script: new URL("./worker.js", import.meta.url), evaluated: false };
  const worker = new URL("./worker.ts", import.meta.url).href;
  // the ESM build of tsx's API (resolving "tsx/esm/api" from here would give its CommonJS build)
  const tsxRoot = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxRoot, "dist", "esm", "api", "index.mjs")).href;
  const script = `(async () => {
    const { register } = await import(${JSON.stringify(tsxApi)});
    register();
    await import(${JSON.stringify(worker)});
  })().catch((err) => { console.error(err); process.exit(1); });`;
  return { script, evaluated: true };
}

interface Task {
  id: number;
  docs: BatchDocument[];
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
  /** a batch whose worker died is retried one document at a time; a single document only once */
  retried: boolean;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
  /** the worker has loaded its script: a death before that is a broken setup, not a bad document */
  ready: boolean;
}

/**
 * Heap limits of each worker thread. Left to itself, V8 lets every isolate's heap grow to several
 * times what it keeps alive (about 80 MB: the wink model, the recogniser regexes, one batch), so two
 * workers streaming 2,000 documents peaked near 690 MB; with these limits they collect earlier and
 * the process peaks near 360 MB (10,000 documents: 420-450 MB, of which the main thread's own heap,
 * collected lazily, is about 100 MB), at the same documents per CPU-second. A 1,000,000-character
 * document (the default --max-chars) runs within 160 MB (not within 128); one that needs more than
 * the limit stops its worker, which the pool replaces, and becomes a "worker-crashed" error record
 * (recover()).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 8 };

/** A fixed pool of worker threads, each loading the pipeline once; a crashed worker is replaced. */
class WorkerPool implements Executor {
  readonly workers: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  private failure: Error | undefined;

  constructor(private readonly opts: ExecutorOptions) {
    this.workers = Math.max(1, opts.workers);
    for (let i = 0; i < this.workers; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const { script, evaluated } = workerScript();
    const worker = new Worker(script, {
      eval: evaluated,
      // flags for the main script only (node --input-type=module -e …) would stop the worker
      execArgv: process.execArgv.filter((a) => !a.startsWith("--input-type")),
      workerData: { pipeline: this.opts.pipeline, pretty: this.opts.pretty ?? false },
      resourceLimits: WORKER_HEAP,
    });
    const slot: Slot = { worker, task: undefined, ready: false };
    worker.on("message", (msg: { ready?: boolean; id: number; result?: BatchResult; failure?: string }) => {
      if (msg.ready) {
        slot.ready = true;
        return;
      }
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      slot.task = undefined;
      if (msg.result) task.resolve(msg.result);
      else task.reject(new Error(msg.failure ?? "worker failed"));
      this.pump();
    });
    const onDeath = (why: string) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      const task = slot.task;
      slot.task = undefined;
      if (this.closed || this.failure) return;
      if (!slot.ready) {
        this.fail(new Error(`a worker thread could not start: ${why}`), task);
        return;
      }
      this.slots[i] = this.spawn();
      if (task) this.recover(task, why);
      this.pump();
    };
    worker.on("error", (err) => onDeath(err.message));
    worker.on("exit", (code) => onDeath(`worker exited with code ${code}`));
    worker.unref();
    return slot;
  }

  /** A worker died during `task`: retry its documents one by one; a document that kills a worker twice is an error record. */
  private recover(task: Task, why: string): void {
    if (!task.retried) {
      const parts = task.docs.map((d) => this.submit([d], true));
      Promise.all(parts).then((results) => task.resolve(joinResults(results)), task.reject);
      return;
    }
    const d = task.docs[0]!;
    task.resolve(errorResult(d.index, d.id, "worker-crashed", `the worker processing this document stopped: ${why}`, this.opts.pretty));
  }

  /** The pool cannot work (a worker does not start): every pending batch fails with this error. */
  private fail(err: Error, task: Task | undefined): void {
    this.failure = err;
    task?.reject(err);
    for (const s of this.slots) {
      s.task?.reject(err);
      s.task = undefined;
    }
    for (const t of this.queue.splice(0)) t.reject(err);
    void this.close();
  }

  private submit(docs: BatchDocument[], retried: boolean): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, docs, resolve, reject, retried });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, docs: task.docs });
    }
    for (const slot of this.slots) if (!slot.task) slot.worker.unref();
  }

  run(docs: BatchDocument[]): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    return this.submit(docs, false);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
