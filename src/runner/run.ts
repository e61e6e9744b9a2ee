/**
 * The batch runner: streams the inputs, sends batches of documents to an executor (in-process, a
 * worker pool or the Redis queue), keeps a bounded window of batches in flight, and hands the results to the sink in
 * input order. Stopping (SIGINT) lets the batches in flight finish and commits them.
 */
import type { Readable } from "node:stream";
import { isReadError, readInputs } from "../io/readers.js";
import { type BatchDocument, type BatchResult, errorResult } from "./batch.js";
import { countDocuments } from "./count.js";
import { createExecutor, type Executor } from "./executor.js";
import { documentPrint } from "./fingerprint.js";
import { Progress } from "./progress.js";
import type { Chunk, Sink } from "./sinks.js";

export interface RunOptions {
  inputs: string[];
  /** pipeline name, or absolute path of a .json config */
  pipeline: string;
  workers: number;
  date?: string | undefined;
  pretty?: boolean | undefined;
  sink: Sink;
  stdin?: Readable;
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  quiet?: boolean | undefined;
  progressIntervalMs?: number | undefined;
  /** stop reading: finish what is in flight, then interrupt the sink */
  signal?: AbortSignal | undefined;
  /** documents per batch sent to a worker, and the text size that closes a batch early */
  batchDocs?: number | undefined;
  batchChars?: number | undefined;
  /** longer documents become "too-large" error records without being processed (0: no limit) */
  maxChars?: number | undefined;
  /** an executor to use (and leave open) instead of creating one: for benchmarks that warm it up */
  executor?: Executor | undefined;
  /** print at most this many failed documents on stderr */
  maxErrorLines?: number | undefined;
}

export interface RunResult {
  counts: Sink["counts"];
  interrupted: boolean;
  seconds: number;
}

interface InFlight {
  ids: string[];
  /** the documents' fingerprints (fingerprint.ts), for the run folder's resume checks */
  prints: string[];
  result: Promise<BatchResult>;
  /** the result is in (or failed): draining it does not wait */
  settled: boolean;
}

function inFlight(ids: string[], prints: string[], result: Promise<BatchResult>): InFlight {
  const entry: InFlight = { ids, prints, result, settled: false };
  const settle = () => {
    entry.settled = true;
  };
  result.then(settle, settle);
  return entry;
}

