/**
 * Span work from the keyboard and adding a statement the extractor missed: Tab takes a role's span
 * (the current statement's in edit mode, the draft's when adding) so that [ ] { } can move it; in
 * add mode 1 / 2 / 3 put the selection into the draft's content, source and cue, S its speaker, and
 * Enter writes it as one `add` decision.
 */
import { toSpan } from "../../text/spans.js";
import type { DecisionResponse } from "../api.js";
import { ROLES, type Role, statementKey } from "../decisions.js";
import { effectiveSpans } from "./article.js";
import { api, clientId } from "./fetch-api.js";
import type { ActionDeps, Serial } from "./action-types.js";

export interface DraftActions {
  /** Tab / Shift+Tab: the next role with a span becomes the pending span. */
  cycleRole: (dir: -1 | 1) => void;
  startAdd: () => void;
  cancelAdd: () => void;
  /** add mode: the pending span becomes the draft's role. */
  setDraftRole: (role: Role | "clear-source" | "clear-cue") => void;
  saveAdd: () => void;
}

export function draftActions(get: () => ActionDeps, serial: Serial): DraftActions {
  return {
    cycleRole: (dir) =>
      serial(() => {
        const { q, reviews, span, draft, say } = get();
        let spans: Partial<Record<Role, { start: number; end: number } | null>>;
        if (draft) spans = draft;
        else if (q.current) {
          const eff = effectiveSpans(q.current.s, reviews.states[statementKey(q.current.doc.doc_id, q.current.s.id)]);
          spans = { content: eff.content[0] ?? null, source: eff.source, cue: eff.cue };
        } else return;
        const from = span.pending?.role ? ROLES.indexOf(span.pending.role) : dir > 0 ? -1 : ROLES.length;
        for (let i = 1; i <= ROLES.length; i++) {
          const role = ROLES[(from + dir * i + ROLES.length * 2) % ROLES.length]!;
          const s = spans[role];
          if (s) {
            span.load(role, s);
            return;
          }
        }
        say("No span to take yet: select text in the article", "err");
      }),

    startAdd: () =>
      serial(() => {
        const { q, span, setDraft, setMode, say } = get();
        if (!q.current) return;
        span.clear();
        setDraft({});
        setMode("add");
        say("New statement: select its content and press 1, then 2 source, 3 cue, S speaker; Enter saves");
      }),

    cancelAdd: () =>
      serial(() => {
        const { span, setDraft, setMode } = get();
        span.clear();
        setDraft(null);
        setMode("normal");
      }),

    setDraftRole: (role) =>
      serial(() => {
        const { span, draft, setDraft, text, say } = get();
        if (!draft || text === undefined) return;
        if (role === "clear-source" || role === "clear-cue") {
          const { [role === "clear-source" ? "source" : "cue"]: _, ...rest } = draft;
          setDraft(rest);
          return;
        }
        const p = span.pending;
        if (!p) {
          say("Select text in the article first", "err");
          return;
        }
        const s = toSpan(text, p);
        setDraft({ ...draft, [role]: s });
        span.clear();
      }),

    saveAdd: () =>
      serial(async () => {
        const { q, draft, setDraft, setMode, span, refresh, say } = get();
        const cur = q.current;
        if (!draft || !cur) return;
        if (!draft.content) {
          say("A statement needs its content: select it and press 1", "err");
          return;
        }
        const res = await api<DecisionResponse>("/api/add", {
          doc_id: cur.doc.doc_id,
          spans: {
            content: { start: draft.content.start, end: draft.content.end },
            ...(draft.source ? { source: { start: draft.source.start, end: draft.source.end } } : {}),
            ...(draft.cue ? { cue: { start: draft.cue.start, end: draft.cue.end } } : {}),
          },
          ...(draft.speaker !== undefined ? { speaker: draft.speaker } : {}),
          client: clientId,
          queue: { order: q.order, seed: q.seed },
        });
        await refresh();
        span.clear();
        setDraft(null);
        setMode("normal");
        const sp = res.line.speaker;
        say(`Added${res.line.speaker_needed ? "; speaker needed: press S" : sp ? `, said by ${sp.name ?? sp.role}` : ""}`);
        // the new statement shows up once the page has the new state; move there then
        serial(() => get().q.go(statementKey(cur.doc.doc_id, res.line.statement_id)));
      }),
  };
}
