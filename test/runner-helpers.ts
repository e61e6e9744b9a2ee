/**
 * Helpers for the runner, CLI, hostile-input and export tests: build dist/ once when it is older
 * than src/ (one build even when test files run in parallel), pick a pipeline that loads, spawn the
 * built CLI, make temp folders.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPipeline, loadPipelineConfig } from "../src/index.js";
import { STAGES } from "../src/stages/index.js";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const CLI = join(ROOT, "dist", "cli", "main.js");
export const CORPUS = join(ROOT, "corpus");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  return existsSync(CLI) && existsSync(join(ROOT, "dist/runner/worker.js")) && newestMtime(join(ROOT, "dist")) >= newestMtime(join(ROOT, "src"));
}

/** The pid in a build lock, and whether that process is still alive. */
function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    // the holder has made the lock and not yet written its pid (or it is gone): look again
    return existsSync(lock);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Builds dist/ with tsc when src/ is newer, once even when test files run in parallel: the first
 * takes a lock (a folder holding its pid) and builds; the others wait until the lock is gone — not
 * until dist/ merely looks fresh, which it does as soon as tsc has written its first file — and take
 * a lock over only when its holder has died. No clock decides. Type errors elsewhere do not stop the
 * emit.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), `statements-build-${Buffer.from(ROOT).toString("hex").slice(-24)}.lock`);
  for (;;) {
    if (existsSync(lock)) {
      if (!lockHolderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    if (isFresh()) return;
    try {
      mkdirSync(lock);
    } catch {
      continue; // another test file took it first
    }
    try {
      writeFileSync(join(lock, "pid"), String(process.pid));
      if (!isFresh()) {
        try {
          execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], { cwd: ROOT, stdio: "pipe" });
        } catch {
          // emitted anyway (noEmitOnError is off); errors belong to `npm run typecheck`
        }
      }
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

let pipelinePath: string | undefined;

/**
 * "default" when it loads; otherwise (stages still being written) a config with those of its
 * stages that exist, written to a temp file.
 */
export function testPipeline(): string {
  if (pipelinePath) return pipelinePath;
  try {
    createPipeline(loadPipelineConfig("default"));
    pipelinePath = "default";
  } catch {
    const def = loadPipelineConfig("default") as { stages: string[] };
    const dir = mkdtempSync(join(tmpdir(), "statements-pipeline-"));
    pipelinePath = join(dir, "test-available.json");
    writeFileSync(pipelinePath, JSON.stringify({ name: "test-available", stages: def.stages.filter((s) => s in STAGES) }));
  }
  return pipelinePath;
}

export function tempDir(prefix = "statements-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { input?: string; cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // a guard against a hung child only, far above any run's duration on a loaded machine (tests do
    // not assert on time; the test's own timeout, vitest.config.ts, is the other guard)
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 540_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.on("error", () => {});
    child.stdin.end(opts.input ?? "");
  });
}

/** JSONL of the corpus articles, each `copies` times under different ids. */
export function corpusJsonl(copies: number): string {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort();
  const texts = files.map((f) => [f, readFileSync(join(CORPUS, f), "utf8")] as const);
  const lines: string[] = [];
  for (let c = 0; c < copies; c++) for (const [f, text] of texts) lines.push(JSON.stringify({ id: `c${c}/${f}`, text }));
  return `${lines.join("\n")}\n`;
}

export interface Spawned {
  child: ReturnType<typeof spawn>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<CliResult>;
  /** resolves when stderr has printed a match of `re` (an event, not a clock); rejects if the process ends first */
  waitForStderr: (re: RegExp) => Promise<void>;
}

/**
 * Spawns the built CLI and lets a test act on what it prints: `waitForStderr(/paused/)` resolves on
 * the data event that completes the match. With the runner's test hook
 * STATEMENTS_TEST_PAUSE_AFTER=<n> the run stops after n documents until a stop signal, so a test can
 * kill or interrupt it at a known point instead of racing it.
 */
export function spawnCli(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const watchers: Array<{ re: RegExp; resolve: () => void }> = [];
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
    for (const w of [...watchers]) {
      if (w.re.test(stderr)) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const waitForStderr = (re: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (re.test(stderr)) return resolve();
      watchers.push({ re, resolve });
      void exited.then((r) => reject(new Error(`the process ended (${r.code ?? r.signal}) before printing ${re}: ${r.stderr}`)));
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitForStderr };
}

/** The runner's test hook: stop after `n` documents until a stop signal (see src/runner/run.ts). */
export const pauseAfter = (n: number) => ({ STATEMENTS_TEST_PAUSE_AFTER: String(n) });
export const PAUSED = /test hook: paused after \d+ document/;
