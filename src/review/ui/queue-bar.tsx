/** The line under the top bar: previous / next, the position in the queue, the article, what was skipped. */
import type { RunInfo } from "../api.js";
import type { QueueState } from "./use-queue.js";

export function QueueBar({ run, q }: { run: RunInfo; q: QueueState }) {
  const { queue, position, current, go } = q;
  const unavailable = run.docs.filter((d) => !d.available);
  return (
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
        <span class="m m-source cur">source</span> <span class="m m-cue cur">cue</span> <span class="m m-content cur">content</span>
      </span>
    </nav>
  );
}
