/**
 * Trains the parser with the dynamic oracle: at each state the model's best valid transition is
 * compared with the best zero-cost one (ties broken by the model's scores) and updated when it
 * costs more; from epoch `exploreFrom` on, the parser follows its own (possibly wrong) prediction
 * with probability `explore`, else the best zero-cost transition, so that it learns to act well
 * after mistakes (Goldberg & Nivre 2012). On every arc whose head is right the labeller is trained.
 */
import { labelFeatures } from "../../stages/syntax/label-features.js";
import {
  MAX_PARSE_FEATURES,
  type ParseInput,
  parseFeatures,
  parseInput,
} from "../../stages/syntax/parse-features.js";
import { LEFT, ParseState, RIGHT, SHIFT } from "../../stages/syntax/parse-state.js";
import { emptyWordFeatures, wordFeatures } from "../../stages/syntax/word-features.js";
import { seededRandom, shuffle } from "../../random.js";
import { AveragedTable } from "./averaged-table.js";
import { type FrozenTable, freeze } from "./freeze.js";
import { cost, type Gold, gold } from "./oracle.js";
import { projectivize } from "./projectivize.js";

export interface ParserData {
  forms: string[][];
  /** tags the parser sees (predicted, jackknifed) */
  tags: Int32Array[];
  /** CoNLL-U heads of words 1..n at index 1..n */
  heads: Int32Array[];
  /** label ids of words 1..n at index 1..n */
  labels: Int32Array[];
}

export interface ParserTrainOptions {
  epochs: number;
  seed: number;
  exploreFrom: number;
  explore: number;
  root: number;
  onEpoch?: (epoch: number, transitionAccuracy: number) => void;
}

export interface TrainedParser {
  transitions: AveragedTable;
  labeller: AveragedTable;
  steps: number;
}

export interface FrozenParser {
  transitions: FrozenTable;
  labeller: FrozenTable;
}

export function freezeParser(p: TrainedParser, minUpdates: number): FrozenParser {
  return {
    transitions: freeze(p.transitions, p.steps, minUpdates),
    labeller: freeze(p.labeller, p.steps, minUpdates),
  };
}

export function trainParser(data: ParserData, labelCount: number, o: ParserTrainOptions): TrainedParser {
  const trans = new AveragedTable(3);
  const labeller = new AveragedTable(labelCount);
  const golds: Gold[] = data.heads.map((h) =>
    gold(projectivize(Int32Array.from(h, (v, i) => (i === 0 ? -1 : v)))),
  );
  for (const g of golds) g.head[0] = -1;
  const random = seededRandom(o.seed);
  const order = data.forms.map((_, i) => i);
  const wf = emptyWordFeatures(256);
  let x: ParseInput | undefined;
  let st: ParseState | undefined;
  const keys = new Int32Array(MAX_PARSE_FEATURES);
  const sc = new Float64Array(3);
  const lsc = new Float64Array(labelCount);
  let step = 1;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    shuffle(order, random);
    let right = 0;
    let total = 0;
    const exploring = epoch >= o.exploreFrom;
    for (const s of order) {
      const g = golds[s]!;
      const glabel = data.labels[s]!;
      wordFeatures(data.forms[s]!, wf);
      x = parseInput(wf, data.tags[s]!, x);
      st = ParseState.begin(st, x.n);
      while (!st.done()) {
        const nf = parseFeatures(st, x, keys);
        sc.fill(0);
        trans.score(keys, nf, sc);
        let pred = -1;
        let best = -1;
        let min = Number.POSITIVE_INFINITY;
        const costs = [0, 0, 0];
        for (let t = SHIFT; t <= RIGHT; t++) {
          if (!st.valid(t)) continue;
          costs[t] = cost(st, g, t);
          if (pred < 0 || sc[t]! > sc[pred]!) pred = t;
          if (costs[t]! < min || (costs[t] === min && sc[t]! > sc[best]!)) {
            min = costs[t]!;
            best = t;
          }
        }
        total++;
        if (costs[pred]! > min) {
          trans.update(keys, nf, best, 1, step);
          trans.update(keys, nf, pred, -1, step);
        } else right++;
        const t = costs[pred]! === min || (exploring && random() < o.explore) ? pred : best;
        let label = -1;
        if (t !== SHIFT) {
          const dep = st.stack[st.sp - 1]!;
          const head = t === LEFT ? st.b : st.stack[st.sp - 2]!;
          if (head === 0) label = o.root;
          else {
            const nl = labelFeatures(st, x, dep, head, keys);
            lsc.fill(0);
            labeller.score(keys, nl, lsc);
            let pl = -1;
            for (let k = 0; k < labelCount; k++) if (k !== o.root && (pl < 0 || lsc[k]! > lsc[pl]!)) pl = k;
            label = pl;
            if (g.head[dep] === head) {
              const gl = glabel[dep]!;
              if (pl !== gl) {
                labeller.update(keys, nl, gl, 1, step);
                labeller.update(keys, nl, pl, -1, step);
              }
              if (!exploring) label = gl;
            }
          }
        }
        st.apply(t, label);
        step++;
      }
    }
    o.onEpoch?.(epoch, right / total);
  }
  return { transitions: trans, labeller, steps: step };
}
