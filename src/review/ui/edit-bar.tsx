/**
 * The bar of edit mode (E) and of adding a statement (M). It takes the place of the queue line, at
 * the same height, so the article does not move under the mouse when it appears.
 */
import type { Role } from "../decisions.js";
import type { Draft, RoleCommand } from "./use-actions.js";
import type { Pending } from "./use-pending-span.js";

export interface EditBarProps {
  pending: Pending | null;
  text: string | undefined;
  /** Adding a statement: its parts so far. */
  draft: Draft | null;
  onRole: (role: RoleCommand) => void;
  onSpeaker: () => void;
  onSave: () => void;
  onDone: () => void;
}

/** A long selection shows both ends. */
function quoted(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return `“${s.length > 80 ? `${s.slice(0, 38)} … ${s.slice(-38)}` : s}”`;
}

const ROLE_KEYS: [Role, string][] = [
  ["content", "1"],
  ["source", "2"],
  ["cue", "3"],
];

export function EditBar({ pending, text, draft, onRole, onSpeaker, onSave, onDone }: EditBarProps) {
  const sel = (
    <span class="sel" data-start={pending?.start} data-end={pending?.end} title={pending?.role ? `moving the ${pending.role}` : undefined}>
      {pending && text !== undefined ? quoted(text, pending.start, pending.end) : "nothing selected"}
    </span>
  );
  if (draft) {
    return (
      <div class="editbar adding" role="status">
        <strong>New statement</strong>
        {ROLE_KEYS.map(([role, key]) => (
          <button type="button" key={role} class={`btn small part new-${role}`} onClick={() => onRole(role)} title={`the selection becomes the ${role}`}>
            <kbd>{key}</kbd> {draft[role] ? <span class={`part-text lbl-${role}`}>{draft[role]!.text}</span> : role}
          </button>
        ))}
        <button type="button" class="btn small part new-speaker" onClick={onSpeaker}>
          <kbd>S</kbd> {draft.speakerLabel ?? "speaker (from the source)"}
        </button>
        {sel}
        <button type="button" class="btn small accept" onClick={onSave}>
          Save <kbd>Enter</kbd>
        </button>
        <button type="button" class="btn small ghost" onClick={onDone}>
          <kbd>Esc</kbd>
        </button>
      </div>
    );
  }
  return (
    <div class="editbar" role="status">
      <strong>Edit</strong>
      <button type="button" class="btn small" onClick={() => onRole("content")}>
        <kbd>1</kbd> content
      </button>
      <button type="button" class="btn small" onClick={() => onRole("source")}>
        <kbd>2</kbd> source
      </button>
      <button type="button" class="btn small" onClick={() => onRole("cue")}>
        <kbd>3</kbd> cue
      </button>
      <button type="button" class="btn small ghost" onClick={() => onRole("clear-source")}>
        <kbd>4</kbd> no source
      </button>
      <button type="button" class="btn small ghost" onClick={() => onRole("clear-cue")}>
        <kbd>5</kbd> no cue
      </button>
      <span class="hint muted">
        <kbd>Tab</kbd> <kbd>[</kbd> <kbd>]</kbd> <kbd>{"{"}</kbd> <kbd>{"}"}</kbd>
      </span>
      {sel}
      <button type="button" class="btn small" onClick={onDone}>
        Done <kbd>Esc</kbd>
      </button>
    </div>
  );
}
