/**
 * Adapter for chrono-node: the only file that imports it. Used by bench/numbers-baselines.ts alone, to
 * measure chrono on the date gold data; the pipeline's dates come from src/stages/dates/. Results come back in
 * our terms: UTF-16 [start, end) offsets and an ISO date as precise as chrono is certain of (a day, a
 * month or a year), read against a reference day at local noon.
 */
import * as chrono from "chrono-node";

export interface LibDate {
  start: number;
  end: number;
  text: string;
  /** "2025-06-01", "2025-06" or "2025" */
  date: string;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** How much of a result chrono is certain of; a weekday fixes the day, nothing certain reads as a day. */
function precision(c: chrono.ParsedComponents): "day" | "month" | "year" {
  if (c.isCertain("day") || c.isCertain("weekday")) return "day";
  if (c.isCertain("month")) return "month";
  return c.isCertain("year") ? "year" : "day";
}

/** Dates chrono finds in `text`, resolved against `ref` (YYYY-MM-DD; today when null). */
export function chronoDates(text: string, ref: string | null): LibDate[] {
  const m = ref ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(ref) : null;
  const refDate = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : new Date();
  return chrono.parse(text, refDate).map((r) => {
    const c = r.start;
    const p = precision(c);
    const y = pad(c.get("year") ?? 0, 4);
    const ym = `${y}-${pad(c.get("month") ?? 1)}`;
    const date = p === "year" ? y : p === "month" ? ym : `${ym}-${pad(c.get("day") ?? 1)}`;
    return { start: r.index, end: r.index + r.text.length, text: r.text, date };
  });
}
