/** The overlays: the keys (?) and the speaker picker (S). */
import { useEffect, useRef, useState } from "preact/hooks";
import type { Speaker } from "../../schema.js";
import { KEYS } from "./key-map.js";

export function Help({ onClose }: { onClose: () => void }) {
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-label="Keys">
      <div class="dialog">
        <h2>Keys</h2>
        <table class="keys">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">
          Decisions are saved at once to reviews.jsonl beside the records; the mouse works for everything too.
        </p>
        <button type="button" class="btn" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}

export interface SpeakerPickerProps {
  speakers: Speaker[];
  current: Speaker | null;
  onPick: (choice: { entity: string } | { name: string; role: string | null } | null) => void;
  onClose: () => void;
}

export function SpeakerPicker({ speakers, current, onPick, onClose }: SpeakerPickerProps) {
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      onClose();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (name.trim() !== "") onPick({ name: name.trim(), role: role.trim() === "" ? null : role.trim() });
    } else if (/^[0-9]$/.test(ev.key) && name === "" && ev.target === input.current) {
      ev.preventDefault();
      const n = Number(ev.key);
      if (n === 0) onPick(null);
      else {
        const s = speakers[n - 1];
        if (s) onPick({ entity: s.entity });
      }
    }
  };

  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-label="Speaker" onKeyDown={onKey}>
      <div class="dialog">
        <h2>Who said it?</h2>
        <ol class="speakers">
          {speakers.map((s, i) => (
            <li key={s.entity}>
              <button
                type="button"
                class={`speaker-option${current?.entity === s.entity ? " now" : ""}`}
                onClick={() => onPick({ entity: s.entity })}
              >
                {i < 9 ? <kbd>{i + 1}</kbd> : <span class="nokey" />}
                <strong>{s.name ?? "unnamed"}</strong>
                {s.role ? <span class="role">{s.role}</span> : null}
                {current?.entity === s.entity ? <span class="changed">now</span> : null}
              </button>
            </li>
          ))}
          <li>
            <button type="button" class="speaker-option" onClick={() => onPick(null)}>
              <kbd>0</kbd>
              <em>no speaker (agentless)</em>
            </button>
          </li>
        </ol>
        <div class="typed">
          <label>
            Or type a name
            <input
              ref={input}
              value={name}
              placeholder="e.g. Rustem Umerov"
              onInput={(e) => setName((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Role (optional)
            <input value={role} onInput={(e) => setRole((e.target as HTMLInputElement).value)} />
          </label>
        </div>
        <p class="muted">
          <kbd>1</kbd>–<kbd>9</kbd> pick (when the name is empty) · <kbd>Enter</kbd> use the typed name · <kbd>Esc</kbd> cancel
        </p>
      </div>
    </div>
  );
}
