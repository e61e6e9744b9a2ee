/**
 * The span being edited (edit mode) or chosen (adding a statement): from a mouse selection snapped
 * to whole words, or from a role's span (Tab) moved a word at a time with [ ] (start) and { } (end).
 */
import { useCallback, useState } from "preact/hooks";
import type { Role } from "../decisions.js";
import { moveEdge, snapToWords } from "../word-spans.js";

export interface Pending {
  start: number;
  end: number;
  /** mouse: the browser's selection shows it; keys: the article marks it. */
  from: "mouse" | "keys";
  /** The role whose span Tab loaded. */
  role?: Role;
}

export interface PendingSpan {
  pending: Pending | null;
  /** The article's selection changed (null: nothing selected in the article). */
  onSelect: (range: { start: number; end: number } | null) => void;
  /** Loads a role's span to move it from the keyboard. */
  load: (role: Role, span: { start: number; end: number }) => void;
  move: (edge: "start" | "end", dir: -1 | 1) => boolean;
  clear: () => void;
}

export function usePendingSpan(text: string | undefined): PendingSpan {
  const [pending, setPending] = useState<Pending | null>(null);

  const onSelect = useCallback(
    (range: { start: number; end: number } | null) => {
      if (!range || text === undefined) {
        // a collapsed selection clears a mouse selection, not a span moved from the keyboard
        setPending((p) => (p?.from === "mouse" ? null : p));
        return;
      }
      const s = snapToWords(text, range.start, range.end);
      setPending(s.end > s.start ? { ...s, from: "mouse" } : null);
    },
    [text],
  );

  const load = useCallback((role: Role, span: { start: number; end: number }) => {
    window.getSelection()?.removeAllRanges();
    setPending({ start: span.start, end: span.end, from: "keys", role });
  }, []);

  const move = (edge: "start" | "end", dir: -1 | 1): boolean => {
    if (!pending || text === undefined) return false;
    window.getSelection()?.removeAllRanges();
    setPending((p) => (p ? { ...moveEdge(text, p, edge, dir), from: "keys", ...(p.role ? { role: p.role } : {}) } : p));
    return true;
  };

  const clear = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setPending(null);
  }, []);

  return { pending, onSelect, load, move, clear };
}
