/** The types the action modules share: the modes of the page, a draft statement, what actions read. */
import type { ReviewsInfo } from "../api.js";
import type { Role } from "../decisions.js";
import type { Filters } from "../queue.js";
import type { Span } from "../../schema.js";
import type { PendingSpan } from "./use-pending-span.js";
import type { QueueState } from "./use-queue.js";
import type { Toast } from "./use-toast.js";

export type Mode = "normal" | "edit" | "add" | "speaker" | "help" | "note" | "articles" | "confirm-done";
export type RoleCommand = Role | "clear-source" | "clear-cue";
export type SpeakerChoice = { entity: string } | { name: string; role: string | null } | null;

/** A statement being added: the spans chosen so far and its speaker. */
export interface Draft {
  content?: Span;
  source?: Span;
  cue?: Span;
  /** undefined: resolved from the source by the server. */
  speaker?: SpeakerChoice;
  speakerLabel?: string;
}

export interface ActionDeps {
  q: QueueState;
  reviews: ReviewsInfo;
  refresh: () => Promise<ReviewsInfo>;
  say: (text: string, kind?: Toast["kind"]) => void;
  mode: Mode;
  setMode: (m: Mode) => void;
  span: PendingSpan;
  text: string | undefined;
  /** The statement being added (null: not adding). */
  draft: Draft | null;
  setDraft: (d: Draft | null) => void;
  setFilters: (f: Filters) => void;
}

export type Serial = (job: () => Promise<void> | void) => void;
