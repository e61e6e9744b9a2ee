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

/** Builds dist/ with tsc when src/ is newer. Type errors elsewhere do not stop the emit. */
export async function ensureBuilt(): Promise<void> {
  if (isFresh()) return;
  const lock = join(tmpdir(), `statements-build-${Buffer.from(ROOT).toString("hex").slice(-24)}.lock`);
  for (let waited = 0; waited < 180_000; waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // another test file is building: wait for it
      await new Promise((r) => setTimeout(r, 250));
      if (isFresh()) return;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      continue;
    }
    try {
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
  throw new Error("timed out waiting for the build");
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
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 120_000);
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
