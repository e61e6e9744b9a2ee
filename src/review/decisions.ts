/**
 * Review decisions: the lines of reviews.jsonl and their replay into one state per statement.
 * Pure (no Node imports): used by the server, the gold export and the UI bundle.
 *
 * The log is append-only. Replaying it: each statement keeps a stack of its effective decisions in
 * log order; an `undo` line removes the decision it names (`undoes`: that line's seq) or, without
 * `undoes`, the statement's latest effective decision. The state is the fold of what is left:
 * accept → accepted, reject → rejected, edit (spans) and speaker → edited; edits persist through a
 * later accept (status accepted, `changed` true). The last verdict wins.
 *
 * Added later, in the same format (v 1; older lines replay as before, older readers skip the new
 * kinds): `add` creates a statement the extractor missed (its spans, speaker and kind on the line;
 * its id "added-<seq>"); `flag` marks a statement unsure with a note (`unsure` false clears it; a
 * flag is not a verdict); `done` marks an article done (statement_id "", `done` false takes it back);
 * an `edit` that moves the source carries the speaker re-resolved from it (`speaker_needed` when no
 * speaker of the article matched).
 */
import type { Span, Speaker, Statement } from "../schema.js";

export type Role = "content" | "source" | "cue";
export const ROLES: readonly Role[] = ["content", "source", "cue"];

export type Verdict = "accept" | "reject" | "edit" | "speaker";
export type DecisionKind = Verdict | "undo" | "add" | "flag" | "done";
export const DECISIONS: readonly DecisionKind[] = ["accept", "reject", "edit", "speaker", "undo", "add", "flag", "done"];

/** The statement_id of article-level lines (done). */
export const ARTICLE_LINE = "";

/** Edited spans of one decision; a role that is absent is unchanged, null clears it (not content). */
export interface EditedSpans {
  content?: Span;
  source?: Span | null;
  cue?: Span | null;
}

export type QueueOrder = "confidence" | "article" | "document" | "sample";
export const QUEUE_ORDERS: readonly QueueOrder[] = ["confidence", "article", "document", "sample"];

export interface DecisionLine {
  /** Log format version. */
  v: 1;
  /** Position in the log, assigned by the server (the single writer). */
  seq: number;
  statement_id: string;
  doc_id: string;
  decision: DecisionKind;
  /** edit: the spans set by this decision; add: the new statement's spans (content always). */
  spans?: EditedSpans;
  /** speaker: the speaker chosen (null: no speaker); edit of the source, add: the speaker resolved from it. */
  speaker?: Speaker | null;
  /** edit, add: no speaker of the article matched the source; someone has to name one. */
  speaker_needed?: true;
  /** add: the kind of the new statement. */
  kind?: Statement["kind"];
  /** flag: unsure (true, with a note) or cleared (false). */
  unsure?: boolean;
  note?: string;
  /** done: the article is marked done (true) or taken back (false). */
  done?: boolean;
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
  /** The source moved and no speaker of the article matched it. */
  speakerNeeded?: boolean;
  /** The statement was added by a reviewer (an `add` line). */
  added?: boolean;
  /** Spans or speaker differ from the pipeline's. */
  changed: boolean;
  /** The latest effective decision. */
  seq: number;
  ts: string;
  client: string;
}

export type ShownStatus = Status | "added";

/** The status a reviewer sees: added statements stay "added" until rejected. */
export function statusOf(state: ReviewState | undefined): ShownStatus {
  if (!state) return "unreviewed";
  if (state.status === "rejected") return "rejected";
  if (state.added) return "added";
  return state.changed ? "edited" : "accepted";
}

/** The key of a statement across a run (statement ids are unique within a document). */
export function statementKey(docId: string, statementId: string): string {
  return JSON.stringify([docId, statementId]);
}

export function articleKey(docId: string): string {
  return statementKey(docId, ARTICLE_LINE);
}

