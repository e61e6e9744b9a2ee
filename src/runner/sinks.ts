/**
 * Where ordered record lines go. StdoutSink: JSONL on standard output, nothing else. RunDirSink: an
 * output folder with resumable parts:
 *
 *   <dir>/.partial/state.json                    the cursor: committed parts, counts, run identity
 *   <dir>/.partial/<from>-<to>.jsonl             records of documents [from, to), committed by rename
 *   <dir>/.partial/<from>-<to>.errors.jsonl      their error lines (committed before the records)
 *   <dir>/records.jsonl, errors.jsonl            the parts concatenated, when the run is complete
 *   <dir>/manifest.json                          inputs, counts, pipeline, durations; complete or not
 *
 * A part is committed when it holds `partSize` documents or `partSeconds` have passed, and when the
 * run stops. --resume keeps the parts that state.json lists and skips their documents, checking that
 * the inputs still hold them unchanged (ids, and each part's hash of the documents' fingerprints:
 * fingerprint.ts); the final files are byte-identical to those of an uninterrupted run. A resume that
 * is refused changes nothing in the folder: the new session begins only once the skipped documents
 * have been checked.
 *
 * manifest.json exists from the start of a session: "running" (with the session's pid and host,
 * updated at each committed part), then "interrupted" or "complete". A session still "running" when
 * the next one starts stopped without finishing (killed, crashed, machine lost): the next --resume
 * says so and marks it "killed"; it refuses while that process is still alive on this machine.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type FileHandle, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import type { DocumentRecord } from "../schema.js";
import { SCHEMA_VERSION } from "../schema.js";
import { packageVersion } from "../package-info.js";
import { checkWritablePath, concatFilesAtomic, makeFolder, writeFileAtomic, writeTo } from "../io/writers.js";
import type { BatchDocumentError } from "./batch.js";
import { PrintHash } from "./fingerprint.js";

export class RunDirError extends Error {}

/** A finished stretch of documents, in input order. */
export interface Chunk {
  ids: string[];
  /** the documents' fingerprints (fingerprint.ts), in the same order */
  prints: string[];
  lines: string[];
  statements: number[];
  errors: BatchDocumentError[];
}

export interface Counts {
  in: number;
  records: number;
  errors: number;
  statements: number;
}

export interface Sink {
  /** documents already done by an earlier session (resume); the runner skips that many */
  readonly skip: number;
  readonly counts: Counts;
  /** called for each skipped document, in order: checks the inputs are those of the earlier run */
  skipped(index: number, id: string, print: string): void;
  write(chunk: Chunk): Promise<void>;
  /** the run stopped early (SIGINT): keep what is done, mark the manifest incomplete */
  interrupt(): Promise<void>;
  finish(): Promise<void>;
}

function emptyCounts(): Counts {
  return { in: 0, records: 0, errors: 0, statements: 0 };
}

function addChunk(counts: Counts, byCode: Record<string, number>, chunk: Chunk): void {
  counts.in += chunk.lines.length;
  counts.errors += chunk.errors.length;
  counts.records += chunk.lines.length - chunk.errors.length;
  for (const s of chunk.statements) counts.statements += s;
  for (const e of chunk.errors) byCode[e.code] = (byCode[e.code] ?? 0) + 1;
}

export class StdoutSink implements Sink {
  readonly skip = 0;
  readonly counts = emptyCounts();
  readonly errorsByCode: Record<string, number> = {};
  constructor(private readonly out: NodeJS.WritableStream) {}
  skipped(): void {}
  async write(chunk: Chunk): Promise<void> {
    addChunk(this.counts, this.errorsByCode, chunk);
    if (chunk.lines.length > 0) await writeTo(this.out, `${chunk.lines.join("\n")}\n`);
  }
  async interrupt(): Promise<void> {}
  async finish(): Promise<void> {}
}

interface PartInfo extends Counts {
  from: number;
  to: number;
  /** sha256 of the part's document ids, each followed by "\n": checked when resuming */
  ids_sha256: string;
  /** sha256 of the part's document fingerprints (fingerprint.ts): checked when resuming (absent in older runs) */
  inputs_sha256?: string;
  errors_by_code: Record<string, number>;
}

interface Session {
  started_at: string;
  finished_at: string | null;
  duration_s: number;
  documents: number;
  workers: number;
  /** "killed": it was still "running" when the next session started (it never said it stopped) */
  status: "running" | "complete" | "interrupted" | "killed";
  pid?: number;
  host?: string;
}

/** What must be equal for --resume to continue a run. */
export interface RunIdentity {
  inputs: string[];
  pipeline: DocumentRecord["pipeline"];
  date: string | null;
  max_chars: number;
}

