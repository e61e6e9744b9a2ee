/**
 * Resolution against the document date of what a date leaves out: a day and month without a year, a
 * month without a year, a day without a month. The tense of the clause chooses the occurrence: the next
 * one on or after the document date in a future-tense clause; in a past-tense clause the last one on or
 * before it, unless the next one is much nearer (a deadline set in the past: "extended the offer to Nov.
 * 20", "declared a dividend payable Dec. 15", two weeks and seven weeks ahead against eleven and ten
 * months back); else the nearest.
 */
import { type Cal, dayNumber, shiftMonth, validDay, weekdayOf } from "./calendar.js";
import type { ResolveCtx, Tense } from "./date-expression.js";

/** Chooses among occurrences (keys comparable with refKey) by tense. */
/**
 * In a past-tense clause, the next occurrence wins over the last one when it is this many times nearer:
 * "Fighting intensified in December" (July: five months ahead, seven back) stays in the past.
 */
const PAST_YIELDS_AT = 3;

function chooseByTense<T>(options: Array<{ key: number; v: T }>, refKey: number, tense: Tense): T | null {
  if (!options.length) return null;
  const sorted = [...options].sort((a, b) => a.key - b.key);
  if (tense === "past") {
    const past = sorted.filter((o) => o.key <= refKey);
    const last = past[past.length - 1];
    const next = sorted.find((o) => o.key > refKey);
    if (last && next && (next.key - refKey) * PAST_YIELDS_AT < refKey - last.key) return next.v;
    return last ? last.v : sorted[0]!.v;
  }
  if (tense === "future") {
    const future = sorted.find((o) => o.key >= refKey);
    return future ? future.v : sorted[sorted.length - 1]!.v;
  }
  let best = sorted[0]!;
  for (const o of sorted) {
    const d = Math.abs(o.key - refKey);
    const b = Math.abs(best.key - refKey);
    if (d < b) best = o;
  }
  return best.v;
}

/** A day and month without a year: the occurrence the tense points to (weekday, when given, must fit). */
export function yearlessDay(m: number, d: number, ctx: ResolveCtx, wd?: number): Cal | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const options: Array<{ key: number; v: Cal }> = [];
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (!validDay(y, m, d)) continue;
    const c = { y, m, d };
    if (wd !== undefined && weekdayOf(c) !== wd) continue;
    options.push({ key: dayNumber(c), v: c });
  }
  return chooseByTense(options, dayNumber(ref), ctx.tense);
}

export function yearlessMonth(m: number, ctx: ResolveCtx): Cal | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const options = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ key: y * 12 + m, v: { y, m } as Cal }));
  return chooseByTense(options, ref.y * 12 + ref.m, ctx.tense);
}

/** A day of the month without month or year ("on the 21st"), in a month next to the document date's. */
export function monthlessDay(d: number, ctx: ResolveCtx, wd?: number): Cal | null {
  if (!ctx.ref) return null;
  const ref = ctx.ref;
  const options: Array<{ key: number; v: Cal }> = [];
  for (const k of [-1, 0, 1]) {
    const mm = shiftMonth(ref.y, ref.m, k);
    if (!validDay(mm.y, mm.m, d)) continue;
    const c = { y: mm.y, m: mm.m, d };
    if (wd !== undefined && weekdayOf(c) !== wd) continue;
    options.push({ key: dayNumber(c), v: c });
  }
  return chooseByTense(
    options,
    dayNumber(ref),
    wd !== undefined && ctx.tense === "none" ? "none" : ctx.tense,
  );
}

/** A day that recurs every year (a named day), in the year the tense points to. */
export function occurrenceByTense(inYear: (y: number) => Cal | null, ctx: ResolveCtx): Cal | null {
  if (!ctx.ref) return null;
  const options: Array<{ key: number; v: Cal }> = [];
  for (const y of [ctx.ref.y - 1, ctx.ref.y, ctx.ref.y + 1]) {
    const c = inYear(y);
    if (c && c.m !== undefined && c.d !== undefined)
      options.push({ key: dayNumber({ y: c.y, m: c.m, d: c.d }), v: c });
  }
  return chooseByTense(options, dayNumber(ctx.ref), ctx.tense);
}
