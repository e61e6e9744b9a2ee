/**
 * The learned cue tagger at run time: models/cue-model.json (written by `npm run train`) loaded
 * once per process, token scores from cue-features.ts, and B/I decoding into cue spans.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Cue, Quote, Token } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { packageRoot } from "../../package-info.js";
import { type CueFeatureContext, cueFeatureContext, cueFeatures } from "./cue-features.js";
import { scores, type Weights } from "./weights.js";

export const CUE_CLASSES = ["O", "B", "I"] as const;
export const O = 0;
export const B = 1;
export const I = 2;
export const MODEL_FORMAT = "statements-cue-perceptron/1";

export interface CueModel {
  format: string;
  /** B margin (score B − score O) above which a token starts a cue */
  threshold: number;
  /** logistic scale of the margin: p = 1 / (1 + exp(−margin / scale)) */
  scale: number;
  weights: Weights;
}

export interface ModelSpan {
  /** first and last token (inclusive) */
  first: number;
  last: number;
  /** B margin of the first token */
  margin: number;
  /** probability-like score in (0, 1) */
  p: number;
}

export function parseModel(json: string): CueModel {
  const raw = JSON.parse(json) as { format: string; threshold: number; scale: number; weights: Record<string, number[]> };
  if (raw.format !== MODEL_FORMAT) throw new Error(`Expected a cue model of format ${MODEL_FORMAT}, got ${raw.format}`);
  const weights: Weights = new Map();
  for (const [k, v] of Object.entries(raw.weights)) weights.set(k, Float64Array.from(v));
  return { format: raw.format, threshold: raw.threshold, scale: raw.scale, weights };
}

export function modelPath(): string {
  return `${packageRoot()}/models/cue-model.json`;
}

let loaded: CueModel | null | undefined;

/** The committed model, read once per process; null when the file is absent. */
export function cueModel(): CueModel | null {
  if (loaded === undefined) {
    const path = modelPath();
    loaded = existsSync(path) ? parseModel(readFileSync(path, "utf8")) : null;
  }
  return loaded;
}

/** Class scores of every token. */
export function scoreTokens(weights: Weights, ctx: CueFeatureContext): Float64Array[] {
  return ctx.input.tokens.map((_, i) => scores(weights, cueFeatures(ctx, i), CUE_CLASSES.length));
}

const LEADING = new Set(["AUX", "ADV", "PART"]);
const ADJUNCT_PREPS = new Set(["in", "at", "during", "after", "before", "with", "on"]);

/** B tokens over the threshold, extended over following I tokens of the same sentence. */
export function decodeSpans(ctx: CueFeatureContext, s: Float64Array[], threshold: number, scale: number): ModelSpan[] {
  const { tokens } = ctx.input;
  const out: ModelSpan[] = [];
  for (let i = 0; i < s.length; i++) {
    const x = s[i]!;
    const margin = x[B]! - Math.max(x[O]!, x[I]!);
    if (margin <= threshold) continue;
    let last = i;
    while (last + 1 < s.length && tokens[last + 1]!.sentence === tokens[i]!.sentence && last - i < 6) {
      const y = s[last + 1]!;
      // an auxiliary or adverb tagged B runs into the verb after it ("has said", "also noted")
      const lead = LEADING.has(tokens[last]!.pos) && y[B]! > y[O]!;
      if (!(y[I]! > y[O]! || lead)) break;
      last++;
    }
    // an adjunct cut short ("said in" of "said in a press conference") ends before its preposition
    while (last > i && ADJUNCT_PREPS.has(tokens[last]!.lower) && s[last + 1] && !(s[last + 1]![I]! > s[last + 1]![O]!)) last--;
    // an auxiliary or adverb alone ("has" before a verb that is no cue) is not a cue
    let word = false;
    for (let k = i; k <= last; k++) if (!LEADING.has(tokens[k]!.pos)) word = true;
    if (word) out.push({ first: i, last, margin, p: 1 / (1 + Math.exp(-margin / scale)) });
    i = last;
  }
  return out;
}

/**
 * A span whose head is beyond the lexicon is added above this score. On the held-out tenth of
 * PolNeAR train, raising it (0.6, 0.7, 0.8) lowered attribution F1 (65.4, 63.6, 62.2, 61.3).
 */