export async function runBatch(opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const stderr = opts.stderr ?? process.stderr;
  const sink = opts.sink;
  const executor =
    opts.executor ?? createExecutor({ pipeline: opts.pipeline, workers: opts.workers, pretty: opts.pretty ?? false });
  const progress = new Progress(stderr, {
    quiet: opts.quiet ?? false,
    tty: Boolean(stderr.isTTY),
    intervalMs: opts.progressIntervalMs ?? 5000,
  });
  progress.setSkipped(sink.skip);
  progress.update(sink.counts.in, sink.counts.errors);
  const counting = new AbortController();
  if (!opts.quiet) {
    countDocuments(opts.inputs, counting.signal).then(
      (n) => {
        if (n !== null) progress.setTotal(n);
      },
      () => {},
    );
  }
  const batchDocs = opts.batchDocs ?? executor.batchDocs ?? 64;
  const batchChars = opts.batchChars ?? executor.batchChars ?? 32 * 1024;
  const maxInFlight = executor.maxInFlight ?? executor.workers * 2 + 1;
  const maxErrorLines = opts.maxErrorLines ?? 10;
  const maxChars = opts.maxChars ?? 0;
  let errorLines = 0;
  const inflight: InFlight[] = [];
  let batch: BatchDocument[] = [];
  let prints: string[] = [];
  let chars = 0;
  // Test hooks (test/cli.test.ts, test/queue.test.ts; never set them in production):
  //   STATEMENTS_TEST_PAUSE_AFTER=<n>   after n documents are written, say so on stderr and wait for a stop
  //                                     signal (with STATEMENTS_TEST_PAUSE_HOLD=1: wait for ever)
  //   STATEMENTS_TEST_PAUSE_FREEZE=1    …and stop the whole process there (SIGSTOP), queue polling included
  const pauseAfter = Number(process.env.STATEMENTS_TEST_PAUSE_AFTER ?? 0);
  let paused = false;

  const flush = () => {
    if (batch.length === 0) return;
    const result = executor.run(batch);
    result.catch(() => {}); // awaited in order by drainOne; this only keeps a later failure from being "unhandled"
    inflight.push(inFlight(batch.map((d) => d.id), prints, result));
    batch = [];
    prints = [];
    chars = 0;
  };

  const drainOne = async () => {
    const head = inflight.shift()!;
    const r = await head.result;
    const chunk: Chunk = { ids: head.ids, prints: head.prints, lines: r.lines, statements: r.statements, errors: r.errors };
    await sink.write(chunk);
    for (const e of r.errors) {
      if (errorLines < maxErrorLines) progress.log(`statements: error: ${e.doc_id}: ${e.code}: ${e.message}`);
      else if (errorLines === maxErrorLines) progress.log("statements: (further errors not shown here)");
      errorLines++;
    }
    progress.update(sink.counts.in, sink.counts.errors);
    if (pauseAfter > 0 && !paused && sink.counts.in - sink.skip >= pauseAfter) await pause();
  };

  const readError = (item: { id: string; error: { code: string; message: string } }, index: number, print: string) => {
    const result = errorResult(index, item.id, item.error.code, item.error.message, opts.pretty);
    inflight.push(inFlight([item.id], [print], Promise.resolve(result)));
  };

  const stopped = new Promise<"stop">((resolve) => {
    if (opts.signal?.aborted) resolve("stop");
    opts.signal?.addEventListener("abort", () => resolve("stop"), { once: true });
  });
  let stopRequested = false;
  void stopped.then(() => {
    stopRequested = true;
  });
  // An executor that can leave unfinished batches behind (the queue: they stay in Redis for --resume)
  // stops at the first batch whose result is not in; the others wait for every batch in flight.
  const abandon = executor.abandonOnStop === true;
  const noop = () => {};
  /** The test hook's pause: until a stop signal (forever with STATEMENTS_TEST_PAUSE_HOLD=1). */
  const pause = async (): Promise<void> => {
    paused = true;
    stderr.write(`statements: test hook: paused after ${sink.counts.in - sink.skip} document(s) (pid ${process.pid})\n`);
    if (process.env.STATEMENTS_TEST_PAUSE_FREEZE === "1") process.kill(process.pid, "SIGSTOP");
    const keepAlive = setInterval(noop, 1 << 30);
    await (process.env.STATEMENTS_TEST_PAUSE_HOLD === "1" ? new Promise<never>(noop) : stopped);
    clearInterval(keepAlive);
  };
  /** Drains the head batch; false when the run stops here, leaving the head and later batches. */
  const drainHead = async (): Promise<boolean> => {
    if (abandon) {
      const head = inflight[0]!;
      if (!head.settled) await Promise.race([head.result.then(noop, noop), stopped]);
      if (stopRequested && !head.settled) return false;
    }
    await drainOne();
    return true;
  };

  const it = readInputs(opts.inputs, opts.stdin)[Symbol.asyncIterator]();
  let index = 0;
  let interrupted = false;
  let completed = false;
  try {
    reading: for (;;) {
      const next = await Promise.race([it.next(), stopped]);
      if (next === "stop") {
        interrupted = true;
        break;
      }
      if (next.done) break;
      const item = next.value;
      const i = index++;
      const print = documentPrint(item);
      if (i < sink.skip) {
        sink.skipped(i, item.id, print);
        continue;
      }
      if (isReadError(item)) {
        flush();
        readError(item, i, print);
      } else if (maxChars > 0 && item.text.length > maxChars) {
        flush();
        const message = `the document has ${item.text.length} characters; the limit is ${maxChars} (--max-chars)`;
        readError({ id: item.id, error: { code: "too-large", message } }, i, print);
      } else {
        batch.push({
          index: i,
          id: item.id,
          text: item.text,
          date: item.date ?? null,
          defaultDate: opts.date ?? null,
          ...(item.messages?.length ? { messages: item.messages } : {}),
        });
        prints.push(print);
        chars += item.text.length;
        if (batch.length >= batchDocs || chars >= batchChars) flush();
      }
      while (inflight.length >= maxInFlight) {
        if (!(await drainHead())) {
          interrupted = true;
          break reading;
        }
      }
    }
    if (!(interrupted && abandon)) flush();
    while (inflight.length > 0) {
      if (!(await drainHead())) {
        interrupted = true;
        break;
      }
    }
    if (interrupted) await sink.interrupt();
    else await sink.finish();
    completed = !interrupted;
  } finally {
    counting.abort();
    progress.stop();
    // A reader blocked on standard input cannot be awaited; let it go.
    if (completed) await it.return?.(undefined);
    else void it.return?.(undefined)?.catch(() => {});
    if (!opts.executor) await executor.close();
  }
  return { counts: sink.counts, interrupted, seconds: (performance.now() - started) / 1000 };
}
