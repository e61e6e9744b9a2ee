/**
 * The queue the reviewer works through: its order, the filters, the cursor (kept in the URL
 * fragment, so a reload or a link lands on the statement), and the figures beside it.
 */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { ReviewsInfo, RunDoc, RunInfo } from "../api.js";
import { type ArticleProgress, articleProgress } from "../articles.js";
import { QUEUE_ORDERS, type QueueOrder, type ReviewState, statementKey, statusOf } from "../decisions.js";
import {
  type FilterFacts,
  type Filters,
  matches,
  orderQueue,
  type Progress,
  progress,
  type QueueItem,
  type SampleEstimate,
  sampleEstimate,
} from "../queue.js";
import type { Statement } from "../../schema.js";
import { store, stored } from "./fetch-api.js";

export interface Entry {
  doc: RunDoc;
  s: Statement;
}

export const ORDERS: { value: QueueOrder; label: string }[] = [
  { value: "confidence", label: "Lowest confidence" },
  { value: "article", label: "By article, lowest first" },
  { value: "document", label: "Document order" },
  { value: "sample", label: "Random sample" },
];

/** `#doc=…&s=…`: the statement a URL points at. */
export function statementHash(docId: string, statementId: string): string {
  return `#${new URLSearchParams({ doc: docId, s: statementId })}`;
}

function hashKey(): string | null {
  const p = new URLSearchParams(location.hash.slice(1));
  const doc = p.get("doc");
  const s = p.get("s");
  return doc !== null && s !== null ? statementKey(doc, s) : null;
}

export interface QueueState {
  order: QueueOrder;
  seed: number;
  changeOrder: (o: QueueOrder) => void;
  changeSeed: (n: number) => void;
  /** The run's documents with the statements reviewers added. */
  docs: RunDoc[];
  entries: Map<string, Entry>;
  /** The ordered queue, filtered. */
  queue: QueueItem[];
  /** The ordered queue before the filters. */
  all: QueueItem[];
  prog: Progress;
  estimate: SampleEstimate;
  cursor: string | null;
  current: Entry | undefined;
  /** Position of the cursor in the queue (-1: none, or filtered out). */
  position: number;
  /** Moves the cursor (and clears the text selection). */
  go: (key: string | undefined) => void;
  article: (docId: string, states?: Record<string, ReviewState>, marks?: ReviewsInfo["articles"]) => ArticleProgress;
  /** The first statement after `from` (a queue position) that still needs a decision: undecided, its article not done. */
  nextToDo: (from: number, states: Record<string, ReviewState>, marks?: ReviewsInfo["articles"]) => string | undefined;
  facts: (key: string) => FilterFacts | undefined;
}

