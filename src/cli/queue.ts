/** `statements worker` and `statements queue status`: the worker side and the view of a queued run. */
import type { Command } from "commander";
import { Option } from "commander";
import { connectRedis, parseQueueUrl, probeRedis, QueueError, queueNameForArg, type QueueTarget } from "../runner/queue.js";
import { QueueStatus, type QueueSnapshot, statusLines } from "../runner/queue-status.js";
import {
  DEFAULT_LOCK_MS,
  DEFAULT_STALLED_MS,
  DEFAULT_STOP_TIMEOUT_MS,
  type QueueWorkerResult,
  runQueueWorker,
  STALLED_PICKUP_MS,
} from "../runner/queue-worker.js";
import { UsageError } from "./extract.js";
import { onStopSignals } from "./signals.js";

interface WorkerCliOptions {
  queue: string;
  concurrency?: string;
  run?: string;
  quiet?: boolean;
  lockMs?: string;
  stalledMs?: string;
  maxStalls?: string;
  pollMs?: string;
  stopTimeoutMs?: string;
}

interface StatusCliOptions {
  queue: string;
  watch?: string | boolean;
}

function whole(flag: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag}: Expected a whole number ≥ ${min}, got "${value}"`);
  return Number(value);
}

async function target(url: string): Promise<QueueTarget> {
  try {
    const t = parseQueueUrl(url);
    await probeRedis(t);
    return t;
  } catch (err) {
    if (err instanceof QueueError) throw new UsageError(err.message);
    throw err;
  }
}

async function runWorkerCommand(opts: WorkerCliOptions): Promise<number> {
  const concurrency = whole("--concurrency", opts.concurrency, 1);
  const lockMs = whole("--lock-ms", opts.lockMs, DEFAULT_LOCK_MS, 100);
  const stalledMs = whole("--stalled-ms", opts.stalledMs, DEFAULT_STALLED_MS, 100);
  const stopTimeoutMs = whole("--stop-timeout-ms", opts.stopTimeoutMs, DEFAULT_STOP_TIMEOUT_MS, 0);
  const maxStalls = whole("--max-stalls", opts.maxStalls, 1, 0);
  const pollMs = whole("--poll-ms", opts.pollMs, 1000, 10);
  const t = await target(opts.queue);
  const stop = onStopSignals((sig) => {
    if (!opts.quiet) {
      process.stderr.write(
        `statements worker: ${sig}: finishing the jobs in hand, for ${Math.round(stopTimeoutMs / 1000)} s at most (again to quit at once)\n`,
      );
    }
  });
  let result: QueueWorkerResult;
  try {
    result = await runQueueWorker({
      target: t,
      concurrency,
      lockMs,
      stalledMs,
      maxStalls,
      pollMs,
      stopTimeoutMs,
      onlyQueue: opts.run ? queueNameForArg(opts.run) : undefined,
      signal: stop.signal,
      log: (line) => {
        if (!opts.quiet) process.stderr.write(`${line}\n`);
      },
    });
  } finally {
    stop.dispose();
  }
  const code = result.clean ? 0 : 1;
  // connections that were let go may still be retrying: do not wait for them
  if (result.letGo) process.exit(code);
  return code;
}

async function runStatusCommand(run: string, opts: StatusCliOptions): Promise<number> {
  const watchS = opts.watch === undefined || opts.watch === false ? null : opts.watch === true ? 2 : Number(opts.watch);
  if (watchS !== null && !(watchS > 0)) throw new UsageError(`--watch: Expected seconds > 0, got "${String(opts.watch)}"`);
  const t = await target(opts.queue);
  const tty = Boolean(process.stdout.isTTY);
  const client = connectRedis(t, (line) => process.stderr.write(`${line}\n`), "statements");
  const status = new QueueStatus(client, run);
  let stopped = false;
  const onSignal = () => {
    stopped = true;
  };
  process.on("SIGINT", onSignal);
  try {
    const live = tty || watchS !== null;
    const interval = (watchS ?? 1) * 1000;
    let shown = 0;
    let prev: { at: number; done: number } | null = null;
    for (;;) {
      const s: QueueSnapshot = await status.snapshot();
      const now = Date.now();
      const doneNow = s.docs.done;
      const recent = prev && now > prev.at ? ((doneNow - prev.done) * 1000) / (now - prev.at) : null;
      prev = { at: now, done: doneNow };
      const lines = statusLines(s, run, t.shown, live ? recent : null);
      if (tty) {
        // redraw the block in place
        if (shown > 0) process.stdout.write(`\x1b[${shown}A`);
        process.stdout.write(lines.map((l) => `\r\x1b[K${l}\n`).join(""));
        shown = lines.length;
      } else {
        process.stdout.write(`${lines.join("\n")}\n`);
      }
      if (!live || stopped || s.complete || (!s.running && s.jobs.waiting + s.jobs.active === 0)) break;
      await new Promise((r) => setTimeout(r, interval));
      if (stopped) break;
    }
  } finally {
    process.off("SIGINT", onSignal);
    await status.close();
    await client.quit().catch(() => client.disconnect());
  }
  return 0;
}

export function registerQueueCommands(program: Command): void {
  program
    .command("worker")
    .description("process the documents of queued runs (extract --queue) from a Redis queue")
    .requiredOption("--queue <redis-url>", "the Redis of the queue: redis://host:6379/0 (rediss:// for TLS)")
    .option("-c, --concurrency <n>", "documents processed in parallel by n worker threads", "1")
    .option("--run <dir|queue>", "serve only this run: its -o folder (absolute, as on the producer's machine) or queue name")
    .option("-q, --quiet", "no log lines on stderr")
    .addOption(new Option("--lock-ms <ms>", "a job's lock lasts this long unless renewed").hideHelp())
    .addOption(new Option("--stalled-ms <ms>", "how often to look for jobs whose worker stopped").hideHelp())
    .addOption(new Option("--max-stalls <n>", "times a job may stall before it fails").hideHelp())
    .addOption(new Option("--poll-ms <ms>", "how often to look for new runs").hideHelp())
    .addOption(new Option("--stop-timeout-ms <ms>", "after SIGTERM/SIGINT, how long the jobs in hand may take").hideHelp())
    .addHelpText(
      "after",
      `
Examples:
  $ statements worker --queue redis://queue-host:6379/0 -c 4     on each machine: 4 threads
  $ statements extract big.jsonl -o run/ --queue redis://queue-host:6379/0

The worker serves every run a producer (extract --queue) has registered, with the run's pipeline;
it refuses runs whose statements version or pipeline config differ from its own. SIGTERM or Ctrl-C
finishes the jobs in hand, then exits 0; after ${DEFAULT_STOP_TIMEOUT_MS / 1000} s (or at once when Redis is unreachable and
nothing is in hand) it stops anyway and says which jobs it left. A second signal exits at once.
Jobs a worker leaves, or holds when it dies, go back to the queue within ${STALLED_PICKUP_MS / 1000} s (their lock expires
after ${DEFAULT_LOCK_MS / 1000} s without renewal; other workers look for them every ${DEFAULT_STALLED_MS / 1000} s).

Exit status: 0 stopped, 1 stopped with jobs left unfinished, 2 usage error (bad URL, Redis unreachable).`,
    )
    .action(async (opts: WorkerCliOptions) => {
      process.exitCode = await runWorkerCommand(opts);
    });

  const queue = program.command("queue").description("look at queued runs (extract --queue)");
  queue
    .command("status")
    .description("jobs waiting, active, done and failed, documents done and documents/s of a queued run")
    .argument("<run>", "the run folder given to extract -o (absolute path on other machines), or the run's queue name")
    .requiredOption("--queue <redis-url>", "the Redis of the queue: redis://host:6379/0")
    .option("--watch [seconds]", "print the status again every few seconds until the run ends (live on a terminal anyway)")
    .addHelpText(
      "after",
      `
On a terminal the view is redrawn every second until the run ends or Ctrl-C; otherwise the status is
printed once (or every --watch seconds) as plain lines.

Exit status: 0 shown, 2 usage error (bad URL, Redis unreachable).`,
    )
    .action(async (run: string, opts: StatusCliOptions) => {
      process.exitCode = await runStatusCommand(run, opts);
    });
}
