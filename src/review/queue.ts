/**
 * The review queue and the figures shown beside it. Pure: used by the UI bundle and by tests.
 *   orderQueue: lowest confidence first, lowest first within each article, document order, or a
 *   seeded random permutation.
 *   matches: the reviewer's filters (article, speaker, kind, cue type, confidence band, status).
 *   progress: reviewed n of N, accepted/edited/rejected shares.
 *   sampleEstimate: precision from the random-sample queue with a 95% Wilson interval.
 */
import { seededRandom, shuffle } from "../random.js";
import type { QueueOrder, ReviewState } from "./decisions.js";

export interface QueueItem {
  key: string;
  /** Document position in the run. */
  doc: number;
  /** Statement position in the document's record. */
  index: number;
  confidence: number;
  /** Content start, for document order. */
  start: number;
}

function documentOrder(a: QueueItem, b: QueueItem): number {
  return a.doc - b.doc || a.start - b.start || a.index - b.index;
}

export function orderQueue(items: readonly QueueItem[], order: QueueOrder, seed = 1): QueueItem[] {
  const sorted = [...items].sort(documentOrder);
  if (order === "document") return sorted;
  if (order === "confidence") return sorted.sort((a, b) => a.confidence - b.confidence || documentOrder(a, b));
  if (order === "article") return sorted.sort((a, b) => a.doc - b.doc || a.confidence - b.confidence || documentOrder(a, b));
  return shuffle(sorted, seededRandom(seed));
}

export type Band = "low" | "mid" | "high";
export const BANDS: { value: Band; label: string }[] = [
  { value: "low", label: "low (< 0.5)" },
  { value: "mid", label: "middle (0.5–0.75)" },
  { value: "high", label: "high (≥ 0.75)" },
];

export function bandOf(confidence: number): Band {
  return confidence < 0.5 ? "low" : confidence < 0.75 ? "mid" : "high";
}

export type StatusFilter = "undecided" | "accepted" | "edited" | "rejected" | "added" | "unsure";

export interface Filters {
  doc?: string;
  /** The speaker's name, or its role when unnamed; "" for no speaker. */
  speaker?: string;
  kind?: string;
  cue_type?: string;
  band?: Band;
  status?: StatusFilter;
}

/** What the filters look at for one statement, as reviewed so far. */
export interface FilterFacts {
  doc: string;
  speaker: string;
  kind: string;
  cue_type: string;
  confidence: number;
  status: Exclude<StatusFilter, "unsure">;
  unsure: boolean;
}

export function matches(f: Filters, x: FilterFacts): boolean {
  if (f.doc !== undefined && f.doc !== x.doc) return false;
  if (f.speaker !== undefined && f.speaker !== x.speaker) return false;
  if (f.kind !== undefined && f.kind !== x.kind) return false;
  if (f.cue_type !== undefined && f.cue_type !== x.cue_type) return false;
  if (f.band !== undefined && f.band !== bandOf(x.confidence)) return false;
  if (f.status === "unsure") return x.unsure;
  if (f.status !== undefined && f.status !== x.status) return false;
  return true;
}

export interface Interval {
  p: number;
  low: number;
  high: number;
}

/** Wilson score interval for k successes in n trials (z = 1.96: 95%). */
export function wilson(k: number, n: number, z = 1.96): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Progress {
  total: number;
  reviewed: number;
  accepted: number;
  edited: number;
  rejected: number;
}

export function progress(keys: readonly string[], states: ReadonlyMap<string, ReviewState>): Progress {
  const p: Progress = { total: keys.length, reviewed: 0, accepted: 0, edited: 0, rejected: 0 };
  for (const key of keys) {
    const s = states.get(key);
    if (!s) continue;
    p.reviewed++;
    if (s.status === "rejected") p.rejected++;
    else if (s.changed) p.edited++;
    else p.accepted++;
  }
  return p;
}

export interface SampleEstimate {
  /** Size of the sample: the longest reviewed prefix of the seeded permutation. */
  n: number;
  /** Accepted as they were. */
  correct: number;
  /** Accepted or corrected (not rejected). */
  kept: number;
  /** Precision: accepted unchanged / n. */
  strict: Interval | null;
  /** Precision counting edited statements as right. */
  lenient: Interval | null;
}

/**
 * Precision from the random sample. A prefix of a uniformly random permutation is a uniform random
 * sample, so the estimate uses the longest prefix of the seeded queue whose statements are all
 * reviewed, however they were reviewed; statements reviewed out of that order do not bias it.
 */
export function sampleEstimate(sampleQueue: readonly QueueItem[], states: ReadonlyMap<string, ReviewState>): SampleEstimate {
  let n = 0;
  let correct = 0;
  let kept = 0;
  for (const item of sampleQueue) {
    const s = states.get(item.key);
    if (!s) break;
    n++;
    if (s.status !== "rejected") {
      kept++;
      if (!s.changed) correct++;
    }
  }
  return { n, correct, kept, strict: wilson(correct, n), lenient: wilson(kept, n) };
}