export function useQueue(run: RunInfo | null, reviews: ReviewsInfo, filters: Filters, onMove: () => void): QueueState {
  const [order, setOrder] = useState<QueueOrder>(() => {
    const o = stored("order") as QueueOrder | null;
    return o && QUEUE_ORDERS.includes(o) ? o : "confidence";
  });
  const [seed, setSeed] = useState<number>(() => Number(stored("seed") ?? 1) || 1);
  const [cursor, setCursor] = useState<string | null>(null);
  const { states, flags, articles } = reviews;

  // Added statements change rarely: keep the documents (and the article view) stable between polls.
  const addedKey = JSON.stringify(reviews.added);
  const docs = useMemo(
    () => (run?.docs ?? []).map((d) => (reviews.added[d.doc_id] ? { ...d, statements: [...d.statements, ...reviews.added[d.doc_id]!] } : d)),
    [run, addedKey],
  );

  const { entries, items } = useMemo(() => {
    const entries = new Map<string, Entry>();
    const items: QueueItem[] = [];
    for (const doc of docs) {
      if (!doc.available) continue;
      doc.statements.forEach((s, index) => {
        const key = statementKey(doc.doc_id, s.id);
        entries.set(key, { doc, s });
        items.push({ key, doc: doc.index, index, confidence: s.confidence, start: s.content.start });
      });
    }
    return { entries, items };
  }, [docs]);

  const facts = useCallback(
    (key: string): FilterFacts | undefined => {
      const e = entries.get(key);
      if (!e) return undefined;
      const st = states[key];
      const sp = st && st.speaker !== undefined ? st.speaker : e.s.speaker;
      const status = statusOf(st);
      return {
        doc: e.doc.doc_id,
        speaker: sp ? (sp.name ?? sp.role ?? "") : "",
        kind: e.s.kind,
        cue_type: e.s.cue_type ?? "",
        confidence: e.s.confidence,
        status: status === "unreviewed" ? "undecided" : status,
        unsure: flags[key] !== undefined,
      };
    },
    [entries, states, flags],
  );

  const all = useMemo(() => orderQueue(items, order, seed), [items, order, seed]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const queue = useMemo(
    () => (filtered ? all.filter((i) => matches(filters, facts(i.key)!)) : all),
    [all, filters, filtered, facts],
  );
  const sampleQueue = useMemo(() => orderQueue(items, "sample", seed), [items, seed]);
  const stateMap = useMemo(() => new Map(Object.entries(states)), [states]);
  const prog = useMemo(() => progress(items.map((i) => i.key), stateMap), [items, stateMap]);
  const estimate = useMemo(() => sampleEstimate(sampleQueue, stateMap), [sampleQueue, stateMap]);

  const article = (docId: string, st = states, marks = articles): ArticleProgress => {
    const doc = docs.find((d) => d.doc_id === docId);
    return articleProgress(
      docId,
      (doc?.statements ?? []).map((s) => s.id),
      { get: (k: string) => st[k] },
      marks[docId],
    );
  };

  const nextToDo = (from: number, st: Record<string, ReviewState>, marks = articles) => {
    for (let i = 1; i <= queue.length; i++) {
      const q = queue[(from + i + queue.length) % queue.length]!;
      if (!st[q.key] && !marks[entries.get(q.key)!.doc.doc_id]?.done) return q.key;
    }
    return undefined;
  };

  // Where to start: the statement in the URL; else after the latest decision; else the first to do.
  useEffect(() => {
    if (cursor !== null || queue.length === 0 || !run) return;
    const linked = hashKey();
    if (linked && entries.has(linked)) {
      setCursor(linked);
      return;
    }
    let latest: string | null = null;
    for (const [key, s] of Object.entries(states)) if (entries.has(key) && (!latest || s.seq > states[latest]!.seq)) latest = key;
    const from = latest ? queue.findIndex((q) => q.key === latest) : -1;
    setCursor(nextToDo(from, states) ?? (latest && from >= 0 ? latest : queue[0]!.key));
  }, [cursor, queue, run]);

  // The URL names the current statement (replaceState: no history entry per statement).
  const current = cursor ? entries.get(cursor) : undefined;
  useEffect(() => {
    if (!current) return;
    const hash = statementHash(current.doc.doc_id, current.s.id);
    if (location.hash !== hash) history.replaceState(null, "", hash);
  }, [current]);

  const go = useCallback(
    (key: string | undefined) => {
      if (!key) return;
      setCursor(key);
      onMove();
    },
    [onMove],
  );

  // A link followed in this tab.
  useEffect(() => {
    const follow = () => {
      const key = hashKey();
      if (key && entries.has(key)) go(key);
    };
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [entries, go]);

  const position = cursor ? queue.findIndex((q) => q.key === cursor) : -1;

  // The statement is gone (its addition undone) or filtered out: on to the first of the queue to do.
  useEffect(() => {
    if (cursor === null || queue.length === 0) return;
    if (entries.has(cursor) && (position >= 0 || !filtered)) return;
    go(nextToDo(-1, states) ?? queue[0]!.key);
  }, [cursor, queue, entries, position, filtered]);

  const changeOrder = (o: QueueOrder) => {
    setOrder(o);
    store("order", o);
  };
  const changeSeed = (n: number) => {
    const v = Number.isInteger(n) && n > 0 ? n : 1;
    setSeed(v);
    store("seed", String(v));
  };

  return { order, seed, changeOrder, changeSeed, docs, entries, queue, all, prog, estimate, cursor, current, position, go, article, nextToDo, facts };
}
