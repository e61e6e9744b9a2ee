/** The review page: queue, article, statement list, keys; the server holds every decision. */
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { statementKey } from "../decisions.js";
import type { Filters } from "../queue.js";
import { articleSpeakers, speakerChoices } from "../speakers.js";
import { Article } from "./article.js";
import { ArticleList, ConfirmDone } from "./article-list.js";
import { EditBar } from "./edit-bar.js";
import { FilterBar } from "./filter-bar.js";
import { Help } from "./help.js";
import { useKeyMap } from "./key-map.js";
import { NoteDialog } from "./note-dialog.js";
import { QueueBar } from "./queue-bar.js";
import { SpeakerPicker } from "./speaker-picker.js";
import { StatementList } from "./statements.js";
import { TopBar } from "./top-bar.js";
import { type Draft, type Mode, useActions } from "./use-actions.js";
import { usePendingSpan } from "./use-pending-span.js";
import { useQueue } from "./use-queue.js";
import { useArticleText, useRunData } from "./use-run-data.js";
import { ToastView, useToast } from "./use-toast.js";

export function App() {
  const { toast, say } = useToast();
  const { run, fatal, reviews, refresh } = useRunData();
  const { states, flags } = reviews;
  const [mode, setMode] = useState<Mode>("normal");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [filters, setFilters] = useState<Filters>({});
  const [showFilters, setShowFilters] = useState(false);
  // moving the cursor drops the span being edited (the span hook needs the article the queue picks)
  const clearSpan = useRef(() => {});
  const q = useQueue(run, reviews, filters, useCallback(() => clearSpan.current(), []));
  const { current, cursor } = q;
  const text = useArticleText(current?.doc.index, useCallback((m: string) => say(m, "err"), [say]));
  const span = usePendingSpan(text);
  clearSpan.current = span.clear;
  const actions = useActions({ q, reviews, refresh, say, mode, setMode, span, text, draft, setDraft, setFilters });
  useKeyMap({
    mode,
    actions,
    // panels open in turn with the commands before them (an A in flight must not close the L list)
    ui: {
      setMode: (m) => actions.serial(() => setMode(m)),
      toggleFilters: () => actions.serial(() => setShowFilters((v) => !v)),
      moveEdge: (edge, dir) =>
        actions.serial(() => {
          if (!span.move(edge, dir)) say("Select text, or press Tab to take a span, first", "err");
        }),
    },
  });
  const speakers = useMemo(() => {
    const names = new Set<string>();
    for (const key of q.entries.keys()) names.add(q.facts(key)?.speaker ?? "");
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [q.entries, q.facts]);

  if (fatal) return <p class="fatal">Cannot load the run: {fatal}</p>;
  if (!run) return <p class="loading">Loading…</p>;

  const currentState = cursor ? states[cursor] : undefined;
  const currentSpeaker = current ? (currentState?.speaker !== undefined ? currentState.speaker : current.s.speaker) : null;
  const article = current ? q.article(current.doc.doc_id) : undefined;
  const spanMode = mode === "edit" || mode === "add" || draft !== null;

  return (
    <div class="app">
      <TopBar run={run} q={q} onHelp={() => setMode("help")} />
      {spanMode ? (
        <EditBar
          pending={span.pending}
          text={text}
          draft={draft}
          onRole={(r) => (draft ? actions.setDraftRole(r) : actions.setRole(r))}
          onSpeaker={actions.openSpeaker}
          onSave={actions.saveAdd}
          onDone={() => (draft ? actions.cancelAdd() : setMode("normal"))}
        />
      ) : (
        <QueueBar
          run={run}
          q={q}
          actions={actions}
          filters={filters}
          onArticles={() => setMode("articles")}
          onFilters={() => setShowFilters((v) => !v)}
        />
      )}

      <main class="panes">
        <section class="article-pane" aria-label="Article">
          {current && text !== undefined ? (
            <Article
              text={text}
              doc={current.doc}
              states={states}
              currentKey={cursor}
              editing={spanMode}
              pending={span.pending}
              draft={draft}
              onPick={q.go}
              onSelect={span.onSelect}
            />
          ) : (
            <p class="muted pad">{q.queue.length === 0 ? "No statements to review here." : "Loading the article…"}</p>
          )}
        </section>
        <aside class="list-pane" aria-label="Statements">
          {showFilters ? <FilterBar filters={filters} setFilters={setFilters} docs={q.docs} speakers={speakers} onClose={() => setShowFilters(false)} /> : null}
          {current && article ? (
            <>
              <h2>
                <span>
                  Statements in this article: {article.decided} of {article.total} decided
                </span>
                {article.done ? <span class="chip a-done">✓ done</span> : article.finished ? <span class="chip a-finished">✓ finished</span> : null}
              </h2>
              <StatementList
                doc={current.doc}
                states={states}
                flags={flags}
                currentKey={cursor}
                onPick={q.go}
                onAction={(a) =>
                  a === "accept" || a === "reject"
                    ? actions.verdict(a)
                    : a === "edit"
                      ? actions.toggleEdit()
                      : a === "speaker"
                        ? actions.openSpeaker()
                        : actions.openNote()
                }
              />
            </>
          ) : null}
        </aside>
      </main>

      {mode === "help" ? <Help onClose={() => setMode("normal")} /> : null}
      {mode === "speaker" && current ? (
        <SpeakerPicker
          speakers={speakerChoices(articleSpeakers(current.doc, (key) => states[key]?.speaker))}
          current={draft ? undefined : currentSpeaker}
          onPick={actions.pickSpeaker}
          onClose={() => setMode(draft ? "add" : "normal")}
        />
      ) : null}
      {mode === "note" && current ? (
        <NoteDialog
          note={flags[statementKey(current.doc.doc_id, current.s.id)]?.note}
          flagged={flags[statementKey(current.doc.doc_id, current.s.id)] !== undefined}
          onSave={actions.flag}
          onClose={() => setMode("normal")}
        />
      ) : null}
      {mode === "articles" ? (
        <ArticleList docs={q.docs} progressOf={(id) => q.article(id)} currentDoc={current?.doc.doc_id} onJump={actions.jumpToArticle} onClose={() => setMode("normal")} />
      ) : null}
      {mode === "confirm-done" && article ? <ConfirmDone progress={article} onYes={() => actions.markDone(true)} onClose={() => setMode("normal")} /> : null}
      <ToastView toast={toast} />
    </div>
  );
}
