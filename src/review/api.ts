/** The review server's JSON API, shared by the server and the UI bundle (types only). */
import type { NumberMention, Statement } from "../schema.js";
import type { ArticleMark, DecisionLine, EditedSpans, Flag, QueueOrder, ReviewState, Verdict } from "./decisions.js";

export interface RunDoc {
  index: number;
  doc_id: string;
  date: string | null;
  /** The article text was found among the inputs (otherwise `problem` says why not). */
  available: boolean;
  problem?: string;
  statements: Statement[];
  numbers: NumberMention[];
}

/** GET /api/run */
export interface RunInfo {
  name: string;
  records: string;
  reviews: string;
  /** Records with `error`: not reviewable, counted. */
  errors: { doc_id: string; code: string; message: string }[];
  docs: RunDoc[];
}

/** GET /api/doc/:index */
export interface DocText {
  index: number;
  doc_id: string;
  text: string;
}

/** GET /api/reviews: the replayed log, keyed by statementKey(doc_id, statement id). */
export interface ReviewsInfo {
  /** seq of the last line (-1 for an empty log). */
  seq: number;
  states: Record<string, ReviewState>;
  /** Statements flagged unsure, with their notes. */
  flags: Record<string, Flag>;
  /** Statements reviewers added, by doc_id, in log order (as statements of the record). */
  added: Record<string, Statement[]>;
  /** Articles marked done (or taken back), by doc_id. */
  articles: Record<string, ArticleMark>;
}

export type Offsets = { start: number; end: number };
/** A speaker: an entity of the article, or a typed name. null: no speaker. */
export type SpeakerRequest = { entity?: string; name?: string; role?: string | null } | null;

/** POST /api/decision */
export interface DecisionRequest {
  doc_id: string;
  statement_id: string;
  /** flag: unsure with a note (not a verdict). */
  decision: Verdict | "flag";
  /** edit: offsets only; the server snaps them to words, trims them and takes the text from the article. */
  spans?: { [R in keyof EditedSpans]?: Offsets | null };
  speaker?: SpeakerRequest;
  /** flag: true to flag (with the note), false to clear. */
  unsure?: boolean;
  note?: string;
  client: string;
  queue?: { order: QueueOrder; seed?: number };
}

/** POST /api/add: a statement the extractor missed. Without `speaker`, it is resolved from the source. */
export interface AddRequest {
  doc_id: string;
  spans: { content: Offsets; source?: Offsets | null; cue?: Offsets | null };
  speaker?: SpeakerRequest;
  client: string;
  queue?: { order: QueueOrder; seed?: number };
}

/** POST /api/done: marks an article done (or not). */
export interface DoneRequest {
  doc_id: string;
  done: boolean;
  client: string;
}

export interface DoneResponse {
  line: DecisionLine;
  mark: ArticleMark | null;
}

export interface DecisionResponse {
  line: DecisionLine;
  state: ReviewState | null;
}

/**
 * POST /api/undo: reverts the latest effective decision of `client`; when it has none, the latest
 * of a tab that is gone (closed, or from before a restart).
 */
export interface UndoRequest {
  client: string;
}

/** POST /api/bye: the tab is closing (its decisions may be undone by the next tab). */
export interface ByeRequest {
  client: string;
}

export interface UndoResponse {
  /** The decision reverted, or null when the client had nothing left to undo. */
  undone: DecisionLine | null;
  state: ReviewState | null;
}
