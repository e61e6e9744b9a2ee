/**
 * What the reviewer does, one command at a time: keys and clicks queue their commands, and each runs
 * after the one before has finished and the page has re-rendered, reading the state as it is then
 * (two quick A presses accept two statements, not one twice).
 */
import { useCallback, useMemo, useRef } from "preact/hooks";
import type { ActionDeps, Serial } from "./action-types.js";
import { type DecisionActions, decisionActions } from "./decision-actions.js";
import { type DraftActions, draftActions } from "./draft-actions.js";
import { ORDERS } from "./use-queue.js";

export interface NavActions {
  step: (dir: -1 | 1) => void;
  nextToDo: () => void;
  cycleOrder: () => void;
  jumpToArticle: (docId: string) => void;
}

export type { ActionDeps, Draft, Mode, RoleCommand, SpeakerChoice } from "./action-types.js";

export type Actions = DecisionActions & DraftActions & NavActions & { serial: Serial };

function navActions(get: () => ActionDeps, serial: Serial): NavActions {
  return {
    step: (dir) =>
      serial(() => {
        const { q, say } = get();
        const next = q.position < 0 ? q.queue[0] : q.queue[q.position + dir];
        if (next) q.go(next.key);
        else say(dir > 0 ? `End of the queue (${q.queue.length} of ${q.queue.length})` : "Start of the queue", "err");
      }),
    nextToDo: () =>
      serial(() => {
        const { q, reviews, say } = get();
        const key = q.nextToDo(q.position, reviews.states);
        if (key) q.go(key);
        else say("Nothing left to decide in this queue");
      }),
    cycleOrder: () =>
      serial(() => {
        const { q, say } = get();
        const next = ORDERS[(ORDERS.findIndex((o) => o.value === q.order) + 1) % ORDERS.length]!;
        q.changeOrder(next.value);
        say(`Order: ${next.label}`);
      }),
    jumpToArticle: (docId) =>
      serial(() => {
        const { q, reviews, setMode, setFilters } = get();
        setMode("normal");
        const inQueue = q.queue.filter((i) => q.entries.get(i.key)?.doc.doc_id === docId);
        const list = inQueue.length > 0 ? inQueue : q.all.filter((i) => q.entries.get(i.key)?.doc.doc_id === docId);
        if (inQueue.length === 0) setFilters({});
        const first = list.find((i) => !reviews.states[i.key]) ?? list[0];
        if (first) q.go(first.key);
        else get().say("This article has no statement: add one with M, or mark it done with D", "err");
      }),
  };
}

export function useActions(deps: ActionDeps): Actions {
  const ref = useRef(deps);
  ref.current = deps;
  const chain = useRef<Promise<void>>(Promise.resolve());
  const serial = useCallback<Serial>((job) => {
    chain.current = chain.current.then(async () => {
      try {
        await job();
      } catch (e) {
        ref.current.say((e as Error).message, "err");
      }
      // let the page render what the command changed before the next command reads it
      await new Promise((r) => setTimeout(r, 0));
    });
  }, []);
  return useMemo(() => {
    const get = () => ref.current;
    return { ...decisionActions(get, serial), ...draftActions(get, serial), ...navActions(get, serial), serial };
  }, [serial]);
}
