/**
 * The article with its statements highlighted (displaCy style): source, cue and content in their
 * colours, the current statement strong with labels, the others pale and marked by their review
 * status (accepted, edited, added, rejected), the span being moved from the keyboard and the
 * statement being added outlined. The rendered text is exactly the document text (labels are CSS
 * ::after content; the `date …` header line is there but hidden), so a selection maps to offsets by
 * counting.
 */
import type { ComponentChild } from "preact";
import { memo } from "preact/compat";
import { useEffect, useRef } from "preact/hooks";
import type { RunDoc } from "../api.js";
import { type ReviewState, type Role, type ShownStatus, statementKey, statusOf } from "../decisions.js";
import type { Span, Statement } from "../../schema.js";
import type { Pending } from "./use-pending-span.js";

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

/** The ingest stage's header line: `date YYYY-MM-DD` first. */
const HEADER = /^\uFEFF?[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]*\r?\n/;

interface Mark {
  start: number;
  end: number;
  role: Role | "number" | "pending";
  key: string;
  current: boolean;
  status: ShownStatus;
  /** A span of the statement being added. */
  draft?: boolean;
}

const PRIORITY: Record<Mark["role"], number> = { pending: 0, cue: 3, source: 2, content: 1, number: 0 };
const LABEL: Record<Role, string> = { content: "CONTENT", source: "SOURCE", cue: "CUE" };

export type DraftSpans = Partial<Record<Role, Span>>;

function marksOf(doc: RunDoc, states: Record<string, ReviewState>, currentKey: string | null, draft: DraftSpans | null): Mark[] {
  const marks: Mark[] = [];
  for (const s of doc.statements) {
    const key = statementKey(doc.doc_id, s.id);
    const state = states[key];
    const eff = effectiveSpans(s, state);
    const current = key === currentKey && !draft;
    const status = statusOf(state);
    const add = (span: Span | null, role: Mark["role"]) => {
      if (span && span.end > span.start) marks.push({ start: span.start, end: span.end, role, key, current, status });
    };
    for (const c of eff.content) add(c, "content");
    add(eff.source, "source");
    add(eff.cue, "cue");
    if (current) for (const i of s.numbers) add(doc.numbers[i] ?? null, "number");
  }
  for (const role of ["content", "source", "cue"] as const) {
    const sp = draft?.[role];
    if (sp) marks.push({ start: sp.start, end: sp.end, role, key: "new", current: true, status: "added", draft: true });
  }
  return marks;
}

function pick(cover: Mark[]): Mark | undefined {
  let best: Mark | undefined;
  for (const m of cover) {
    if (m.role === "number" || m.role === "pending") continue;
    if (!best || (m.current && !best.current) || (m.current === best.current && PRIORITY[m.role] > PRIORITY[best.role])) best = m;
  }
  return best;
}

export interface ArticleProps {
  text: string;
  doc: RunDoc;
  states: Record<string, ReviewState>;
  currentKey: string | null;
  editing: boolean;
  /** The span being moved from the keyboard (a mouse selection shows itself). */
  pending: Pending | null;
  /** The statement being added. */
  draft: DraftSpans | null;
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

function ArticleView({ text, doc, states, currentKey, editing, pending, draft, onPick, onSelect }: ArticleProps) {
  const root = useRef<HTMLDivElement>(null);
  const marks = marksOf(doc, states, currentKey, draft);
  if (pending?.from === "keys") marks.push({ start: pending.start, end: pending.end, role: "pending", key: "", current: true, status: "unreviewed" });
  const header = HEADER.exec(text)?.[0].length ?? 0;
  const cuts = new Set<number>([0, header, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const parts: ComponentChild[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    if (a === b) continue;
    if (b <= header) {
      parts.push(
        <span key="header" class="header-line" aria-hidden="true">
          {text.slice(a, b)}
        </span>,
      );
      continue;
    }
    const cover = marks.filter((m) => m.start <= a && m.end >= b);
    const base = pick(cover.filter((m) => m.role !== "pending"));
    const isNumber = cover.some((m) => m.role === "number");
    const isPending = cover.some((m) => m.role === "pending");
    if (!base && !isNumber && !isPending) {
      parts.push(text.slice(a, b));
      continue;
    }
    const cls = ["m"];
    if (base) cls.push(`m-${base.role}`, base.current ? "cur" : "oth", `st-${base.status}`);
    if (base?.draft) cls.push("draft");
    if (isPending) cls.push("pend");
    if (isNumber) cls.push("num");
    const tag = base?.current && base.role !== "number" && base.role !== "pending" && base.end === b ? LABEL[base.role as Role] : undefined;
    parts.push(
      <span
        key={a}
        class={cls.join(" ")}
        data-k={base && !base.current ? base.key : undefined}
        data-key={base && !base.draft ? base.key : undefined}
        data-st={base?.status}
        data-tag={tag}
      >
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

  // Keep the current statement (or the span being moved) in view.
  const focusKey = pending?.from === "keys" ? `${pending.start}-${pending.end}` : currentKey;
  useEffect(() => {
    const el = root.current?.querySelector<HTMLElement>(".pend, .cur");
    const box = root.current?.parentElement;
    if (!el || !box) return;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top + 40 || r.bottom > b.bottom - 40) el.scrollIntoView({ block: "center" });
  }, [focusKey]);

  return (
    <div ref={root} class={editing ? "text editing" : "text"} lang="en">
      {parts}
    </div>
  );
}

export const Article = memo(ArticleView);
