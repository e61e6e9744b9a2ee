/**
 * The keyboard: one table of keys (shown by ? as it is) and the handler that maps a key press to a
 * command in the current mode. Keys typed into a form field are the field's.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Actions, Mode, RoleCommand } from "./use-actions.js";
import { ORDERS, type QueueState } from "./use-queue.js";

export const KEYS: [string, string][] = [
  ["A", "accept the statement"],
  ["X", "reject it"],
  ["E", "edit: select text with the mouse, then 1 content · 2 source · 3 cue (4 / 5 clear source / cue)"],
  ["S", "change the speaker: pick one of the article's, or type a name"],
  ["Z", "undo your last decision"],
  ["J / K", "next / previous statement in the queue"],
  ["N", "next statement not yet reviewed"],
  ["O", "cycle the queue order: lowest confidence, document order, random sample"],
  ["?", "show or hide these keys"],
  ["Esc", "close a panel, leave edit mode"],
];

const EDIT_KEYS: Record<string, RoleCommand> = {
  "1": "content",
  "2": "source",
  "3": "cue",
  "4": "clear-source",
  "5": "clear-cue",
};

export interface KeyMapDeps {
  mode: Mode;
  setMode: (m: Mode) => void;
  q: QueueState;
  states: Parameters<QueueState["nextUnreviewed"]>[0];
  actions: Actions;
}

/** The handler for one key press; returns whether the key was used. */
function handle(ev: KeyboardEvent, { mode, setMode, q, states, actions }: KeyMapDeps): boolean {
  const k = ev.key;
  if (mode === "help") {
    if (k === "Escape" || k === "?") setMode("normal");
    return true;
  }
  if (k === "Escape") {
    setMode("normal");
    return false;
  }
  if (mode === "edit") {
    const r = EDIT_KEYS[k];
    if (r) {
      void actions.setRole(r);
      return true;
    }
    if (k === "Enter") {
      setMode("normal");
      return false;
    }
  }
  const { queue, position, go } = q;
  const lower = k.toLowerCase();
  if (k === "?") setMode("help");
  else if (lower === "a") void actions.act("accept");
  else if (lower === "x") void actions.act("reject");
  else if (lower === "e") void actions.act("edit");
  else if (lower === "s") void actions.act("speaker");
  else if (lower === "z") void actions.undo();
  else if (lower === "j") go(queue[Math.min(position + 1, queue.length - 1)]?.key);
  else if (lower === "k") go(queue[Math.max(position - 1, 0)]?.key);
  else if (lower === "n") go(q.nextUnreviewed(states));
  else if (lower === "o") q.changeOrder(ORDERS[(ORDERS.findIndex((o) => o.value === q.order) + 1) % ORDERS.length]!.value);
  else return false;
  return true;
}

/** Listens on the window for the page's lifetime; always calls the latest deps. */
export function useKeyMap(deps: KeyMapDeps): void {
  const ref = useRef(deps);
  ref.current = deps;
  useEffect(() => {
    const h = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
      if (ref.current.mode === "speaker") return; // the picker handles its keys
      if (handle(ev, ref.current)) ev.preventDefault();
    };
    window.addEventListener("keydown", h);
    return () => window.removeEventListener("keydown", h);
  }, []);
}
