/**
 * Adapter for @microsoft/recognizers-text-number: the only file that imports it. Each model is built once
 * per process, on first use. The pipeline reads cardinals and ordinals; percentages, money and ranges are
 * read by our own rules over the numbers, which also covers forms the library's percentage model misses
 * ("10%-15%"); the percentage model serves the baseline bench only. Results come back in our terms:
 * UTF-16 [start, end) offsets into the string we passed (the library's `end` is inclusive and its `text`
 * may be lower-cased), a numeric value (NaN when the library could not resolve one) and the span's own
 * text.
 */
import { Culture, NumberRecognizer } from "@microsoft/recognizers-text-number";

export type LibNumberType = "number" | "ordinal" | "percentage";

export interface LibNumber {
  start: number;
  end: number;
  text: string;
  value: number;
  type: LibNumberType;
  /** the library's resolution value as written ("12.5%", "1.2E-06") */
  raw: string;
}

interface Model {
  parse(query: string): Array<{ start: number; end: number; text: string; resolution?: { value?: unknown } }>;
}

let recognizer: NumberRecognizer | null = null;
const models = new Map<LibNumberType, Model>();

/** The library's model of one type, built on first use. */
function model(type: LibNumberType): Model {
  let m = models.get(type);
  if (!m) {
    recognizer ??= new NumberRecognizer(Culture.English);
    const r = recognizer;
    m = (type === "number"
      ? r.getNumberModel()
      : type === "ordinal"
        ? r.getOrdinalModel()
        : r.getPercentageModel()) as unknown as Model;
    models.set(type, m);
  }
  return m;
}

/**
 * The library writes values with 15 significant digits ("0.666666666666667"): a value that is within
 * rounding of a fraction with a small denominator becomes that fraction exactly (2/3).
 */
function snapFraction(v: number): number {
  if (Number.isInteger(v) || Math.abs(v) < 1e-3 || Math.abs(v) > 1e12) return v;
  for (let k = 2; k <= 64; k++) {
    const n = Math.round(v * k);
    if (n !== 0 && Math.abs(v * k - n) < 1e-9 * k * Math.max(1, Math.abs(v))) return n / k;
  }
  return v;
}

function toValue(raw: string): number {
  const v = Number(raw.replace(/%$/, "").replace(/,/g, ""));
  return Number.isFinite(v) ? snapFraction(v) : Number.NaN;
}

/**
 * Finds where the library's result really is in `text`: its start and length when they fit, else the
 * nearest case-insensitive occurrence of its text (the library normalises some characters).
 */
function locate(text: string, start: number, endInclusive: number, found: string): [number, number] | null {
  const len = endInclusive - start + 1;
  if (
    start >= 0 &&
    start + len <= text.length &&
    text.slice(start, start + len).toLowerCase() === found.toLowerCase()
  )
    return [start, start + len];
  const lower = text.toLowerCase();
  const needle = found.toLowerCase();
  let best = -1;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1))
    if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
  return best >= 0 ? [best, best + needle.length] : null;
}

function run(model: Model, type: LibNumberType, text: string): LibNumber[] {
  const out: LibNumber[] = [];
  for (const r of model.parse(text)) {
    const at = locate(text, r.start, r.end, r.text);
    if (!at) continue;
    const raw = String(r.resolution?.value ?? "");
    out.push({ start: at[0], end: at[1], text: text.slice(at[0], at[1]), value: toValue(raw), type, raw });
  }
  return out;
}

/** Cardinals (integers, decimals, fractions, written numbers) in `text`. */
export function recognizeNumbers(text: string): LibNumber[] {
  return run(model("number"), "number", text);
}

/** Ordinals ("18th", "fourth"); relative ones ("next", "last") come back with value 0. */
export function recognizeOrdinals(text: string): LibNumber[] {
  return run(model("ordinal"), "ordinal", text);
}

/** Percentages ("12.5%", "fifty percent"), value in percent: only bench/numbers-baselines.ts reads them. */
export function recognizePercentages(text: string): LibNumber[] {
  return run(model("percentage"), "percentage", text);
}
