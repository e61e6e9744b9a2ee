/** The review page: queue, article, statement list, keys; the server holds every decision. */
import { useCallback, useState } from "preact/hooks";
import { articleSpeakers } from "../decisions.js";
import { Article } from "./article.js";
import { Help, SpeakerPicker } from "./dialogs.js";
import { EditBar } from "./edit-bar.js";
import { useKeyMap } from "./key-map.js";
import { QueueBar } from "./queue-bar.js";
import { StatementList, statusOf } from "./statements.js";
import { TopBar } from "./top-bar.js";
import { type Mode, type Selection, useActions } from "./use-actions.js";
import { useQueue } from "./use-queue.js";
import { useArticleText, useRunData } from "./use-run-data.js";
import { ToastView, useToast } from "./use-toast.js";

export function App() {
  const { toast, say } = useToast();
  const { run, fatal, reviews, refresh } = useRunData();
  const states = reviews.states;
  const [mode, setMode] = useState<Mode>("normal");
  const [selection, setSelection] = useState<Selection>(null);
  const clearSelection = useCallback(() => {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, []);
  const q = useQueue(run, states, clearSelection);
  const { current, cursor } = q;
  const text = useArticleText(current?.doc.index, useCallback((m: string) => say(m, "err"), [say]));
  const actions = useActions({ q, mode, setMode, selection, setSelection, refresh, say });
  useKeyMap({ mode, setMode, q, states, actions });

  if (fatal) return <p class="fatal">Cannot load the run: {fatal}</p>;
  if (!run) return <p class="loading">Loading…</p>;

  const currentState = cursor ? states[cursor] : undefined;
  const currentSpeaker = current ? (currentState?.speaker !== undefined ? currentState.speaker : current.s.speaker) : null;

  return (
    <div class="app">
      <TopBar run={run} q={q} onHelp={() => setMode("help")} />
      <QueueBar run={run} q={q} />
      {mode === "edit" ? (
        <EditBar selection={selection} text={text} onRole={(r) => void actions.setRole(r)} onDone={() => setMode("normal")} />
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
              onPick={q.go}
              onSelect={setSelection}
            />
          ) : (
            <p class="muted pad">{q.queue.length === 0 ? "No statements to review." : "Loading the article…"}</p>
          )}
        </section>
        <aside class="list-pane" aria-label="Statements">
          {current ? (
            <>
              <h2>
                Statements in this article <span class="muted">({current.doc.statements.length})</span>
                <span class={`chip st-${statusOf(currentState)}`}>current: {statusOf(currentState)}</span>
              </h2>
              <StatementList doc={current.doc} states={states} currentKey={cursor} onPick={q.go} onAction={(a) => void actions.act(a)} />
            </>
          ) : null}
        </aside>
      </main>

      {mode === "help" ? <Help onClose={() => setMode("normal")} /> : null}
      {mode === "speaker" && current ? (
        <SpeakerPicker
          speakers={articleSpeakers(current.doc, (key) => states[key]?.speaker)}
          current={currentSpeaker}
          onPick={(c) => void actions.pickSpeaker(c)}
          onClose={() => setMode("normal")}
        />
      ) : null}
      <ToastView toast={toast} />
    </div>
  );
}
