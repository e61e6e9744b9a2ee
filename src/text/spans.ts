/** Span helpers: trimming ranges and turning them into contract spans with verified text. */
import type { Range, Span } from "../schema.js";

const WS = /\s/;

/** The range with whitespace removed at both ends (may become empty). */
export function trimRange(text: string, start: number, end: number): Range {
  let s = start;
  let e = end;
  while (s < e && WS.test(text[s]!)) s++;
  while (e > s && WS.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/** A contract span for [start, end), trimmed; its text is text.slice(start, end). */
export function toSpan(text: string, range: Range): Span {
  const r = trimRange(text, range.start, range.end);
  return { start: r.start, end: r.end, text: text.slice(r.start, r.end) };
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Range, inner: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function byStart(a: Range, b: Range): number {
  return a.start - b.start || a.end - b.end;
}

/** The range holding offset, among ranges sorted by start: the last one starting at or before it (binary search). */
export function rangeAt(ranges: readonly Range[], offset: number): Range {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return ranges[lo] ?? { start: 0, end: offset };
}

/** Index of the first item (sorted by start) that starts at or after `offset`; items.length when none. */
export function firstStartingFrom(items: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
