/**
 * The document date: a calendar day written YYYY-MM-DD, parsed and checked in one place. The CLI's
 * --date, an input's `date` field and a `.txt` header all go through `parseDay`; the ingest stage
 * decides which one a document gets.
 */

export interface CalendarDay {
  y: number;
  m: number;
  d: number;
  /** YYYY-MM-DD */
  iso: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day written YYYY-MM-DD, or null when the string has another shape or names no day (2025-02-30). */
export function parseDay(s: string): CalendarDay | null {
  const m = ISO_DAY.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { y, m: mo, d, iso: s };
}

/** Why `s` is not a document date, for error messages. */
export function dayError(s: string): string {
  return ISO_DAY.test(s) ? `"${s}" is not a calendar day` : `Expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`;
}
