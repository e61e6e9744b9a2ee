/**
 * S: who said it. The box at the top filters the article's speakers as you type (near-duplicates
 * merged, speakers.ts); ↑ ↓ move through all of them, Enter takes the highlighted one, or a new
 * speaker under the typed name when none matches; 1–9 pick while the box is empty, 0 is no speaker.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Speaker } from "../../schema.js";
import { Dialog } from "./dialog.js";
import type { SpeakerChoice } from "./use-actions.js";

export interface SpeakerPickerProps {
  speakers: Speaker[];
  current: Speaker | null | undefined;
  onPick: (choice: SpeakerChoice, label: string) => void;
  onClose: () => void;
}

type Option = { kind: "speaker"; s: Speaker } | { kind: "none" } | { kind: "new"; name: string };

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

export function SpeakerPicker({ speakers, current, onPick, onClose }: SpeakerPickerProps) {
  const [query, setQuery] = useState("");
  const [role, setRole] = useState("");
  const [hl, setHl] = useState(0);
  const list = useRef<HTMLOListElement>(null);
  const q = fold(query.trim());
  const matching = speakers.filter((s) => q === "" || fold(`${s.name ?? ""} ${s.role ?? ""}`).includes(q));
  const exact = matching.some((s) => fold(s.name ?? "") === q);
  const options: Option[] = [
    ...matching.map((s) => ({ kind: "speaker" as const, s })),
    ...(q === "" ? [{ kind: "none" as const }] : exact ? [] : [{ kind: "new" as const, name: query.trim() }]),
  ];
  const at = Math.min(hl, options.length - 1);

  useEffect(() => {
    list.current?.querySelector(".hl")?.scrollIntoView({ block: "nearest" });
  }, [at]);

  const choose = (o: Option | undefined) => {
    if (!o) return;
    if (o.kind === "none") onPick(null, "no speaker");
    else if (o.kind === "new") onPick({ name: o.name, role: role.trim() === "" ? null : role.trim() }, o.name);
    else onPick({ entity: o.s.entity }, o.s.name ?? o.s.role ?? o.s.entity);
  };

  const onKey = (ev: KeyboardEvent): boolean => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      setHl(Math.max(0, Math.min(options.length - 1, at + (ev.key === "ArrowDown" ? 1 : -1))));
      return true;
    }
    if (ev.key === "Enter") {
      choose(options[at]);
      return true;
    }
    if (/^[0-9]$/.test(ev.key) && query === "" && (ev.target as HTMLElement).dataset.autofocus !== undefined) {
      const n = Number(ev.key);
      choose(n === 0 ? { kind: "none" } : options[n - 1]?.kind === "speaker" ? options[n - 1] : undefined);
      return true;
    }
    return false;
  };

  return (
    <Dialog label="Speaker" className="speaker-picker" onClose={onClose} onKey={onKey}>
      <h2>Who said it?</h2>
      <input
        data-autofocus
        class="find"
        value={query}
        placeholder="Type to filter, or a new name"
        aria-label="Speaker name"
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setHl(0);
        }}
      />
      <ol class="speakers" ref={list}>
        {options.map((o, i) => (
          <li key={o.kind === "speaker" ? o.s.entity : o.kind}>
            <button
              type="button"
              tabIndex={-1}
              class={`speaker-option${i === at ? " hl" : ""}${o.kind === "speaker" && current?.entity === o.s.entity ? " now" : ""}`}
              onMouseEnter={() => setHl(i)}
              onClick={() => choose(o)}
            >
              {o.kind === "none" ? (
                <>
                  <kbd>0</kbd>
                  <em>no speaker (agentless)</em>
                </>
              ) : o.kind === "new" ? (
                <>
                  <span class="nokey">＋</span>
                  <span>
                    new speaker <strong>{o.name}</strong>
                  </span>
                </>
              ) : (
                <>
                  {q === "" && i < 9 ? <kbd>{i + 1}</kbd> : <span class="nokey" />}
                  <strong>{o.s.name ?? "unnamed"}</strong>
                  {o.s.role ? <span class="role">{o.s.role}</span> : null}
                  {current?.entity === o.s.entity ? <span class="changed">now</span> : null}
                </>
              )}
            </button>
          </li>
        ))}
      </ol>
      <label class="typed">
        Role of a new speaker (optional)
        <input value={role} onInput={(e) => setRole((e.target as HTMLInputElement).value)} />
      </label>
      <p class="muted">
        <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd> pick · <kbd>1</kbd>–<kbd>9</kbd> while the box is empty · <kbd>Esc</kbd> cancel
      </p>
    </Dialog>
  );
}
