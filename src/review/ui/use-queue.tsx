/** The queue the reviewer works through: its order, the cursor in it, and the figures beside it. */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import type { RunDoc, RunInfo } from "../api.js";
import { type QueueOrder, type ReviewState, statementKey } from "../decisions.js";
import { orderQueue, type Progress, progress, type QueueItem, type SampleEstimate, sampleEstimate } from "../queue.js";
import type { Statement } from "../../schema.js";
import { store, stored } from "./fetch-api.js";

export interface Entry {
  doc: RunDoc;
  s: Statement;
}

export const ORDERS: { value: QueueOrder; label: string }[] = [
  { value: "confidence", label: "Lowest confidence first" },
  { value: "document", label: "Document order" },
  { value: "sample", label: "Random sample" },
];

export interface QueueState {
  order: QueueOrder;
  seed: number;
  changeOrder: (o: QueueOrder) => void;
  changeSeed: (n: number) => void;
  queue: QueueItem[];
  prog: Progress;
  estimate: SampleEstimate;
  cursor: string | null;
  current: Entry | undefined;
  /** Position of the cursor in the queue (-1: none). */
  position: number;
  /** Moves the cursor (and clears the text selection). */
  go: (key: string | undefined) => void;
  /** The next statement after the current one that nobody has reviewed yet (else just the next). */
  nextUnreviewed: (states: Record<string, ReviewState>) => string | undefined;
}

export function useQueue(run: RunInfo | null, states: Record<string, ReviewState>, onMove: () => void): QueueState {
  const [order, setOrder] = useState<QueueOrder>(() => (stored("order") as QueueOrder | null) ?? "confidence");
  const [seed, setSeed] = useState<number>(() => Number(stored("seed") ?? 1) || 1);
  const [cursor, setCursor] = useState<string | null>(null);

  const { entries, items } = useMemo(() => {
    const entries = new Map<string, Entry>();
    const items: QueueItem[] = [];
    for (const doc of run?.docs ?? []) {
      if (!doc.available) continue;
      doc.statements.forEach((s, index) => {
        const key = statementKey(doc.doc_id, s.id);
        entries.set(key, { doc, s });
        items.push({ key, doc: doc.index, index, confidence: s.confidence, start: s.content.start });
      });
    }
    return { entries, items };
  }, [run]);

  const queue = useMemo(() => orderQueue(items, order, seed), [items, order, seed]);
  const sampleQueue = useMemo(() => orderQueue(items, "sample", seed), [items, seed]);
  const stateMap = useMemo(() => new Map(Object.entries(states)), [states]);
  const prog = useMemo(() => progress(items.map((i) => i.key), stateMap), [items, stateMap]);
  const estimate = useMemo(() => sampleEstimate(sampleQueue, stateMap), [sampleQueue, stateMap]);

  // Start at the first statement not yet reviewed.
  useEffect(() => {
    if (cursor === null && queue.length > 0) setCursor((queue.find((q) => !states[q.key]) ?? queue[0]!).key);
  }, [cursor, queue, states]);

  const current = cursor ? entries.get(cursor) : undefined;
  const position = cursor ? queue.findIndex((q) => q.key === cursor) : -1;

  const go = useCallback(
    (key: string | undefined) => {
      if (!key) return;
      setCursor(key);
      onMove();
    },
    [onMove],
  );

  const nextUnreviewed = (fresh: Record<string, ReviewState>) => {
    for (let i = 1; i <= queue.length; i++) {
      const q = queue[(position + i) % queue.length]!;
      if (!fresh[q.key]) return q.key;
    }
    return queue[Math.min(position + 1, queue.length - 1)]?.key;
  };

  const changeOrder = (o: QueueOrder) => {
    setOrder(o);
    store("order", o);
  };
  const changeSeed = (n: number) => {
    const v = Number.isInteger(n) && n > 0 ? n : 1;
    setSeed(v);
    store("seed", String(v));
  };

  return { order, seed, changeOrder, changeSeed, queue, prog, estimate, cursor, current, position, go, nextUnreviewed };
}
