/**
 * A draft mention, as the numbers rules build it from atoms and the words around them, the view of the
 * masked sentence they read, and the NumberMention a finished draft becomes.
 */
import type { NumberKind, NumberMention } from "../../schema.js";

export type Bound = NonNullable<NumberMention["bound"]>;

export interface Draft {
  start: number;
  end: number;
  kind: NumberKind;
  value?: number;
  low?: number;
  high?: number;
  sides?: number[];
  bound?: Bound;
  approx?: true;
  incremental?: true;
  unit?: string;
  /** 4-digit integer as written, a year candidate */
  yearish?: boolean;
  needsModifier?: boolean;
  /** a vague plural ("Hundreds of"), whose bound comes with it */
  vague?: boolean;
  /** an "equal to" phrase has been read */
  equality?: boolean;
}

/** The sentence being read: the masked text and its offsets. */
export class View {
  constructor(
    readonly masked: string,
    readonly base: number,
  ) {}
  get end(): number {
    return this.base + this.masked.length;
  }
  slice(a: number, b: number): string {
    return this.masked.slice(a - this.base, b - this.base);
  }
  before(p: number, max = 60): string {
    return this.slice(Math.max(this.base, p - max), p);
  }
  after(p: number, max = 60): string {
    return this.slice(p, Math.min(this.end, p + max));
  }
}

/** For a match anchored at the end of the text before a mention: how far back its phrase (group 1) starts. */
export function matchedLength(m: RegExpExecArray): number {
  return m[0].length - m[0].indexOf(m[1]!);
}

/** The mention of a finished draft: its text and the fields that apply to its kind. */
export function toMention(text: string, d: Draft): NumberMention {
  const m: NumberMention = { start: d.start, end: d.end, text: text.slice(d.start, d.end), kind: d.kind };
  if (d.value !== undefined && d.kind !== "range" && d.kind !== "exchange") m.value = d.value;
  if (d.low !== undefined) m.low = d.low;
  if (d.high !== undefined) m.high = d.high;
  if (d.sides) m.sides = d.sides;
  if (d.bound) m.bound = d.bound;
  if (d.approx) m.approx = true;
  if (d.incremental) m.incremental = true;
  if (d.unit) m.unit = d.unit;
  return m;
}
