/** U: flag the statement unsure, with a note for whoever looks next; an empty note clears the flag. */
import { useState } from "preact/hooks";
import { Dialog } from "./dialog.js";

export interface NoteDialogProps {
  note: string | undefined;
  flagged: boolean;
  onSave: (note: string, unsure: boolean) => void;
  onClose: () => void;
}

export function NoteDialog({ note, flagged, onSave, onClose }: NoteDialogProps) {
  const [text, setText] = useState(note ?? "");
  const save = () => onSave(text.trim(), !(flagged && text.trim() === ""));
  return (
    <Dialog
      label="Unsure"
      className="note"
      onClose={onClose}
      onKey={(ev) => {
        if (ev.key !== "Enter" || ev.shiftKey) return false;
        save();
        return true;
      }}
    >
      <h2>Unsure about this statement?</h2>
      <textarea
        data-autofocus
        rows={4}
        value={text}
        placeholder="What should the next reviewer check? (Shift+Enter: new line)"
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="row">
        <button type="button" class="btn" onClick={save}>
          {flagged && text.trim() === "" ? "Clear the flag" : "Flag unsure"} <kbd>Enter</kbd>
        </button>
        {flagged ? (
          <button type="button" class="btn ghost" onClick={() => onSave("", false)}>
            Clear the flag
          </button>
        ) : null}
        <button type="button" class="btn ghost" onClick={onClose}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
      <p class="muted">The flag is not a decision: accept, edit or reject the statement as well. It goes to the gold file with it.</p>
    </Dialog>
  );
}
