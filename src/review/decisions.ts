/**
 * Review decisions: the lines of reviews.jsonl and their replay into one state per statement.
 * Pure (no Node imports): used by the server, the gold export and the UI bundle.
 *
 * The log is append-only. Replaying it: each statement keeps a stack of its effective decisions in
 * log order; an `undo` line removes the decision it names (`undoes`: that line's seq) or, without
 * `undoes`, the statement's latest effective decision. The state is the fold of what is left:
 * accept → accepted, reject → rejected, edit (spans) and speaker → edited; edits persist through a
 * later accept (status accepted, `changed` true). The last verdict wins.
 */
import type { Span, Speaker, Statement } from "../schema.js";

export type Role = "content" | "source" | "cue";
export const ROLES: readonly Role[] = ["content", "source", "cue"];

export type Verdict = "accept" | "reject" | "edit" | "speaker";
export type DecisionKind = Verdict | "undo";
export const DECISIONS: readonly DecisionKind[] = ["accept", "reject", "edit", "speaker", "undo"];

/** Edited spans of one decision; a role that is absent is unchanged, null clears it (not content). */
export interface EditedSpans {
  content?: Span;
  source?: Span | null;
  cue?: Span | null;
}

export type QueueOrder = "confidence" | "document" | "sample";

export interface DecisionLine {
  /** Log format version. */
  v: 1;
  /** Position in the log, assigned by the server (the single writer). */
  seq: number;
  statement_id: string;
  doc_id: string;
  decision: DecisionKind;
  /** edit: the spans set by this decision. */
  spans?: EditedSpans;
  /** speaker: the speaker chosen (null: no speaker). */
  speaker?: Speaker | null;
  /** undo: the seq of the decision it reverts. */
  undoes?: number;
  /** ISO time of the decision. */
  ts: string;
  /** The browser tab that made it. */
  client: string;
  /** The queue the reviewer was working through (for the record; estimates do not depend on it). */
  queue?: { order: QueueOrder; seed?: number };
}

export type Status = "unreviewed" | "accepted" | "rejected" | "edited";

export interface ReviewState {
  status: Exclude<Status, "unreviewed">;
  /** The spans edited so far (absent roles unchanged). */
  spans: EditedSpans;
  /** Present when the speaker was changed. */
  speaker?: Speaker | null;
  /** Spans or speaker differ from the pipeline's. */
  changed: boolean;
  /** The latest effective decision. */
  seq: number;
  ts: string;
  client: string;
}

/** The key of a statement across a run (statement ids are unique within a document). */
export function statementKey(docId: string, statementId: string): string {
  return JSON.stringify([docId, statementId]);
}

function fold(stack: DecisionLine[]): ReviewState | null {
  const last = stack[stack.length - 1];
  if (!last) return null;
  const state: ReviewState = { status: "accepted", spans: {}, changed: false, seq: last.seq, ts: last.ts, client: last.client };
  for (const line of stack) {
    if (line.decision === "accept") state.status = "accepted";
    else if (line.decision === "reject") state.status = "rejected";
    else if (line.decision === "edit") {
      Object.assign(state.spans, line.spans ?? {});
      state.status = "edited";
      state.changed = true;
    } else if (line.decision === "speaker") {
      state.speaker = line.speaker ?? null;
      state.status = "edited";
      state.changed = true;
    }
  }
  return state;
}

export interface Replayed {
  states: Map<string, ReviewState>;
  /** Effective (not undone) decisions per statement key, in log order. */
  stacks: Map<string, DecisionLine[]>;
}

export function replay(lines: readonly DecisionLine[]): Replayed {
  const stacks = new Map<string, DecisionLine[]>();
  for (const line of lines) {
    const key = statementKey(line.doc_id, line.statement_id);
    let stack = stacks.get(key);
    if (!stack) {
      stack = [];
      stacks.set(key, stack);
    }
    if (line.decision !== "undo") {
      stack.push(line);
      continue;
    }
    const at = line.undoes === undefined ? stack.length - 1 : stack.findIndex((l) => l.seq === line.undoes);
    if (at >= 0) stack.splice(at, 1);
  }
  const states = new Map<string, ReviewState>();
  for (const [key, stack] of stacks) {
    const s = fold(stack);
    if (s) states.set(key, s);
  }
  return { states, stacks };
}

/** The latest effective decision made by `client`, the one its undo reverts. */
export function lastUndoable(replayed: Replayed, client: string): DecisionLine | null {
  let best: DecisionLine | null = null;
  for (const stack of replayed.stacks.values()) {
    for (const line of stack) if (line.client === client && (!best || line.seq > best.seq)) best = line;
  }
  return best;
}

/**
 * The speakers of an article: every distinct entity its statements name, and the speakers reviewers
 * chose for them (`chosen` gives a statement key's chosen speaker). The server and the UI share it.
 */
export function articleSpeakers(
  doc: { doc_id: string; statements: readonly Statement[] },
  chosen: (key: string) => Speaker | null | undefined = () => undefined,
): Speaker[] {
  const out = new Map<string, Speaker>();
  for (const s of doc.statements) {
    if (s.speaker && !out.has(s.speaker.entity)) out.set(s.speaker.entity, s.speaker);
    const changed = chosen(statementKey(doc.doc_id, s.id));
    if (changed && !out.has(changed.entity)) out.set(changed.entity, changed);
  }
  return [...out.values()];
}
