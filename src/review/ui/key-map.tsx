/**
 * The keyboard: one table per mode, mapping a key to a command; ? shows the same tables. Keys typed
 * into a form field are the field's, and an open dialog keeps its keys (dialog.tsx).
 */
import { useEffect, useRef } from "preact/hooks";
import type { Actions, Mode } from "./use-actions.js";

interface Binding {
  keys: string[];
  label: string;
  what: string;
  run: (a: Actions, ui: KeyUi) => void;
}

/** What the keys do outside the actions: panels of the page, the pending span. */
export interface KeyUi {
  setMode: (m: Mode) => void;
  toggleFilters: () => void;
  /** [ ] { }: moves an edge of the pending span by one word (not a queued command: only the page's state changes). */
  moveEdge: (edge: "start" | "end", dir: -1 | 1) => void;
}

const NORMAL: Binding[] = [
  { keys: ["a", "A"], label: "A", what: "accept the statement", run: (a) => a.verdict("accept") },
  { keys: ["x", "X"], label: "X", what: "reject it", run: (a) => a.verdict("reject") },
  { keys: ["e", "E"], label: "E", what: "edit its spans (keys below)", run: (a) => a.toggleEdit() },
  { keys: ["s", "S"], label: "S", what: "speaker: type to filter, ↑ ↓ Enter, or a new name", run: (a) => a.openSpeaker() },
  { keys: ["u", "U"], label: "U", what: "unsure: flag it with a note (an empty note clears the flag)", run: (a) => a.openNote() },
  { keys: ["m", "M"], label: "M", what: "add a statement the extractor missed", run: (a) => a.startAdd() },
  { keys: ["z", "Z"], label: "Z", what: "undo your last decision (also after a reload or a restart)", run: (a) => a.undo() },
  { keys: ["j", "J"], label: "J / K", what: "next / previous statement in the queue", run: (a) => a.step(1) },
  { keys: ["k", "K"], label: "", what: "", run: (a) => a.step(-1) },
  { keys: ["n", "N"], label: "N", what: "next statement still to decide", run: (a) => a.nextToDo() },
  { keys: ["d", "D"], label: "D", what: "mark the article done (its undecided statements go to gold as extracted), or open again", run: (a) => a.requestDone() },
  { keys: ["l", "L"], label: "L", what: "articles: progress, done marks, jump to one", run: (_a, ui) => ui.setMode("articles") },
  { keys: ["f", "F"], label: "F", what: "filters: article, speaker, kind, cue type, confidence, status", run: (_a, ui) => ui.toggleFilters() },
  { keys: ["o", "O"], label: "O", what: "cycle the queue order", run: (a) => a.cycleOrder() },
  { keys: ["?"], label: "?", what: "show these keys", run: (_a, ui) => ui.setMode("help") },
];

const SPANS: Binding[] = [
  { keys: ["Tab"], label: "Tab / ⇧Tab", what: "take the content, source or cue span to move it", run: (a) => a.cycleRole(1) },
  { keys: ["ShiftTab"], label: "", what: "", run: (a) => a.cycleRole(-1) },
  { keys: ["["], label: "[ / ]", what: "move the start one word left / right", run: (_a, ui) => ui.moveEdge("start", -1) },
  { keys: ["]"], label: "", what: "", run: (_a, ui) => ui.moveEdge("start", 1) },
  { keys: ["{"], label: "{ / }", what: "move the end one word left / right (Shift+[ / Shift+])", run: (_a, ui) => ui.moveEdge("end", -1) },
  { keys: ["}"], label: "", what: "", run: (_a, ui) => ui.moveEdge("end", 1) },
];

const EDIT: Binding[] = [
  { keys: ["1"], label: "1 / 2 / 3", what: "the selection becomes the content / source / cue (a new source re-resolves the speaker)", run: (a) => a.setRole("content") },
  { keys: ["2"], label: "", what: "", run: (a) => a.setRole("source") },
  { keys: ["3"], label: "", what: "", run: (a) => a.setRole("cue") },
  { keys: ["4"], label: "4 / 5", what: "no source / no cue", run: (a) => a.setRole("clear-source") },
  { keys: ["5"], label: "", what: "", run: (a) => a.setRole("clear-cue") },
  { keys: ["Enter", "Escape"], label: "Enter / Esc", what: "leave edit mode", run: (_a, ui) => ui.setMode("normal") },
];

const ADD: Binding[] = [
  { keys: ["1"], label: "1 / 2 / 3", what: "the selection becomes the new statement's content / source / cue", run: (a) => a.setDraftRole("content") },
  { keys: ["2"], label: "", what: "", run: (a) => a.setDraftRole("source") },
  { keys: ["3"], label: "", what: "", run: (a) => a.setDraftRole("cue") },
  { keys: ["4"], label: "4 / 5", what: "no source / no cue", run: (a) => a.setDraftRole("clear-source") },
  { keys: ["5"], label: "", what: "", run: (a) => a.setDraftRole("clear-cue") },
  { keys: ["s", "S"], label: "S", what: "its speaker (without one, the source names it)", run: (a) => a.openSpeaker() },
  { keys: ["Enter"], label: "Enter", what: "save it (written to reviews.jsonl like any decision)", run: (a) => a.saveAdd() },
  { keys: ["Escape"], label: "Esc", what: "drop it", run: (a) => a.cancelAdd() },
];

/** The tables ? shows: [title, [key, what]…]. */
export const KEY_TABLES: [string, [string, string][]][] = [
  ["Review", NORMAL],
  ["Edit mode (E) — select text with the mouse (it snaps to whole words), or:", [...SPANS, ...EDIT]],
  ["Adding a statement (M)", [...SPANS.slice(0, 2), ...ADD]],
].map(([title, rows]) => [title as string, (rows as Binding[]).filter((b) => b.label).map((b) => [b.label, b.what] as [string, string])]);

function bindingsOf(mode: Mode): Binding[] {
  if (mode === "edit") return [...SPANS, ...EDIT, ...NORMAL];
  if (mode === "add") return [...SPANS, ...ADD];
  if (mode === "normal") return NORMAL;
  return []; // a dialog is open: it has the keys
}

export interface KeyMapDeps {
  mode: Mode;
  actions: Actions;
  ui: KeyUi;
}

/** Listens on the window for the page's lifetime; always calls the latest deps. */
export function useKeyMap(deps: KeyMapDeps): void {
  const ref = useRef(deps);
  ref.current = deps;
  useEffect(() => {
    const h = (ev: KeyboardEvent) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      const { mode, actions, ui } = ref.current;
      const key = ev.key === "Tab" && ev.shiftKey ? "ShiftTab" : ev.key;
      const b = bindingsOf(mode).find((x) => x.keys.includes(key));
      if (!b) return;
      ev.preventDefault();
      b.run(actions, ui);
    };
    window.addEventListener("keydown", h);
    return () => window.removeEventListener("keydown", h);
  }, []);
}
