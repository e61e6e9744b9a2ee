/**
 * Decisions on the current statement and article: accept, reject, span edits, the speaker, the
 * unsure flag, the article's done mark, undo. Each goes to the server, then the state is re-fetched
 * and the cursor moves: after a first decision to the next statement still to do, after a
 * correction of an earlier one to the next statement in queue order.
 */
import type { DecisionRequest, DecisionResponse, DoneResponse, ReviewsInfo, UndoResponse } from "../api.js";
import { statementKey } from "../decisions.js";
import { api, clientId } from "./fetch-api.js";
import type { ActionDeps, RoleCommand, Serial, SpeakerChoice } from "./action-types.js";

export interface DecisionActions {
  verdict: (v: "accept" | "reject") => void;
  toggleEdit: () => void;
  openSpeaker: () => void;
  setRole: (role: RoleCommand) => void;
  pickSpeaker: (choice: SpeakerChoice, label: string) => void;
  openNote: () => void;
  flag: (note: string, unsure: boolean) => void;
  requestDone: () => void;
  markDone: (done: boolean) => void;
  undo: () => void;
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function decisionActions(get: () => ActionDeps, serial: Serial): DecisionActions {
  /** Posts a decision on the current statement; null (and a message) when it failed. */
  const decide = async (decision: DecisionRequest["decision"], extra: Partial<DecisionRequest> = {}) => {
    const { q, refresh, say } = get();
    const cur = q.current;
    if (!cur) return null;
    try {
      const res = await api<DecisionResponse>("/api/decision", {
        doc_id: cur.doc.doc_id,
        statement_id: cur.s.id,
        decision,
        client: clientId,
        queue: { order: q.order, seed: q.seed },
        ...extra,
      } satisfies DecisionRequest);
      return { res, fresh: await refresh() };
    } catch (e) {
      say((e as Error).message, "err");
      return null;
    }
  };

  /** Where to go after a decision, and the message for an article it finished. */
  const moveOn = (fresh: ReviewsInfo, wasDecided: boolean, docId: string, before: boolean, done: string) => {
    const { q, say } = get();
    const finished = !before && q.article(docId, fresh.states, fresh.articles).finished;
    const next = wasDecided ? q.queue[q.position + 1]?.key : q.nextToDo(q.position, fresh.states, fresh.articles);
    if (finished) {
      const a = q.article(docId, fresh.states, fresh.articles);
      say(`Article finished: ${docId.split("/").at(-1)} (${a.decided} of ${a.total})${next ? "; on to the next" : ""}`);
    } else say(next ? done : `${done}; ${wasDecided ? "end of the queue" : "nothing left to decide in this queue"}`);
    if (next) q.go(next);
  };

  return {
    verdict: (v) =>
      serial(async () => {
        const { q, reviews, setMode } = get();
        const cur = q.current;
        if (!cur) return;
        const key = statementKey(cur.doc.doc_id, cur.s.id);
        const wasDecided = reviews.states[key] !== undefined;
        const before = q.article(cur.doc.doc_id).finished;
        const done = await decide(v);
        if (!done) return;
        if (get().mode === "edit") setMode("normal");
        moveOn(done.fresh, wasDecided, cur.doc.doc_id, before, v === "accept" ? "Accepted" : "Rejected");
      }),

    toggleEdit: () =>
      serial(() => {
        const { mode, setMode, span } = get();
        span.clear();
        setMode(mode === "edit" ? "normal" : "edit");
      }),

    openSpeaker: () =>
      serial(() => {
        const { q, setMode } = get();
        if (q.current) setMode("speaker");
      }),

    setRole: (role) =>
      serial(async () => {
        const { span, say } = get();
        if (role === "clear-source" || role === "clear-cue") {
          const r = role === "clear-source" ? "source" : "cue";
          if (await decide("edit", { spans: { [r]: null } })) say(`${r} cleared`);
          return;
        }
        const p = span.pending;
        if (!p) {
          say("Select text in the article first (or Tab to take a span)", "err");
          return;
        }
        const done = await decide("edit", { spans: { [role]: { start: p.start, end: p.end } } });
        if (!done) return;
        const saved = done.res.state?.spans[role];
        const line = done.res.line;
        const who = "speaker" in line ? `; speaker ${line.speaker ? (line.speaker.name ?? line.speaker.role ?? "?") : "needed: press S"}` : "";
        say(`${role} set${saved ? `: “${clip(saved.text)}”` : ""}${who}`);
        span.clear();
      }),

    pickSpeaker: (choice, label) =>
      serial(async () => {
        const { setMode, draft, setDraft, say } = get();
        if (draft) {
          // adding a statement: the speaker is part of the draft
          setDraft({ ...draft, speaker: choice, speakerLabel: label });
          setMode("add");
          return;
        }
        setMode("normal");
        const done = await decide("speaker", { speaker: choice });
        if (done) say(`Speaker: ${done.res.state?.speaker?.name ?? done.res.state?.speaker?.role ?? "none"}`);
      }),

    openNote: () =>
      serial(() => {
        const { q, setMode } = get();
        if (q.current) setMode("note");
      }),

    flag: (note, unsure) =>
      serial(async () => {
        const { setMode, say } = get();
        setMode("normal");
        const done = await decide("flag", { unsure, note });
        if (done) say(unsure ? `Marked unsure${note ? `: ${clip(note)}` : ""}` : "Unsure flag cleared");
      }),

    requestDone: () =>
      serial(async () => {
        const { q, setMode } = get();
        const cur = q.current;
        if (!cur) return;
        const a = q.article(cur.doc.doc_id);
        if (!a.done && a.decided < a.total) setMode("confirm-done");
        else await setDone(!a.done);
      }),

    markDone: (done) => serial(() => setDone(done)),

    undo: () =>
      serial(async () => {
        const { q, refresh, say } = get();
        const res = await api<UndoResponse>("/api/undo", { client: clientId });
        await refresh();
        const u = res.undone;
        if (!u) say("Nothing of yours left to undo", "err");
        else if (u.decision === "done") say(`Undid ${u.done === false ? "reopening" : "done"}: ${u.doc_id.split("/").at(-1)}`);
        else {
          say(`Undid ${u.decision}`);
          if (u.decision !== "add") q.go(statementKey(u.doc_id, u.statement_id));
        }
      }),
  };

  async function setDone(done: boolean): Promise<void> {
    const { q, refresh, say, setMode } = get();
    const cur = q.current;
    setMode("normal");
    if (!cur) return;
    await api<DoneResponse>("/api/done", { doc_id: cur.doc.doc_id, done, client: clientId });
    const fresh = await refresh();
    const name = cur.doc.doc_id.split("/").at(-1);
    if (!done) {
      say(`Article open again: ${name}`);
      return;
    }
    const next = q.nextToDo(q.position, fresh.states, fresh.articles);
    say(`Article done: ${name}${next ? "; on to the next" : ""}`);
    if (next) q.go(next);
  }
}
