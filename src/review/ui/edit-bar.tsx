/** The bar shown in edit mode: what is selected and which role it becomes. */
import type { RoleCommand, Selection } from "./use-actions.js";

export interface EditBarProps {
  selection: Selection;
  text: string | undefined;
  onRole: (role: RoleCommand) => void;
  onDone: () => void;
}

export function EditBar({ selection, text, onRole, onDone }: EditBarProps) {
  return (
    <div class="editbar" role="status">
      <strong>Edit</strong> select text in the article, then
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
      <span class="sel">{selection && text ? `“${text.slice(selection.start, selection.end).slice(0, 80)}”` : "nothing selected"}</span>
      <button type="button" class="btn small" onClick={onDone}>
        Done <kbd>Esc</kbd>
      </button>
    </div>
  );
}
