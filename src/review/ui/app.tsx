/** The review page: queue, article, statement list, keys; the server holds every decision. */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { DecisionRequest, DecisionResponse, DocText, ReviewsInfo, RunDoc, RunInfo, UndoResponse } from "../api.js";
import { articleSpeakers, type QueueOrder, type ReviewState, type Role, statementKey } from "../decisions.js";
import { orderQueue, progress, type QueueItem, sampleEstimate } from "../queue.js";
import type { Statement } from "../../schema.js";
import { Article } from "./article.js";
import { Help, SpeakerPicker } from "./dialogs.js";
import { api, clientId, store, stored } from "./fetch-api.js";
import { StatementList, statusOf } from "./statements.js";

type Mode = "normal" | "edit" | "speaker" | "help";
interface Entry {
  doc: RunDoc;
  s: Statement;
}
interface Toast {
  text: string;
  kind: "ok" | "err";
}

const ORDERS: { value: QueueOrder; label: string }[] = [
  { value: "confidence", label: "Lowest confidence first" },
  { value: "document", label: "Document order" },
  { value: "sample", label: "Random sample" },
];

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function App() {
  const [run, setRun] = useState<RunInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [reviews, setReviews] = useState<ReviewsInfo>({ seq: -1, states: {} });
  const [order, setOrder] = useState<QueueOrder>(() => (stored("order") as QueueOrder | null) ?? "confidence");
  const [seed, setSeed] = useState<number>(() => Number(stored("seed") ?? 1) || 1);
  const [cursor, setCursor] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>("normal");
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const toastTimer = useRef<number | undefined>(undefined);

  const say = useCallback((text: string, kind: Toast["kind"] = "ok") => {
    setToast({ text, kind });
    window.clearTimeout(toastTimer.current);
    toastTimer.current = window.setTimeout(() => setToast(null), kind === "err" ? 6000 : 2500);
  }, []);

  const refresh = useCallback(async (): Promise<ReviewsInfo> => {
    const r = await api<ReviewsInfo>("/api/reviews");
    setReviews(r);
    return r;
  }, []);

  useEffect(() => {
    Promise.all([api<RunInfo>("/api/run"), refresh()])
      .then(([info]) => setRun(info))
      .catch((e: Error) => setFatal(e.message));
    // Another tab may decide too: re-fetch the state now and then, and when this tab comes back.
    const poll = window.setInterval(() => {
      if (document.visibilityState === "visible") refresh().catch(() => undefined);
    }, 4000);
    const focus = () => refresh().catch(() => undefined);
    window.addEventListener("focus", focus);
    return () => {
      window.clearInterval(poll);
      window.removeEventListener("focus", focus);
    };
  }, [refresh]);

  const { entries, items } = useMemo(() => {
    const entries = new Map<string, Entry>();
    const items: QueueItem[] = [];
    for (const doc of run?.docs ?? []) {
      if (!doc.available) continue;
      doc.statements.forEach((s, index) => {
        const key = statementKey(doc.doc_id, s.id);
        entries.set(key, { doc, s });
        items.push({ key, doc: doc.index, index, confidence: s.confidence, start: s.content.start });
      });
    }
    return { entries, items };
  }, [run]);

  const queue = useMemo(() => orderQueue(items, order, seed), [items, order, seed]);
  const sampleQueue = useMemo(() => orderQueue(items, "sample", seed), [items, seed]);
  const states = reviews.states;
  const stateMap = useMemo(() => new Map(Object.entries(states)), [states]);
  const prog = useMemo(() => progress(items.map((i) => i.key), stateMap), [items, stateMap]);
  const estimate = useMemo(() => sampleEstimate(sampleQueue, stateMap), [sampleQueue, stateMap]);

  // Start at the first statement not yet reviewed.
  useEffect(() => {
    if (cursor === null && queue.length > 0) setCursor((queue.find((q) => !states[q.key]) ?? queue[0]!).key);
  }, [cursor, queue, states]);

  const current = cursor ? entries.get(cursor) : undefined;
  const position = cursor ? queue.findIndex((q) => q.key === cursor) : -1;
  const docIndex = current?.doc.index;

  useEffect(() => {
    if (docIndex === undefined || texts[docIndex] !== undefined) return;
    api<DocText>(`/api/doc/${docIndex}`)
      .then((d) => setTexts((t) => ({ ...t, [d.index]: d.text })))
      .catch((e: Error) => say(`cannot load the article: ${e.message}`, "err"));
  }, [docIndex, texts, say]);

  const go = useCallback((key: string | undefined) => {
    if (!key) return;
    setCursor(key);
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, []);

  /** The next statement after the current one that nobody has reviewed yet (else just the next). */
  const nextUnreviewed = (fresh: Record<string, ReviewState>) => {
    for (let i = 1; i <= queue.length; i++) {
      const q = queue[(position + i) % queue.length]!;
      if (!fresh[q.key]) return q.key;
    }
    return queue[Math.min(position + 1, queue.length - 1)]?.key;
  };

  const decide = async (decision: DecisionRequest["decision"], extra: Partial<DecisionRequest> = {}) => {
    if (!current) return null;
    try {
      const res = await api<DecisionResponse>("/api/decision", {
        doc_id: current.doc.doc_id,
        statement_id: current.s.id,
        decision,
        client: clientId,
        queue: { order, seed },
        ...extra,
      } satisfies DecisionRequest);
      const fresh = await refresh();
      return { res, fresh };
    } catch (e) {
      say((e as Error).message, "err");
      return null;
    }
  };

  const act = async (action: "accept" | "reject" | "edit" | "speaker") => {
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
      go(nextUnreviewed(done.fresh.states));
    }
  };

  const setRole = async (role: Role | "clear-source" | "clear-cue") => {
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

  const pickSpeaker = async (choice: { entity: string } | { name: string; role: string | null } | null) => {
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
        go(statementKey(res.undone.doc_id, res.undone.statement_id));
      }
    } catch (e) {
      say((e as Error).message, "err");
    }
  };

  const changeOrder = (o: QueueOrder) => {
    setOrder(o);
    store("order", o);
  };
  const changeSeed = (n: number) => {
    const v = Number.isInteger(n) && n > 0 ? n : 1;
    setSeed(v);
    store("seed", String(v));
  };

  const onKey = (ev: KeyboardEvent) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target as HTMLElement | null;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
    if (mode === "speaker") return; // the picker handles its keys
    const k = ev.key;
    if (mode === "help") {
      if (k === "Escape" || k === "?") setMode("normal");
      ev.preventDefault();
      return;
    }
    if (k === "Escape") {
      setMode("normal");
      return;
    }
    if (mode === "edit") {
      const roles: Record<string, Role | "clear-source" | "clear-cue"> = {
        "1": "content",
        "2": "source",
        "3": "cue",
        "4": "clear-source",
        "5": "clear-cue",
      };
      const r = roles[k];
      if (r) {
        ev.preventDefault();
        void setRole(r);
        return;
      }
      if (k === "Enter") {
        setMode("normal");
        return;
      }
    }
    const lower = k.toLowerCase();
    if (k === "?") setMode("help");
    else if (lower === "a") void act("accept");
    else if (lower === "x") void act("reject");
    else if (lower === "e") void act("edit");
    else if (lower === "s") void act("speaker");
    else if (lower === "z") void undo();
    else if (lower === "j") go(queue[Math.min(position + 1, queue.length - 1)]?.key);
    else if (lower === "k") go(queue[Math.max(position - 1, 0)]?.key);
    else if (lower === "n") go(nextUnreviewed(states));
    else if (lower === "o") changeOrder(ORDERS[(ORDERS.findIndex((o) => o.value === order) + 1) % ORDERS.length]!.value);
    else return;
    ev.preventDefault();
  };
  const keyRef = useRef(onKey);
  keyRef.current = onKey;
  useEffect(() => {
    const h = (ev: KeyboardEvent) => keyRef.current(ev);
    window.addEventListener("keydown", h);
    return () => window.removeEventListener("keydown", h);
  }, []);

  if (fatal) return <p class="fatal">Cannot load the run: {fatal}</p>;
  if (!run) return <p class="loading">Loading…</p>;

  const unavailable = run.docs.filter((d) => !d.available);
  const text = docIndex === undefined ? undefined : texts[docIndex];
  const strict = estimate.strict;
  const currentState = cursor ? states[cursor] : undefined;
  const currentSpeaker = current ? (currentState?.speaker !== undefined ? currentState.speaker : current.s.speaker) : null;

  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <span class="logo">❝</span> statements review
          <span class="run" title={run.records}>
            {run.name.split("/").slice(-2).join("/")}
          </span>
        </div>
        <div class="progress" data-testid="progress">
          <div class="bar" title={`${prog.reviewed} of ${prog.total} reviewed`}>
            <span class="b-acc" style={{ width: pct(prog.total ? prog.accepted / prog.total : 0) }} />
            <span class="b-edit" style={{ width: pct(prog.total ? prog.edited / prog.total : 0) }} />
            <span class="b-rej" style={{ width: pct(prog.total ? prog.rejected / prog.total : 0) }} />
          </div>
          <span class="count">
            Reviewed <strong>{prog.reviewed}</strong> of {prog.total}
          </span>
          {prog.reviewed > 0 ? (
            <span class="shares">
              accepted {pct(prog.accepted / prog.reviewed)} · edited {pct(prog.edited / prog.reviewed)} · rejected{" "}
              {pct(prog.rejected / prog.reviewed)}
            </span>
          ) : null}
        </div>
        <div
          class="estimate"
          title={
            "From the random-sample queue: the longest prefix of the seeded order that is fully reviewed. " +
            "Strict: accepted as is; lenient: accepted or edited." +
            (estimate.lenient ? ` Lenient: ${pct(estimate.lenient.p)} (95% CI ${pct(estimate.lenient.low)}–${pct(estimate.lenient.high)}).` : "")
          }
        >
          {strict ? (
            <>
              Precision <strong>{pct(strict.p)}</strong>{" "}
              <span class="muted">
                95% CI {pct(strict.low)}–{pct(strict.high)} · n={estimate.n}
              </span>
            </>
          ) : (
            <span class="muted">Precision: review the random sample</span>
          )}
        </div>
        <div class="controls">
          <select
            aria-label="Queue order"
            value={order}
            onChange={(e) => changeOrder((e.target as HTMLSelectElement).value as QueueOrder)}
          >
            {ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {order === "sample" ? (
            <label class="seed">
              seed
              <input
                type="number"
                min={1}
                value={seed}
                onChange={(e) => changeSeed(Number((e.target as HTMLInputElement).value))}
              />
            </label>
          ) : null}
          <button type="button" class="btn ghost" onClick={() => setMode("help")} title="Keys">
            <kbd>?</kbd>
          </button>
        </div>
      </header>

      <nav class="queue">
        <button type="button" class="btn ghost" onClick={() => go(queue[Math.max(position - 1, 0)]?.key)}>
          ‹ <kbd>K</kbd>
        </button>
        <span>
          {position >= 0 ? position + 1 : "–"} / {queue.length} in queue
          {current ? (
            <>
              {" "}
              · <strong class="doc-id">{current.doc.doc_id}</strong>
              {current.doc.date ? <span class="muted"> · {current.doc.date}</span> : null}
            </>
          ) : null}
        </span>
        <button type="button" class="btn ghost" onClick={() => go(queue[Math.min(position + 1, queue.length - 1)]?.key)}>
          <kbd>J</kbd> ›
        </button>
        <span class="spacer" />
        {run.errors.length > 0 ? (
          <span class="muted" title={run.errors.map((e) => `${e.doc_id}: ${e.code}`).join("\n")}>
            {run.errors.length} error record(s) skipped
          </span>
        ) : null}
        {unavailable.length > 0 ? (
          <span class="warn" title={unavailable.map((d) => d.problem ?? d.doc_id).join("\n")}>
            {unavailable.length} document(s) without text
          </span>
        ) : null}
        <span class="legend">
          <span class="m m-source cur">source</span> <span class="m m-cue cur">cue</span>{" "}
          <span class="m m-content cur">content</span>
        </span>
      </nav>

      {mode === "edit" ? (
        <div class="editbar" role="status">
          <strong>Edit</strong> select text in the article, then
          <button type="button" class="btn small" onClick={() => void setRole("content")}>
            <kbd>1</kbd> content
          </button>
          <button type="button" class="btn small" onClick={() => void setRole("source")}>
            <kbd>2</kbd> source
          </button>
          <button type="button" class="btn small" onClick={() => void setRole("cue")}>
            <kbd>3</kbd> cue
          </button>
          <button type="button" class="btn small ghost" onClick={() => void setRole("clear-source")}>
            <kbd>4</kbd> no source
          </button>
          <button type="button" class="btn small ghost" onClick={() => void setRole("clear-cue")}>
            <kbd>5</kbd> no cue
          </button>
          <span class="sel">
            {selection && text ? `“${text.slice(selection.start, selection.end).slice(0, 80)}”` : "nothing selected"}
          </span>
          <button type="button" class="btn small" onClick={() => setMode("normal")}>
            Done <kbd>Esc</kbd>
          </button>
        </div>
      ) : null}

      <main class="panes">
        <section class="article-pane" aria-label="Article">
          {current && text !== undefined ? (
            <Article
              text={text}
              doc={current.doc}
              states={states}
              currentKey={cursor}
              editing={mode === "edit"}
              onPick={go}
              onSelect={setSelection}
            />
          ) : (
            <p class="muted pad">{queue.length === 0 ? "No statements to review." : "Loading the article…"}</p>
          )}
        </section>
        <aside class="list-pane" aria-label="Statements">
          {current ? (
            <>
              <h2>
                Statements in this article <span class="muted">({current.doc.statements.length})</span>
                <span class={`chip st-${statusOf(currentState)}`}>current: {statusOf(currentState)}</span>
              </h2>
              <StatementList
                doc={current.doc}
                states={states}
                currentKey={cursor}
                onPick={go}
                onAction={(a) => void act(a)}
              />
            </>
          ) : null}
        </aside>
      </main>

      {mode === "help" ? <Help onClose={() => setMode("normal")} /> : null}
      {mode === "speaker" && current ? (
        <SpeakerPicker
          speakers={articleSpeakers(current.doc, (key) => states[key]?.speaker)}
          current={currentSpeaker}
          onPick={(c) => void pickSpeaker(c)}
          onClose={() => setMode("normal")}
        />
      ) : null}
      {toast ? (
        <div class={`toast ${toast.kind}`} role="status">
          {toast.text}
        </div>
      ) : null}
    </div>
  );
}