const ADD_MIN_P = 0.5;
/**
 * A span headed by a lexicon verb (or a rule candidate) is kept down to this margin, in units of the
 * model's scale: the rules vouch for it. On the held-out tenth of PolNeAR train, margins 0, −0.2,
 * −0.4 and −0.7 gave attribution F1+src 57.0, 56.9, 57.3 and 57.3 (F1 67.5, 67.9, 68.7, 69.3).
 */
const LEXICON_MARGIN = -0.4;

/** Lemma classes for cues the lexicon does not hold. */
const BELIEF = new Set(["seem", "appear", "look", "sound", "view", "see", "hold", "reckon", "suppose", "guess", "trust"]);
const REPORT = new Set(["poll", "survey", "study", "data", "analysis", "research", "indicate", "suggest", "reveal", "find", "show"]);

function cueOfSpan(text: string, tokens: Token[], span: ModelSpan): Cue {
  let head = span.first;
  for (let k = span.first; k <= span.last; k++) {
    if (tokens[k]!.pos === "VERB") {
      head = k;
      break;
    }
  }
  const h = tokens[head]!;
  const start = tokens[span.first]!.start;
  const end = tokens[span.last]!.end;
  const lex = LEXICON.cueVerbs.get(h.lemma);
  const type = lex?.type ?? (BELIEF.has(h.lemma) ? "belief" : REPORT.has(h.lemma) ? "report" : "speech");
  const verbal = h.pos === "VERB" || h.pos === "AUX" || (h.pos === "NOUN" && lex !== undefined);
  const form = h.text === ":" ? "colon" : verbal ? "verb" : h.pos === "NOUN" ? "nominal" : "phrase";
  const passive = form === "verb" && tokens[head - 1]?.lemma === "be" && tokens[span.last + 1]?.lower === "by";
  return { start, end, text: text.slice(start, end), type, head, lemma: h.lemma, form, passive, score: span.p };
}

/**
 * The cue layer from the rule candidates and the model: a lexicon verb or nominal candidate stays
 * only when the model tags it (taking the model's span, which may hold auxiliaries or particles);
 * phrase and colon candidates stay; spans the model is confident about are added, except at the
 * tokens the rules reject.
 */
export function applyCueModel(
  model: CueModel,
  text: string,
  tokens: Token[],
  quotes: Quote[],
  candidates: Cue[],
  /** tokens the rules know are no report ("needless to say"): never added as cues */
  rejected: (token: number) => boolean = () => false,
): Cue[] {
  const ctx = cueFeatureContext({ text, tokens, quotes, candidates });
  const threshold = Math.min(model.threshold, LEXICON_MARGIN * model.scale);
  const spans = decodeSpans(ctx, scoreTokens(model.weights, ctx), threshold, model.scale);
  const out: Cue[] = [];
  const taken = new Set<ModelSpan>();
  const spanAt: Array<ModelSpan | undefined> = new Array(tokens.length).fill(undefined);
  for (const s of spans) for (let k = s.first; k <= s.last; k++) spanAt[k] = s;
  for (const c of candidates) {
    let span = spanAt[c.head];
    for (let k = c.head; !span && k < tokens.length && tokens[k]!.start < c.end; k++) span = spanAt[k];
    if (c.form === "phrase" || c.form === "colon") {
      if (span) taken.add(span);
      out.push(span ? { ...c, score: span.p } : c);
      continue;
    }
    // one cue a span: "said in a statement that" holds the verb and the nominal candidate
    if (!span || taken.has(span)) continue;
    taken.add(span);
    const start = Math.min(c.start, tokens[span.first]!.start);
    const end = Math.max(c.end, tokens[span.last]!.end);
    out.push({ ...c, start, end, text: text.slice(start, end), score: span.p });
  }
  for (const s of spans) {
    if (taken.has(s)) continue;
    const cue = cueOfSpan(text, tokens, s);
    const min = LEXICON.cueVerbs.has(cue.lemma) || cue.form === "colon" ? 0 : ADD_MIN_P;
    if (!rejected(cue.head) && s.p > min) out.push(min > 0 ? { ...cue, added: true } : cue);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
