/** `statements extract`: check the flags, then hand the run to the batch runner (src/runner). */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { dayError, loadPipeline, type Pipeline, parseDay } from "../index.js";
import { checkInputs } from "../io/readers.js";
import { exitQuietlyOnClosedStdout } from "../io/writers.js";
import { countDocuments } from "../runner/count.js";
import { defaultWorkers } from "../runner/executor.js";
import { parseQueueUrl, probeRedis, QueueError, queueNameForRun, type QueueTarget } from "../runner/queue.js";
import { QueueExecutor } from "../runner/queue-executor.js";
import { runBatch } from "../runner/run.js";
import { inputsDigest } from "../runner/fingerprint.js";
import { resolveInputs, RunDirError, RunDirSink, type RunIdentity, sameIdentity, type Sink, StdoutSink } from "../runner/sinks.js";
import { onStopSignals } from "./signals.js";

export interface ExtractCliOptions {
  output?: string;
  date?: string;
  pipeline: string;
  pretty?: boolean;
  workers?: string;
  resume?: boolean;
  quiet?: boolean;
  partSize?: string;
  partSeconds?: string;
  progressInterval?: string;
  maxChars?: string;
  queue?: string;
  queueWindow?: string;
  queueBatch?: string;
  queueBatchChars?: string;
}

/** Unfinished jobs in Redis per producer, and documents per job (see docs/queue.md and bench/queue.ts). */
export const DEFAULT_QUEUE_WINDOW = 256;
export const DEFAULT_QUEUE_BATCH = 16;
export const DEFAULT_QUEUE_BATCH_CHARS = 64 * 1024;

export class UsageError extends Error {}

/** Longer documents become "too-large" error records: far above any news article, and stages are
 * not linear on megabyte-long texts. */
export const DEFAULT_MAX_CHARS = 1_000_000;

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag}: Expected a whole number ≥ 1, got "${value}"`);
  return Number(value);
}

function positiveNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag}: Expected a number > 0, got "${value}"`);
  return n;
}

interface CompleteManifest {
  complete?: boolean;
  counts: { in: number; errors: number };
  inputs_resolved?: string[];
  inputs_sha256?: string;
  pipeline?: RunIdentity["pipeline"];
  options?: { date?: string | null; max_chars?: number };
}

/** The manifest of a complete run in `dir` (and no unfinished one), or null. */
async function completedRun(dir: string): Promise<CompleteManifest | null> {
  try {
    await stat(join(dir, ".partial", "state.json"));
    return null;
  } catch {
    // no unfinished run: is there a finished one?
  }
  try {
    const m = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as CompleteManifest;
    return m.complete ? m : null;
  } catch {
    return null;
  }
}

/**
 * --resume of a complete run: nothing to do when it was made from these very inputs (same paths,
 * pipeline, --date and --max-chars, and the same documents: the manifest's inputs_sha256); otherwise
 * a usage error saying what differs — the records in the folder are not those of these inputs.
 */
async function checkCompleteRun(dir: string, m: CompleteManifest, identity: RunIdentity): Promise<void> {
  if (m.inputs_resolved && m.pipeline) {
    const diff = sameIdentity(
      { inputs: m.inputs_resolved, pipeline: m.pipeline, date: m.options?.date ?? null, max_chars: m.options?.max_chars ?? identity.max_chars },
      identity,
    );
    if (diff) throw new UsageError(`cannot resume the run in ${dir}: it is complete, and ${diff.replace("the interrupted one", "the complete one")}; write to another -o folder to make a new run`);
  }
  if (m.inputs_sha256 && !identity.inputs.includes("-")) {
    const now = await inputsDigest(identity.inputs);
    if (now.sha256 !== m.inputs_sha256) {
      throw new UsageError(
        `cannot resume the run in ${dir}: it is complete, but its inputs have changed since (${now.documents} document(s) now, ${m.counts.in} then; ids, texts or dates differ); run extract without --resume to redo it`,
      );
    }
  }
}

