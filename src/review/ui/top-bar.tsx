/**
 * The top bar, one line at any width (parts shrink with an ellipsis): the run, progress with shares,
 * the precision estimate, the queue order and seed. A choice in the menu gives the keys back.
 */
import type { RunInfo } from "../api.js";
import type { QueueOrder } from "../decisions.js";
import { ORDERS, type QueueState } from "./use-queue.js";

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function TopBar({ run, q, onHelp }: { run: RunInfo; q: QueueState; onHelp: () => void }) {
  const { prog, estimate } = q;
  const strict = estimate.strict;
  return (
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
          value={q.order}
          onChange={(e) => {
            const el = e.currentTarget as HTMLSelectElement;
            q.changeOrder(el.value as QueueOrder);
            el.blur();
          }}
        >
          {ORDERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {q.order === "sample" ? (
          <label class="seed">
            seed
            <input
              type="number"
              min={1}
              value={q.seed}
              onChange={(e) => {
                const el = e.currentTarget as HTMLInputElement;
                q.changeSeed(Number(el.value));
                el.blur();
              }}
            />
          </label>
        ) : null}
        <button type="button" class="btn ghost" onClick={onHelp} title="Keys">
          <kbd>?</kbd>
        </button>
      </div>
    </header>
  );
}
