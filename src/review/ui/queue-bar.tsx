/**
 * The line under the top bar: previous / next, the position in the queue, the article and its
 * progress, the filters in force, what was skipped, and the article list and filter buttons.
 */
import type { RunInfo } from "../api.js";
import type { Filters } from "../queue.js";
import type { Actions } from "./use-actions.js";
import type { QueueState } from "./use-queue.js";

export interface QueueBarProps {
  run: RunInfo;
  q: QueueState;
  actions: Actions;
  filters: Filters;
  onArticles: () => void;
  onFilters: () => void;
}

export function QueueBar({ run, q, actions, filters, onArticles, onFilters }: QueueBarProps) {
  const { queue, position, current } = q;
  const unavailable = run.docs.filter((d) => !d.available);
  const docs = q.docs.filter((d) => d.available);
  const a = current ? q.article(current.doc.doc_id) : undefined;
  const active = Object.entries(filters).filter(([, v]) => v !== undefined);
  return (
    <nav class="queue">
      <button type="button" class="btn ghost" onClick={() => actions.step(-1)} title="Previous (K)">
        ‹ <kbd>K</kbd>
      </button>
      <span class="pos">
        {position >= 0 ? position + 1 : "–"} / {queue.length} in queue
      </span>
      <button type="button" class="btn ghost" onClick={() => actions.step(1)} title="Next (J)">
        <kbd>J</kbd> ›
      </button>
      {current && a ? (
        <span class="where">
          <strong class="doc-id" title={current.doc.doc_id}>
            {current.doc.doc_id}
          </strong>
          {current.doc.date ? <span class="muted"> · {current.doc.date}</span> : null}
          <span class={`article-progress a-${a.state}`}>
            article {docs.findIndex((d) => d.doc_id === current.doc.doc_id) + 1} of {docs.length}: {a.decided} of {a.total} decided
            {a.done ? " · done" : a.finished ? " · finished" : ""}
          </span>
        </span>
      ) : null}
      {active.length > 0 ? (
        <button type="button" class="chip filtered" onClick={onFilters} title="Filters in force (F)">
          filtered: {active.map(([k, v]) => `${k} ${String(v).split("/").at(-1)}`).join(", ")}
        </button>
      ) : null}
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
      <button type="button" class="btn ghost small" onClick={onArticles} title="Articles (L)">
        articles <kbd>L</kbd>
      </button>
      <button type="button" class="btn ghost small" onClick={onFilters} title="Filters (F)">
        filters <kbd>F</kbd>
      </button>
    </nav>
  );
}