function fold(stack: DecisionLine[]): ReviewState | null {
  const verdicts = stack.filter((l) => l.decision !== "flag");
  const last = verdicts[verdicts.length - 1];
  if (!last) return null;
  const state: ReviewState = { status: "accepted", spans: {}, changed: false, seq: last.seq, ts: last.ts, client: last.client };
  const setSpeaker = (line: DecisionLine) => {
    state.speaker = line.speaker ?? null;
    if (line.speaker_needed) state.speakerNeeded = true;
    else delete state.speakerNeeded;
  };
  for (const line of verdicts) {
    if (line.decision === "accept") state.status = "accepted";
    else if (line.decision === "reject") state.status = "rejected";
    else if (line.decision === "add") {
      state.spans = { ...line.spans };
      setSpeaker(line);
      state.added = true;
      state.changed = true;
    } else if (line.decision === "edit") {
      Object.assign(state.spans, line.spans ?? {});
      if ("speaker" in line) setSpeaker(line);
      state.status = "edited";
      state.changed = true;
    } else if (line.decision === "speaker") {
      setSpeaker(line);
      state.status = "edited";
      state.changed = true;
    }
  }
  return state;
}

/** An unsure flag and its note. */
export interface Flag {
  note: string;
  seq: number;
  ts: string;
  client: string;
}

/** An article marked done. */
export interface ArticleMark {
  done: boolean;
  seq: number;
  ts: string;
  client: string;
}

export interface Replayed {
  states: Map<string, ReviewState>;
  /** Effective (not undone) decisions per statement key (and per article key), in log order. */
  stacks: Map<string, DecisionLine[]>;
  /** Statements flagged unsure, by statement key. */
  flags: Map<string, Flag>;
  /** Statements added by reviewers: their (effective) add lines, by statement key, in log order. */
  added: Map<string, DecisionLine>;
  /** Articles marked done (or taken back), by doc_id. */
  articles: Map<string, ArticleMark>;
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
  const flags = new Map<string, Flag>();
  const added = new Map<string, DecisionLine>();
  const articles = new Map<string, ArticleMark>();
  for (const [key, stack] of stacks) {
    const last = stack[stack.length - 1];
    if (!last) continue;
    if (last.statement_id === ARTICLE_LINE) {
      const mark = stack.filter((l) => l.decision === "done").at(-1);
      if (mark) articles.set(mark.doc_id, { done: mark.done !== false, seq: mark.seq, ts: mark.ts, client: mark.client });
      continue;
    }
    const add = stack.find((l) => l.decision === "add");
    if (add) added.set(key, add);
    const flag = stack.filter((l) => l.decision === "flag").at(-1);
    if (flag?.unsure) flags.set(key, { note: flag.note ?? "", seq: flag.seq, ts: flag.ts, client: flag.client });
    const s = fold(stack);
    if (s) states.set(key, s);
  }
  return { states, stacks, flags, added, articles };
}

/** The statement an `add` line creates, in the record's shape (confidence 1: a reviewer's). */
export function addedStatement(line: DecisionLine): Statement | null {
  const content = line.spans?.content;
  if (line.decision !== "add" || !content) return null;
  return {
    id: line.statement_id,
    kind: line.kind ?? "indirect",
    content,
    cue: line.spans?.cue ?? null,
    source: line.spans?.source ?? null,
    speaker: line.speaker ?? null,
    confidence: 1,
    numbers: [],
  };
}

/** A document's statements with those reviewers added (in log order after the extractor's). */
export function withAdded(docId: string, statements: readonly Statement[], added: Iterable<DecisionLine>): Statement[] {
  const extra: Statement[] = [];
  for (const line of added) {
    if (line.doc_id !== docId) continue;
    const s = addedStatement(line);
    if (s) extra.push(s);
  }
  return extra.length === 0 ? [...statements] : [...statements, ...extra];
}

/**
 * The decision an undo of `client` reverts: its own latest effective decision; when it has none, the
 * latest of a client `adoptable` says is gone (a closed tab, a tab of a server before a restart), so
 * that undo survives a reopened tab and a restart without reaching into another open tab's work.
 */
export function lastUndoable(replayed: Replayed, client: string, adoptable: (client: string) => boolean = () => false): DecisionLine | null {
  let own: DecisionLine | null = null;
  let orphan: DecisionLine | null = null;
  for (const stack of replayed.stacks.values()) {
    for (const line of stack) {
      if (line.client === client) {
        if (!own || line.seq > own.seq) own = line;
      } else if ((!orphan || line.seq > orphan.seq) && adoptable(line.client)) orphan = line;
    }
  }
  return own ?? orphan;
}
