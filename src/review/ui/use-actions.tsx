/** What the reviewer does to the current statement: every decision goes to the server, then the state is re-fetched. */
import type { DecisionRequest, DecisionResponse, ReviewsInfo, UndoResponse } from "../api.js";
import { type Role, statementKey } from "../decisions.js";
import { api, clientId } from "./fetch-api.js";
import type { QueueState } from "./use-queue.js";
import type { Toast } from "./use-toast.js";

export type Mode = "normal" | "edit" | "speaker" | "help";
export type Action = "accept" | "reject" | "edit" | "speaker";
export type RoleCommand = Role | "clear-source" | "clear-cue";
export type SpeakerChoice = { entity: string } | { name: string; role: string | null } | null;
export type Selection = { start: number; end: number } | null;

export interface ActionDeps {
  q: QueueState;
  mode: Mode;
  setMode: (m: Mode) => void;
  selection: Selection;
  setSelection: (s: Selection) => void;
  refresh: () => Promise<ReviewsInfo>;
  say: (text: string, kind?: Toast["kind"]) => void;
}

export interface Actions {
  act: (action: Action) => Promise<void>;
  setRole: (role: RoleCommand) => Promise<void>;
  pickSpeaker: (choice: SpeakerChoice) => Promise<void>;
  undo: () => Promise<void>;
}

export function useActions({ q, mode, setMode, selection, setSelection, refresh, say }: ActionDeps): Actions {
  const { current } = q;

  const decide = async (decision: DecisionRequest["decision"], extra: Partial<DecisionRequest> = {}) => {
    if (!current) return null;
    try {
      const res = await api<DecisionResponse>("/api/decision", {
        doc_id: current.doc.doc_id,
        statement_id: current.s.id,
        decision,
        client: clientId,
        queue: { order: q.order, seed: q.seed },
        ...extra,
      } satisfies DecisionRequest);
      const fresh = await refresh();
      return { res, fresh };
    } catch (e) {
      say((e as Error).message, "err");
      return null;
    }
  };

  const act = async (action: Action) => {
    if (!current) return;
    if (action === "edit") {
      setMode(mode === "edit" ? "normal" : "edit");
      return;
    }
    if (action === "speaker") {
      setMode("speaker");
      return;
    }
    const done = await decide(action);
    if (done) {
      say(action === "accept" ? "Accepted" : "Rejected");
      setMode("normal");
      q.go(q.nextUnreviewed(done.fresh.states));
    }
  };

  const setRole = async (role: RoleCommand) => {
    if (role === "clear-source" || role === "clear-cue") {
      const r = role === "clear-source" ? "source" : "cue";
      if (await decide("edit", { spans: { [r]: null } })) say(`${r} cleared`);
      return;
    }
    if (!selection) {
      say("Select text in the article first", "err");
      return;
    }
    const done = await decide("edit", { spans: { [role]: selection } });
    if (done) {
      const span = done.res.state?.spans[role];
      say(`${role} set${span ? `: “${span.text.slice(0, 60)}”` : ""}`);
      window.getSelection()?.removeAllRanges();
      setSelection(null);
    }
  };

  const pickSpeaker = async (choice: SpeakerChoice) => {
    setMode("normal");
    const done = await decide("speaker", { speaker: choice });
    if (done) say(`Speaker: ${done.res.state?.speaker?.name ?? "none"}`);
  };

  const undo = async () => {
    try {
      const res = await api<UndoResponse>("/api/undo", { client: clientId });
      await refresh();
      if (!res.undone) say("Nothing of yours left to undo", "err");
      else {
        say(`Undid ${res.undone.decision}`);
        q.go(statementKey(res.undone.doc_id, res.undone.statement_id));
      }
    } catch (e) {
      say((e as Error).message, "err");
    }
  };

  return { act, setRole, pickSpeaker, undo };
}
