/**
 * The outcome of one decision at a punctuation mark. Besides its return value (the sentence end, or -1
 * for none), a decision leaves in `res` where the next sentence starts and where the scan goes on
 * (module state: no allocation per decision).
 */

export const res = { start: -1, next: 0 };

/** No sentence end here; the scan goes on at `next`. */
export function noEnd(next: number): number {
  res.next = next;
  return -1;
}

/** The sentence ends at `at`; the scan goes on at `next`. */
export function endAt(at: number, next: number): number {
  res.start = at;
  res.next = next;
  return at;
}