interface State extends RunIdentity {
  state_version: 1;
  started_at: string;
  parts: PartInfo[];
  sessions: Session[];
}

export interface RunDirOptions {
  dir: string;
  resume: boolean;
  identity: RunIdentity;
  /** as given on the command line, for the manifest */
  inputsAsGiven: string[];
  options: Record<string, unknown>;
  workers: number;
  partSize: number;
  partSeconds: number;
}

const pad = (n: number) => String(n).padStart(12, "0");
const partName = (from: number, to: number) => `${pad(from)}-${pad(to)}`;

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Why a run made with identity `a` cannot be continued with `b`, or null. */
export function sameIdentity(a: RunIdentity, b: RunIdentity): string | null {
  if (JSON.stringify(a.inputs) !== JSON.stringify(b.inputs)) {
    return `inputs differ: this run has ${JSON.stringify(b.inputs)}, the interrupted one ${JSON.stringify(a.inputs)}`;
  }
  if (a.pipeline.config_sha256 !== b.pipeline.config_sha256 || a.pipeline.version !== b.pipeline.version) {
    return `pipeline differs: this run has ${b.pipeline.name} ${b.pipeline.version} (config ${b.pipeline.config_sha256.slice(0, 12)}), the interrupted one ${a.pipeline.name} ${a.pipeline.version} (config ${a.pipeline.config_sha256.slice(0, 12)})`;
  }
  if (a.max_chars !== b.max_chars) return `--max-chars differs: this run has ${b.max_chars}, the interrupted one ${a.max_chars}`;
  if (a.date !== b.date) return `--date differs: this run has ${b.date ?? "none"}, the interrupted one ${a.date ?? "none"}`;
  return null;
}

/** Whether a process is alive: true or false on this machine, null for another host (cannot tell). */
export function processAlive(pid: number | undefined, host: string | undefined): boolean | null {
  if (pid === undefined || host !== hostname()) return host === undefined ? false : null;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // the pid may have been reused by an unrelated process since
  try {
    return /node|statements/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return true;
  }
}

/** A session's start, pid and host, for messages. */
export function describeSession(s: Pick<Session, "started_at" | "pid" | "host">): string {
  return `the session started ${s.started_at}${s.pid ? ` (pid ${s.pid}${s.host && s.host !== hostname() ? ` on ${s.host}` : ""})` : ""}`;
}

export class RunDirSink implements Sink {
  readonly counts = emptyCounts();
  skip = 0;
  /** earlier sessions that never said they stopped (killed, crashed): for the resume message */
  readonly stale: string[] = [];
  private readonly partial: string;
  private state!: State;
  private session!: Session;
  private readonly sessionStart = performance.now();
  private byCode: Record<string, number> = {};
  /** the session has begun: the folder is prepared and state.json lists it */
  private begun = false;
  // the part being written
  private fh: FileHandle | undefined;
  private partFrom = 0;
  private partIds = createHash("sha256");
  private partInputs = new PrintHash();
  private partCounts = emptyCounts();
  private partByCode: Record<string, number> = {};
  private partErrors: string[] = [];
  private partOpened = 0;
  /** every document's fingerprint, in input order: the manifest's inputs_sha256 of a complete run */
  private readonly allInputs = new PrintHash();
  // resume checking
  private skipHash = createHash("sha256");
  private skipInputs = new PrintHash();
  private skipPart = 0;
  private skipSeen = 0;

  private constructor(private readonly opts: RunDirOptions) {
    this.partial = join(opts.dir, ".partial");
  }

  /** Checks the folder: a fresh run, or a resumed one. Throws RunDirError for usage problems. */
  static async open(opts: RunDirOptions): Promise<RunDirSink> {
    const sink = new RunDirSink(opts);
    await sink.prepare();
    return sink;
  }

