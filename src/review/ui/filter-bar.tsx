/**
 * F: filters on the queue (article, speaker, kind, cue type, confidence band, status). J / K and N
 * then move within what is left; a choice gives the keys back to the page at once.
 */
import type { RunDoc } from "../api.js";
import { BANDS, type Filters } from "../queue.js";

export interface FilterBarProps {
  filters: Filters;
  setFilters: (f: Filters) => void;
  docs: RunDoc[];
  speakers: string[];
  onClose: () => void;
}

const KINDS = ["direct", "indirect", "mixed"];
const CUE_TYPES = ["speech", "according-to", "belief", "report"];
const STATUSES = ["undecided", "accepted", "edited", "rejected", "added", "unsure"];

export function FilterBar({ filters, setFilters, docs, speakers, onClose }: FilterBarProps) {
  const select = (name: keyof Filters, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select
        name={name}
        value={filters[name] ?? ""}
        onChange={(e) => {
          const el = e.currentTarget as HTMLSelectElement;
          const { [name]: _, ...rest } = filters;
          setFilters(el.value === "" ? rest : { ...rest, [name]: el.value });
          el.blur();
        }}
      >
        <option value="">any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const active = Object.values(filters).some((v) => v !== undefined);
  return (
    <div class="filters">
      {select(
        "doc",
        "article",
        docs.filter((d) => d.available).map((d) => [d.doc_id, d.doc_id.split("/").at(-1) ?? d.doc_id]),
      )}
      {select("speaker", "speaker", speakers.map((s) => [s, s === "" ? "(no speaker)" : s]))}
      {select("kind", "kind", KINDS.map((k) => [k, k]))}
      {select("cue_type", "cue type", CUE_TYPES.map((k) => [k, k]))}
      {select("band", "confidence", BANDS.map((b) => [b.value, b.label]))}
      {select("status", "status", STATUSES.map((k) => [k, k]))}
      <div class="filter-actions">
        {active ? (
          <button type="button" class="btn small ghost" onClick={() => setFilters({})}>
            clear
          </button>
        ) : null}
        <button type="button" class="btn small ghost" onClick={onClose} title="Hide the filters (they stay on)">
          hide <kbd>F</kbd>
        </button>
      </div>
    </div>
  );
}