export async function runExtract(inputs: string[], opts: ExtractCliOptions): Promise<number> {
  if (opts.date !== undefined && !parseDay(opts.date)) throw new UsageError(`--date: ${dayError(opts.date)}`);
  let target: QueueTarget | undefined;
  if (opts.queue !== undefined) {
    if (!opts.output) throw new UsageError("--queue: needs -o <dir>, the run folder (the queue is named after it)");
    if (opts.workers !== undefined) {
      throw new UsageError("--workers: not used with --queue; start `statements worker --queue <url>` processes instead");
    }
    try {
      target = parseQueueUrl(opts.queue);
    } catch (err) {
      if (err instanceof QueueError) throw new UsageError(err.message);
      throw err;
    }
  } else if (opts.queueWindow !== undefined || opts.queueBatch !== undefined) {
    throw new UsageError("--queue-window, --queue-batch: only with --queue <redis-url>");
  }
  const queueWindow = positiveInt("--queue-window", opts.queueWindow, DEFAULT_QUEUE_WINDOW);
  const queueBatch = positiveInt("--queue-batch", opts.queueBatch, DEFAULT_QUEUE_BATCH);
  const queueBatchChars = positiveInt("--queue-batch-chars", opts.queueBatchChars, DEFAULT_QUEUE_BATCH_CHARS);
  const workers = target ? 0 : positiveInt("--workers", opts.workers, defaultWorkers());
  const partSize = positiveInt("--part-size", opts.partSize, 1000);
  const partSeconds = positiveNumber("--part-seconds", opts.partSeconds, 30);
  const progressInterval = positiveNumber("--progress-interval", opts.progressInterval, 5);
  const maxChars = opts.maxChars === "0" ? 0 : positiveInt("--max-chars", opts.maxChars, DEFAULT_MAX_CHARS);
  if (opts.resume && !opts.output) throw new UsageError("--resume: needs -o <dir>, the folder of the run to continue");
  if (opts.pretty && opts.output) throw new UsageError("--pretty: only for records on stdout (records.jsonl keeps one per line)");
  if (inputs.filter((i) => i === "-").length > 1) throw new UsageError('"-" (standard input) can be given once');
  if (target) {
    // before the run folder is touched: an unreachable Redis is a usage error, within seconds
    try {
      await probeRedis(target);
    } catch (err) {
      if (err instanceof QueueError) throw new UsageError(err.message);
      throw err;
    }
  }
  const missing = await checkInputs(inputs);
  if (missing) throw new UsageError(missing);
  const pipelineRef = opts.pipeline.endsWith(".json") ? resolve(opts.pipeline) : opts.pipeline;
  let pipeline: Pipeline;
  try {
    pipeline = loadPipeline(pipelineRef);
  } catch (err) {
    throw new UsageError(`--pipeline: ${(err as Error).message}`);
  }

  let sink: Sink;
  if (opts.output) {
    const identity: RunIdentity = { inputs: resolveInputs(inputs), pipeline: pipeline.info, date: opts.date ?? null, max_chars: maxChars };
    if (opts.resume) {
      const done = await completedRun(opts.output);
      if (done) {
        await checkCompleteRun(opts.output, done, identity);
        if (!opts.quiet) process.stderr.write(`statements: the run in ${opts.output} is already complete; nothing to do\n`);
        return done.counts.errors > 0 ? 1 : 0;
      }
    }
    let runSink: RunDirSink;
    try {
      runSink = await RunDirSink.open({
        dir: opts.output,
        resume: opts.resume ?? false,
        identity,
        inputsAsGiven: inputs,
        options: {
          pipeline: opts.pipeline,
          date: opts.date ?? null,
          workers: target ? null : workers,
          part_size: partSize,
          max_chars: maxChars,
          ...(target
            ? {
                queue: target.shown,
                queue_name: queueNameForRun(opts.output),
                queue_window: queueWindow,
                queue_batch: queueBatch,
              }
            : {}),
        },
        workers,
        partSize,
        partSeconds,
      });
    } catch (err) {
      if (err instanceof RunDirError) throw new UsageError(err.message);
      throw err;
    }
    sink = runSink;
    if (!opts.quiet) {
      for (const s of runSink.stale) {
        process.stderr.write(`statements: stale: ${s} stopped without finishing (killed?); its uncommitted documents are done again\n`);
      }
      if (sink.skip > 0) process.stderr.write(`statements: resuming ${opts.output}: ${sink.skip} document(s) already done\n`);
    }
  } else {
    exitQuietlyOnClosedStdout();
    sink = new StdoutSink(process.stdout);
  }

  const stop = onStopSignals((sig) => {
    if (opts.quiet) return;
    const what = target
      ? "committing the results collected in order; jobs still in the queue are kept for --resume"
      : "finishing the documents in flight";
    process.stderr.write(`\nstatements: ${sig}: ${what} (again to quit at once)\n`);
  });
  let queueExecutor: QueueExecutor | undefined;
  const counting = new AbortController();
  let result: Awaited<ReturnType<typeof runBatch>>;
  try {
    if (target && opts.output) {
      queueExecutor = await QueueExecutor.open({
        target,
        queueName: queueNameForRun(opts.output),
        runDir: resolve(opts.output),
        pipeline,
        window: queueWindow,
        batchDocs: queueBatch,
        batchChars: queueBatchChars,
        skipped: sink.skip,
        log: (line) => {
          if (!opts.quiet) process.stderr.write(`${line}\n`);
        },
      });
    }
    if (queueExecutor && !opts.quiet) {
      const qe = queueExecutor;
      countDocuments(inputs, counting.signal).then(
        (n) => qe.setTotal(n),
        () => {},
      );
    }
    result = await runBatch({
      executor: queueExecutor,
      inputs,
      pipeline: pipelineRef,
      workers,
      date: opts.date,
      pretty: opts.pretty,
      sink,
      quiet: opts.quiet,
      progressIntervalMs: progressInterval * 1000,
      signal: stop.signal,
      maxChars,
    });
    await queueExecutor?.finish(!result.interrupted);
  } catch (err) {
    if (err instanceof RunDirError) throw new UsageError(err.message);
    throw err;
  } finally {
    counting.abort();
    await queueExecutor?.close();
    stop.dispose();
  }
  const { counts, interrupted, seconds } = result;
  if (!opts.quiet) {
    const rate = seconds > 0 ? (counts.in - sink.skip) / seconds : 0;
    const where = opts.output
      ? interrupted
        ? ` → ${join(opts.output, "manifest.json")} (incomplete; continue with --resume)`
        : ` → ${join(opts.output, "records.jsonl")}`
      : "";
    process.stderr.write(
      `statements: ${interrupted ? "interrupted after " : ""}${counts.in} document(s): ${counts.records} record(s), ${counts.errors} error record(s), ${counts.statements} statement(s) in ${seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s)${where}\n`,
    );
  }
  if (interrupted) return 130;
  return counts.errors > 0 ? 1 : 0;
}
