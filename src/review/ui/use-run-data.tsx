/**
 * The run and its decisions as the server has them: loaded once, re-fetched now and then (other tabs
 * decide too); article texts on demand.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import type { DocText, ReviewsInfo, RunInfo } from "../api.js";
import { api, sayByeOnClose } from "./fetch-api.js";

export interface RunData {
  run: RunInfo | null;
  fatal: string | null;
  reviews: ReviewsInfo;
  /** Re-fetches the decisions (after a decision, and every few seconds while visible). */
  refresh: () => Promise<ReviewsInfo>;
}

export function useRunData(): RunData {
  const [run, setRun] = useState<RunInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [reviews, setReviews] = useState<ReviewsInfo>({ seq: -1, states: {}, flags: {}, added: {}, articles: {} });

  const refresh = useCallback(async (): Promise<ReviewsInfo> => {
    const r = await api<ReviewsInfo>("/api/reviews");
    setReviews(r);
    return r;
  }, []);

  useEffect(() => {
    Promise.all([api<RunInfo>("/api/run"), refresh()])
      .then(([info]) => setRun(info))
      .catch((e: Error) => setFatal(e.message));
    // Another tab may decide too: re-fetch the state now and then, and when this tab comes back.
    const poll = window.setInterval(() => {
      if (document.visibilityState === "visible") refresh().catch(() => undefined);
    }, 4000);
    const focus = () => refresh().catch(() => undefined);
    window.addEventListener("focus", focus);
    const unbye = sayByeOnClose();
    return () => {
      window.clearInterval(poll);
      window.removeEventListener("focus", focus);
      unbye();
    };
  }, [refresh]);

  return { run, fatal, reviews, refresh };
}

/** The text of the article at docIndex, loaded once and kept. */
export function useArticleText(docIndex: number | undefined, onError: (message: string) => void): string | undefined {
  const [texts, setTexts] = useState<Record<number, string>>({});
  useEffect(() => {
    if (docIndex === undefined || texts[docIndex] !== undefined) return;
    api<DocText>(`/api/doc/${docIndex}`)
      .then((d) => setTexts((t) => ({ ...t, [d.index]: d.text })))
      .catch((e: Error) => onError(`cannot load the article: ${e.message}`));
  }, [docIndex, texts, onError]);
  return docIndex === undefined ? undefined : texts[docIndex];
}