  private async prepare(): Promise<void> {
    const { dir } = this.opts;
    if ((await exists(dir)) && !(await stat(dir)).isDirectory()) {
      throw new RunDirError(`-o ${dir}: Expected a folder, got a file`);
    }
    const statePath = join(this.partial, "state.json");
    let previous: State | null = null;
    if (await exists(statePath)) {
      try {
        previous = JSON.parse(await readFile(statePath, "utf8")) as State;
      } catch (err) {
        throw new RunDirError(`${statePath}: unreadable (${(err as Error).message}); delete ${this.partial} to start over`);
      }
    }
    const now = new Date().toISOString();
    if (previous && !this.opts.resume) {
      const done = previous.parts.at(-1)?.to ?? 0;
      throw new RunDirError(
        `${dir} holds an unfinished run (${done} document(s) done); continue it with --resume, or delete ${this.partial} to start over`,
      );
    }
    this.session = {
      started_at: now,
      finished_at: null,
      duration_s: 0,
      documents: 0,
      workers: this.opts.workers,
      status: "running",
      pid: process.pid,
      host: hostname(),
    };
    if (previous) {
      const diff = sameIdentity(previous, this.opts.identity);
      if (diff) throw new RunDirError(`cannot resume the run in ${dir}: ${diff}`);
      for (const old of previous.sessions) {
        if (old.status !== "running") continue;
        if (processAlive(old.pid, old.host) === true) {
          throw new RunDirError(
            `cannot resume the run in ${dir}: ${describeSession(old)} is still running it; stop it first (or wait for it)`,
          );
        }
        this.stale.push(describeSession(old));
      }
      this.state = previous;
      for (const p of previous.parts) {
        this.counts.in += p.in;
        this.counts.records += p.records;
        this.counts.errors += p.errors;
        this.counts.statements += p.statements;
        for (const [k, v] of Object.entries(p.errors_by_code)) this.byCode[k] = (this.byCode[k] ?? 0) + v;
        for (const f of [`${partName(p.from, p.to)}.jsonl`, `${partName(p.from, p.to)}.errors.jsonl`]) {
          if (!(await exists(join(this.partial, f)))) throw new RunDirError(`cannot resume: ${join(this.partial, f)} is missing`);
        }
      }
      this.skip = previous.parts.at(-1)?.to ?? 0;
      // the session begins once the skipped documents are checked (a refused resume changes nothing)
      return;
    }
    this.state = { state_version: 1, ...this.opts.identity, started_at: now, parts: [], sessions: [] };
    await this.begin();
  }

  /** Prepares the folder for this session and records it in state.json and the manifest. */
  private async begin(): Promise<void> {
    if (this.begun) return;
    this.begun = true;
    const cannot = await checkWritablePath("-o", this.opts.dir, true);
    if (cannot) throw new RunDirError(cannot);
    await makeFolder(this.partial);
    // Keep only committed parts; anything else is from a session that stopped mid-part.
    const keep = new Set<string>(["state.json"]);
    for (const p of this.state.parts) {
      keep.add(`${partName(p.from, p.to)}.jsonl`);
      keep.add(`${partName(p.from, p.to)}.errors.jsonl`);
    }
    for (const f of await readdir(this.partial)) if (!keep.has(f)) await rm(join(this.partial, f), { force: true });
    // results of an older run in this folder no longer hold
    for (const f of ["records.jsonl", "errors.jsonl"]) await rm(join(this.opts.dir, f), { force: true });
    for (const old of this.state.sessions) if (old.status === "running") old.status = "killed";
    this.state.sessions.push(this.session);
    this.partFrom = this.skip;
    await this.save("running");
  }

  private async save(status: "running" | "interrupted" | "complete"): Promise<void> {
    if (status !== "complete") await writeFileAtomic(join(this.partial, "state.json"), `${JSON.stringify(this.state)}\n`);
    await writeFileAtomic(join(this.opts.dir, "manifest.json"), `${JSON.stringify(this.manifest(status), null, 2)}\n`);
  }

  skipped(index: number, id: string, print: string): void {
    const part = this.state.parts[this.skipPart];
    if (!part) return;
    this.skipSeen = index + 1;
    this.skipHash.update(`${id}\n`);
    this.skipInputs.add(print);
    this.allInputs.add(print);
    if (index + 1 === part.to) {
      const where = `the documents ${part.from}–${part.to - 1} of the inputs`;
      if (this.skipHash.digest("hex") !== part.ids_sha256) {
        throw new RunDirError(
          `cannot resume the run in ${this.opts.dir}: ${where} are not those of the interrupted run (document ${index} is ${JSON.stringify(id)}); restore the inputs, or delete ${this.partial} to start over`,
        );
      }
      const inputs = this.skipInputs.digest();
      if (part.inputs_sha256 !== undefined && inputs !== part.inputs_sha256) {
        throw new RunDirError(
          `cannot resume the run in ${this.opts.dir}: ${where} have changed since the interrupted run processed them (same ids; other text, date or reader messages); restore the inputs, or delete ${this.partial} to start over`,
        );
      }
      this.skipHash = createHash("sha256");
      this.skipPart++;
    }
  }

  async write(chunk: Chunk): Promise<void> {
    if (chunk.lines.length === 0) return;
    await this.checkSkipped();
    await this.begin();
    if (!this.fh) {
      this.fh = await open(join(this.partial, "current.jsonl.tmp"), "w");
      this.partOpened = performance.now();
    }
    await this.fh.write(`${chunk.lines.join("\n")}\n`);
    for (const id of chunk.ids) this.partIds.update(`${id}\n`);
    for (const p of chunk.prints) {
      this.partInputs.add(p);
      this.allInputs.add(p);
    }
    addChunk(this.partCounts, this.partByCode, chunk);
    addChunk(this.counts, this.byCode, chunk);
    for (const e of chunk.errors) this.partErrors.push(JSON.stringify(e));
    this.session.documents += chunk.lines.length;
    if (
      this.partCounts.in >= this.opts.partSize ||
      performance.now() - this.partOpened >= this.opts.partSeconds * 1000
    ) {
      await this.commit();
    }
  }

