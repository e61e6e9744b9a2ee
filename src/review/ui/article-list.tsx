/**
 * L: the articles, the units of gold. Each with its progress (decided of total), finished or done,
 * and a click (or ↑ ↓ Enter) to jump there. D asks before marking an article with undecided
 * statements done (ConfirmDone).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { RunDoc } from "../api.js";
import type { ArticleProgress } from "../articles.js";
import { Dialog } from "./dialog.js";

export interface ArticleListProps {
  docs: RunDoc[];
  progressOf: (docId: string) => ArticleProgress;
  currentDoc: string | undefined;
  onJump: (docId: string) => void;
  onClose: () => void;
}

const STATE_LABEL = { done: "✓ done", finished: "✓ finished", open: "open" };

export function ArticleList({ docs, progressOf, currentDoc, onJump, onClose }: ArticleListProps) {
  const rows = docs.filter((d) => d.available);
  const [hl, setHl] = useState(() => Math.max(0, rows.findIndex((d) => d.doc_id === currentDoc)));
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector(".hl")?.scrollIntoView({ block: "nearest" });
  }, [hl]);
  const finished = rows.filter((d) => progressOf(d.doc_id).finished).length;
  return (
    <Dialog
      label="Articles"
      className="articles"
      onClose={onClose}
      onKey={(ev) => {
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") setHl((h) => Math.max(0, Math.min(rows.length - 1, h + (ev.key === "ArrowDown" ? 1 : -1))));
        else if (ev.key === "Enter" && rows[hl]) onJump(rows[hl]!.doc_id);
        else if (ev.key === "l" || ev.key === "L") onClose();
        else return false;
        return true;
      }}
    >
      <h2>
        Articles <span class="muted">{finished} of {rows.length} finished · only finished ones go to gold</span>
      </h2>
      <ol class="article-rows" ref={list}>
        {rows.map((d, i) => {
          const p = progressOf(d.doc_id);
          return (
            <li key={d.doc_id}>
              <button
                type="button"
                tabIndex={i === hl ? 0 : -1}
                data-autofocus={i === hl ? true : undefined}
                class={`article-row${i === hl ? " hl" : ""}${d.doc_id === currentDoc ? " now" : ""}`}
                data-doc={d.doc_id}
                data-state={p.state}
                onClick={() => onJump(d.doc_id)}
              >
                <span class="doc-id">{d.doc_id.split("/").at(-1)}</span>
                {d.date ? <span class="muted">{d.date}</span> : null}
                <span class="article-bar" aria-hidden="true">
                  <span style={{ width: `${p.total ? Math.round((100 * p.decided) / p.total) : 0}%` }} />
                </span>
                <span class="count">
                  {p.decided} / {p.total}
                </span>
                <span class={`chip a-${p.state}`}>{STATE_LABEL[p.state]}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p class="muted">
        <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd> jump · <kbd>D</kbd> on a statement marks its article done · <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}

export function ConfirmDone({ progress, onYes, onClose }: { progress: ArticleProgress; onYes: () => void; onClose: () => void }) {
  const left = progress.total - progress.decided;
  return (
    <Dialog
      label="Mark the article done"
      className="confirm"
      onClose={onClose}
      onKey={(ev) => {
        if (ev.key !== "Enter" && ev.key !== "d" && ev.key !== "D") return false;
        onYes();
        return true;
      }}
    >
      <h2>Mark this article done?</h2>
      <p>
        {left} statement(s) in it are not decided: they go to the gold file as the extractor gave them ("review": "article-done").
      </p>
      <div class="row">
        <button type="button" class="btn accept" data-autofocus onClick={onYes}>
          Mark done <kbd>D</kbd>
        </button>
        <button type="button" class="btn ghost" onClick={onClose}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
