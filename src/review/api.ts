/** The review server's JSON API, shared by the server and the UI bundle (types only). */
import type { NumberMention, Statement } from "../schema.js";
import type { DecisionLine, EditedSpans, QueueOrder, ReviewState, Verdict } from "./decisions.js";

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
}

/** POST /api/decision */
export interface DecisionRequest {
  doc_id: string;
  statement_id: string;
  decision: Verdict;
  /** edit: offsets only; the server trims them and takes the text from the article. */
  spans?: { [R in keyof EditedSpans]?: { start: number; end: number } | null };
  /** speaker: an entity of the article, or a typed name. null: no speaker. */
  speaker?: { entity?: string; name?: string; role?: string | null } | null;
  client: string;
  queue?: { order: QueueOrder; seed?: number };
}

export interface DecisionResponse {
  line: DecisionLine;
  state: ReviewState | null;
}

/** POST /api/undo: reverts the latest effective decision of `client`. */
export interface UndoRequest {
  client: string;
}

export interface UndoResponse {
  /** The decision reverted, or null when the client had nothing left to undo. */
  undone: DecisionLine | null;
  state: ReviewState | null;
}
