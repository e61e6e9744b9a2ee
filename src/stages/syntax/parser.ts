/**
 * Greedy arc-hybrid parsing: at each state the transition table scores SHIFT, LEFT and RIGHT, the
 * best valid one is applied, and an arc is labelled by the labeller (the root arc is always "root").
 */
import { labelFeatures, MAX_LABEL_FEATURES } from "./label-features.js";
import { MAX_PARSE_FEATURES, type ParseInput, parseFeatures } from "./parse-features.js";
import { LEFT, ParseState, RIGHT, SHIFT } from "./parse-state.js";
import { addScores, type WeightTable } from "./weight-table.js";

export interface ParserModel {
  /** DEPREL names with subtypes; the labeller's classes */
  labels: string[];
  /** index of "root" in labels */
  root: number;
  transitions: WeightTable;
  labeller: WeightTable;
}

export interface ParseScratch {
  state: ParseState;
  keys: Int32Array;
  scores: Int32Array;
  labelScores: Int32Array;
}

export function parseScratch(labels: number): ParseScratch {
  return {
    state: new ParseState(),
    keys: new Int32Array(Math.max(MAX_PARSE_FEATURES, MAX_LABEL_FEATURES)),
    scores: new Int32Array(3),
    labelScores: new Int32Array(labels),
  };
}

/** The best label for head → dep (never "root"). */
export function bestLabel(m: ParserModel, s: ParseScratch, x: ParseInput, dep: number, head: number): number {
  const n = labelFeatures(s.state, x, dep, head, s.keys);
  const sc = s.labelScores;
  sc.fill(0);
  addScores(m.labeller, s.keys, n, sc);
  let best = -1;
  for (let k = 0; k < sc.length; k++) if (k !== m.root && (best < 0 || sc[k]! > sc[best]!)) best = k;
  return best;
}

/** The best valid transition. */
export function bestTransition(m: ParserModel, s: ParseScratch, x: ParseInput): number {
  const st = s.state;
  const n = parseFeatures(st, x, s.keys);
  const sc = s.scores;
  sc.fill(0);
  addScores(m.transitions, s.keys, n, sc);
  let best = -1;
  for (let t = SHIFT; t <= RIGHT; t++) if (st.valid(t) && (best < 0 || sc[t]! > sc[best]!)) best = t;
  return best;
}

/** Parses x; the result is in s.state (head and label of words 1..n). */
export function parse(m: ParserModel, s: ParseScratch, x: ParseInput): ParseState {
  const st = ParseState.begin(s.state, x.n);
  s.state = st;
  while (!st.done()) {
    const t = bestTransition(m, s, x);
    let label = -1;
    if (t !== SHIFT) {
      const dep = st.stack[st.sp - 1]!;
      const head = t === LEFT ? st.b : st.stack[st.sp - 2]!;
      label = head === 0 ? m.root : bestLabel(m, s, x, dep, head);
    }
    st.apply(t, label);
  }
  return st;
}
