/**
 * reviews.jsonl: the append-only decision log beside the records. One JSON line per decision,
 * written with one write + fsync per decision; never rewritten. The server is the only writer.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { DECISIONS, type DecisionLine } from "./decisions.js";

export interface LogRead {
  lines: DecisionLine[];
  /** Lines that could not be used (a torn last line after a crash, a hand edit), with why. */
  warnings: string[];
  /** The file does not end with a newline (a torn write): the next append starts a new line. */
  torn: boolean;
}

function isLine(v: unknown): v is DecisionLine {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return (
    Number.isInteger(o.seq) &&
    typeof o.statement_id === "string" &&
    typeof o.doc_id === "string" &&
    typeof o.decision === "string" &&
    (DECISIONS as readonly string[]).includes(o.decision) &&
    typeof o.client === "string"
  );
}

export function readReviewLog(path: string): LogRead {
  if (!existsSync(path)) return { lines: [], warnings: [], torn: false };
  const body = readFileSync(path, "utf8");
  const lines: DecisionLine[] = [];
  const warnings: string[] = [];
  body.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      warnings.push(`${path}:${i + 1}: not JSON, ignored`);
      return;
    }
    if (isLine(v)) lines.push(v);
    else warnings.push(`${path}:${i + 1}: not a review decision, ignored`);
  });
  return { lines, warnings, torn: body.length > 0 && !body.endsWith("\n") };
}

export class ReviewLog {
  readonly lines: DecisionLine[];
  readonly warnings: string[];
  private fd: number | null = null;
  private torn: boolean;
  private nextSeq: number;

  constructor(readonly path: string) {
    const read = readReviewLog(path);
    this.lines = read.lines;
    this.warnings = read.warnings;
    this.torn = read.torn;
    this.nextSeq = this.lines.reduce((m, l) => Math.max(m, l.seq + 1), 0);
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Assigns the seq, writes the line and fsyncs before returning. */
  append(line: Omit<DecisionLine, "seq" | "v">): DecisionLine {
    const full: DecisionLine = { v: 1, seq: this.nextSeq, ...line };
    if (this.fd === null) this.fd = openSync(this.path, "a");
    const bytes = Buffer.from(`${this.torn ? "\n" : ""}${JSON.stringify(full)}\n`, "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    fsyncSync(this.fd);
    this.torn = false;
    this.nextSeq++;
    this.lines.push(full);
    return full;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
