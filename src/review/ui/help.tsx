/** ? : the keys, from the key map's own tables. */
import { Dialog } from "./dialog.js";
import { KEY_TABLES } from "./key-map.js";

export function Help({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      label="Keys"
      className="help"
      onClose={onClose}
      onKey={(ev) => {
        if (ev.key !== "?") return false;
        onClose();
        return true;
      }}
    >
      <h2>Keys</h2>
      {KEY_TABLES.map(([title, rows]) => (
        <section key={title}>
          <h3>{title}</h3>
          <table class="keys">
            <tbody>
              {rows.map(([k, what]) => (
                <tr key={k}>
                  <td>
                    <kbd>{k}</kbd>
                  </td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p class="muted">Decisions are saved at once to reviews.jsonl beside the records; the mouse works for everything too.</p>
      <button type="button" class="btn" data-autofocus onClick={onClose}>
        Close <kbd>Esc</kbd>
      </button>
    </Dialog>
  );
}
