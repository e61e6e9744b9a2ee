/** `statements extract`: check the flags, then hand the run to the batch runner (src/runner). */
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { loadPipeline, type Pipeline } from "../index.js";
import { checkInputs } from "../io/readers.js";
import { exitQuietlyOnClosedStdout } from "../io/writers.js";
import { defaultWorkers } from "../runner/executor.js";
import { runBatch } from "../runner/run.js";
import { resolveInputs, RunDirError, RunDirSink, type Sink, StdoutSink } from "../runner/sinks.js";

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
}

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

async function completedRun(dir: string): Promise<{ counts: { in: number; errors: number } } | null> {
  try {
    await stat(join(dir, ".partial", "state.json"));
    return null;
  } catch {
    // no unfinished run: is there a finished one?
  }
  try {
    const m = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as {
      complete?: boolean;
      counts: { in: number; errors: number };
    };
    return m.complete ? m : null;
  } catch {
    return null;
  }
}

export async function runExtract(inputs: string[], opts: ExtractCliOptions): Promise<number> {
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    throw new UsageError(`--date: Expected YYYY-MM-DD, got "${opts.date}"`);
  }
  const workers = positiveInt("--workers", opts.workers, defaultWorkers());
  const partSize = positiveInt("--part-size", opts.partSize, 1000);
  const partSeconds = positiveNumber("--part-seconds", opts.partSeconds, 30);
  const progressInterval = positiveNumber("--progress-interval", opts.progressInterval, 5);
  const maxChars = opts.maxChars === "0" ? 0 : positiveInt("--max-chars", opts.maxChars, DEFAULT_MAX_CHARS);
  if (opts.resume && !opts.output) throw new UsageError("--resume: needs -o <dir>, the folder of the run to continue");
  if (opts.pretty && opts.output) throw new UsageError("--pretty: only for records on stdout (records.jsonl keeps one per line)");
  if (inputs.filter((i) => i === "-").length > 1) throw new UsageError('"-" (standard input) can be given once');
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
    if (opts.resume) {
      const done = await completedRun(opts.output);
      if (done) {
        if (!opts.quiet) process.stderr.write(`statements: the run in ${opts.output} is already complete; nothing to do\n`);
        return done.counts.errors > 0 ? 1 : 0;
      }
    }
    try {
      sink = await RunDirSink.open({
        dir: opts.output,
        resume: opts.resume ?? false,
        identity: { inputs: resolveInputs(inputs), pipeline: pipeline.info, date: opts.date ?? null, max_chars: maxChars },
        inputsAsGiven: inputs,
        options: { pipeline: opts.pipeline, date: opts.date ?? null, workers, part_size: partSize, max_chars: maxChars },
        workers,
        partSize,
        partSeconds,
      });
    } catch (err) {
      if (err instanceof RunDirError) throw new UsageError(err.message);
      throw err;
    }
    if (sink.skip > 0 && !opts.quiet) {
      process.stderr.write(`statements: resuming ${opts.output}: ${sink.skip} document(s) already done\n`);
    }
  } else {
    exitQuietlyOnClosedStdout();
    sink = new StdoutSink(process.stdout);
  }

  const stop = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals > 1) process.exit(130);
    if (!opts.quiet) {
      process.stderr.write(`\nstatements: ${sig}: finishing the documents in flight (again to quit at once)\n`);
    }
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let result: Awaited<ReturnType<typeof runBatch>>;
  try {
    result = await runBatch({
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
  } catch (err) {
    if (err instanceof RunDirError) throw new UsageError(err.message);
    throw err;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
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