  /** Every document the earlier sessions did must still be in the inputs. */
  private async checkSkipped(): Promise<void> {
    if (this.skipSeen < this.skip) {
      throw new RunDirError(
        `cannot resume the run in ${this.opts.dir}: the inputs hold ${this.skipSeen} document(s); the interrupted run had done ${this.skip}; restore the inputs, or delete ${this.partial} to start over`,
      );
    }
  }

  /** Commits the part being written: errors file, then records file (both by rename), then the cursor. */
  private async commit(): Promise<void> {
    const fh = this.fh;
    if (!fh) return;
    this.fh = undefined;
    await fh.sync();
    await fh.close();
    const from = this.partFrom;
    const to = from + this.partCounts.in;
    const name = partName(from, to);
    await writeFileAtomic(
      join(this.partial, `${name}.errors.jsonl`),
      this.partErrors.length ? `${this.partErrors.join("\n")}\n` : "",
    );
    await rename(join(this.partial, "current.jsonl.tmp"), join(this.partial, `${name}.jsonl`));
    this.state.parts.push({
      from,
      to,
      ...this.partCounts,
      ids_sha256: this.partIds.digest("hex"),
      inputs_sha256: this.partInputs.digest(),
      errors_by_code: this.partByCode,
    });
    this.updateSession("running");
    await this.save("running");
    this.partFrom = to;
    this.partIds = createHash("sha256");
    this.partCounts = emptyCounts();
    this.partByCode = {};
    this.partErrors = [];
  }

  private updateSession(status: Session["status"]): void {
    this.session.duration_s = Math.round((performance.now() - this.sessionStart) / 10) / 100;
    this.session.finished_at = status === "running" ? null : new Date().toISOString();
    this.session.status = status;
  }

  private manifest(status: "running" | "interrupted" | "complete"): unknown {
    const complete = status === "complete";
    const duration = this.state.sessions.reduce((s, x) => s + x.duration_s, 0);
    const processed = this.state.sessions.reduce((s, x) => s + x.documents, 0);
    const byCode = Object.fromEntries(Object.entries(this.byCode).sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      complete,
      status,
      tool: { name: "statements", version: packageVersion() },
      schema_version: SCHEMA_VERSION,
      inputs: this.opts.inputsAsGiven,
      inputs_resolved: this.state.inputs,
      // the fingerprints of all input documents (src/runner/fingerprint.ts): --resume of a complete run checks them
      ...(complete ? { inputs_sha256: this.allInputs.digest() } : {}),
      options: this.opts.options,
      pipeline: this.state.pipeline,
      counts: { ...this.counts },
      errors_by_code: byCode,
      files: complete
        ? { records: "records.jsonl", errors: "errors.jsonl" }
        : { parts: ".partial/", resume: "run the same command with --resume to continue" },
      started_at: this.state.started_at,
      ...(status === "running" ? { updated_at: new Date().toISOString() } : {}),
      finished_at: this.session.finished_at,
      duration_s: Math.round(duration * 100) / 100,
      docs_per_s: duration > 0 ? Math.round((processed / duration) * 10) / 10 : null,
      sessions: this.state.sessions,
    };
  }

  async interrupt(): Promise<void> {
    // stopped before the skipped documents were all read: nothing was done, the folder stays as it was
    if (!this.begun && this.skipSeen < this.skip) return;
    await this.begin();
    await this.commit();
    this.updateSession("interrupted");
    await this.save("interrupted");
  }

  async finish(): Promise<void> {
    await this.checkSkipped();
    await this.begin();
    await this.commit();
    this.updateSession("complete");
    const names = this.state.parts.map((p) => partName(p.from, p.to));
    await concatFilesAtomic(
      names.map((n) => join(this.partial, `${n}.jsonl`)),
      join(this.opts.dir, "records.jsonl"),
    );
    await concatFilesAtomic(
      names.map((n) => join(this.partial, `${n}.errors.jsonl`)),
      join(this.opts.dir, "errors.jsonl"),
    );
    await this.save("complete");
    await rm(this.partial, { recursive: true, force: true });
  }
}

export function resolveInputs(inputs: string[]): string[] {
  return inputs.map((i) => (i === "-" ? "-" : resolve(i)));
}
