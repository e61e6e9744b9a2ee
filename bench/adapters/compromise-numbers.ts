/**
 * Adapter for compromise's built-in number parsing (compromise 14: `.numbers()`, `.percentages()`,
 * `.money()`): used by bench/numbers-baselines.ts alone, to measure compromise on the number gold data.
 * Results come back in our terms: UTF-16 [start, end) offsets without the trailing punctuation compromise
 * keeps in a match's text, the value, and what compromise took it for.
 */
import nlp from "compromise";

export interface CompromiseNumber {
  start: number;
  end: number;
  text: string;
  value: number;
  type: "cardinal" | "ordinal" | "percent" | "money";
}

interface Match {
  text: string;
  offset: { start: number; length: number };
  number?: { num?: number };
}

const json = (view: { json(o: object): unknown }): Match[] => view.json({ offset: true }) as Match[];

/** The numbers compromise reads in `text`. */
export function compromiseNumbers(text: string): CompromiseNumber[] {
  const doc = nlp(text);
  const numbers = doc.numbers();
  const starts = (ms: Match[]) => new Set(ms.map((m) => m.offset.start));
  const percent = starts(json(doc.percentages()));
  const money = starts(json(doc.money()));
  const ordinal = starts(json(numbers.isOrdinal()));
  const out: CompromiseNumber[] = [];
  for (const m of json(numbers)) {
    const value = m.number?.num;
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const start = m.offset.start;
    // compromise may count a character it added (".08" is read as "0.08")
    let end = Math.min(text.length, start + m.offset.length);
    while (end > start && /[\s,.;:!?)"'”’]/.test(text[end - 1]!)) end--;
    if (end <= start) continue;
    const type = percent.has(start)
      ? "percent"
      : money.has(start)
        ? "money"
        : ordinal.has(start)
          ? "ordinal"
          : "cardinal";
    out.push({ start, end, text: text.slice(start, end), value, type });
  }
  return out;
}
