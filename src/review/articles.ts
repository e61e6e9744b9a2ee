/**
 * Articles as the units of gold. An article is finished when every statement in it (the extractor's
 * and those reviewers added) has a verdict, or when a reviewer marked it done; only finished
 * articles go to the gold file by default, so that recall against it means something. An article
 * with no statement at all is finished only when marked done (someone read it and found nothing
 * missing). Pure (used by the gold export and the UI bundle).
 */
import type { ArticleMark, ReviewState } from "./decisions.js";
import { statementKey } from "./decisions.js";

export type ArticleState = "done" | "finished" | "open";

export interface ArticleProgress {
  doc_id: string;
  total: number;
  /** Statements with a verdict. */
  decided: number;
  /** Marked done by a reviewer. */
  done: boolean;
  /** Goes to the gold file: done, or every statement decided. */
  finished: boolean;
  state: ArticleState;
}

export function articleProgress(
  docId: string,
  statementIds: readonly string[],
  states: { get(key: string): ReviewState | undefined },
  mark: ArticleMark | undefined,
): ArticleProgress {
  let decided = 0;
  for (const id of statementIds) if (states.get(statementKey(docId, id))) decided++;
  const total = statementIds.length;
  const done = mark?.done === true;
  const complete = total > 0 && decided === total;
  return { doc_id: docId, total, decided, done, finished: done || complete, state: done ? "done" : complete ? "finished" : "open" };
}
