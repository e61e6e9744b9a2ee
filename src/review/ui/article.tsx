/**
 * The article with its statements highlighted (displaCy style): source, cue and content in their
 * colours, the current statement strong with labels, the others pale. The rendered text is exactly
 * the document text (labels are CSS ::after content), so a selection maps to offsets by counting.
 */
import type { ComponentChild } from "preact";
import { memo } from "preact/compat";
import { useEffect, useRef } from "preact/hooks";
import type { RunDoc } from "../api.js";
import { type ReviewState, type Role, statementKey } from "../decisions.js";
import type { Span, Statement } from "../../schema.js";

export interface Effective {
  content: Span[];
  source: Span | null;
  cue: Span | null;
}

/** The statement as reviewed so far: the pipeline's spans overlaid with edited ones. */
export function effectiveSpans(s: Statement, state: ReviewState | undefined): Effective {
  const e = state?.spans ?? {};
  return {
    content: e.content ? [e.content] : [s.content],
    source: e.source !== undefined ? e.source : s.source,
    cue: e.cue !== undefined ? e.cue : s.cue,
  };
}

interface Mark {
  start: number;
  end: number;
  role: Role | "number";
  key: string;
  current: boolean;
  rejected: boolean;
}

const PRIORITY: Record<Mark["role"], number> = { cue: 3, source: 2, content: 1, number: 0 };
const LABEL: Record<Role, string> = { content: "CONTENT", source: "SOURCE", cue: "CUE" };

function marksOf(doc: RunDoc, states: Record<string, ReviewState>, currentKey: string | null): Mark[] {
  const marks: Mark[] = [];
  for (const s of doc.statements) {
    const key = statementKey(doc.doc_id, s.id);
    const state = states[key];
    const eff = effectiveSpans(s, state);
    const current = key === currentKey;
    const rejected = state?.status === "rejected";
    const add = (span: Span | null, role: Mark["role"]) => {
      if (span && span.end > span.start) marks.push({ start: span.start, end: span.end, role, key, current, rejected });
    };
    for (const c of eff.content) add(c, "content");
    add(eff.source, "source");
    add(eff.cue, "cue");
    if (current) for (const i of s.numbers) add(doc.numbers[i] ?? null, "number");
  }
  return marks;
}

function pick(cover: Mark[]): Mark | undefined {
  let best: Mark | undefined;
  for (const m of cover) {
    if (m.role === "number") continue;
    if (!best || (m.current && !best.current) || (m.current === best.current && PRIORITY[m.role] > PRIORITY[best.role])) {
      best = m;
    }
  }
  return best;
}

export interface ArticleProps {
  text: string;
  doc: RunDoc;
  states: Record<string, ReviewState>;
  currentKey: string | null;
  editing: boolean;
  onPick: (key: string) => void;
  onSelect: (span: { start: number; end: number } | null) => void;
}

/** Offset of a DOM point inside root: the length of the text before it. */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

function ArticleView({ text, doc, states, currentKey, editing, onPick, onSelect }: ArticleProps) {
  const root = useRef<HTMLDivElement>(null);
  const marks = marksOf(doc, states, currentKey);
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const parts: ComponentChild[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    const cover = marks.filter((m) => m.start <= a && m.end >= b);
    const shown = pick(cover);
    const isNumber = cover.some((m) => m.role === "number");
    if (!shown && !isNumber) {
      parts.push(text.slice(a, b));
      continue;
    }
    const cls = ["m"];
    if (shown) cls.push(`m-${shown.role}`, shown.current ? "cur" : "oth");
    if (shown?.rejected) cls.push("rej");
    if (isNumber) cls.push("num");
    const tag =
      shown?.current && shown.role !== "number" && shown.end === b ? LABEL[shown.role as Role] : undefined;
    parts.push(
      <span key={a} class={cls.join(" ")} data-k={shown && !shown.current ? shown.key : undefined} data-tag={tag}>
        {text.slice(a, b)}
      </span>,
    );
  }

  // Clicking a pale statement selects it (not while editing, not at the end of a text selection).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const click = (ev: MouseEvent) => {
      if (editing) return;
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      const hit = (ev.target as HTMLElement).closest<HTMLElement>("[data-k]");
      if (hit?.dataset.k) onPick(hit.dataset.k);
    };
    el.addEventListener("click", click);
    return () => el.removeEventListener("click", click);
  }, [editing, onPick]);

  // The mouse selection inside the article, as offsets into the text.
  useEffect(() => {
    const change = () => {
      const el = root.current;
      const sel = window.getSelection();
      if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return onSelect(null);
      const r = sel.getRangeAt(0);
      if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return onSelect(null);
      const start = offsetIn(el, r.startContainer, r.startOffset);
      const end = offsetIn(el, r.endContainer, r.endOffset);
      onSelect(end > start ? { start, end } : null);
    };
    document.addEventListener("selectionchange", change);
    return () => document.removeEventListener("selectionchange", change);
  }, [onSelect]);

  // Keep the current statement in view.
  useEffect(() => {
    const el = root.current?.querySelector<HTMLElement>(".cur");
    const box = root.current?.parentElement;
    if (!el || !box) return;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top + 40 || r.bottom > b.bottom - 40) el.scrollIntoView({ block: "center" });
  }, [currentKey]);

  return (
    <div ref={root} class={editing ? "text editing" : "text"} lang="en">
      {parts}
    </div>
  );
}

export const Article = memo(ArticleView);
