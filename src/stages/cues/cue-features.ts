/**
 * Features of a token for the learned cue tagger (B = first token of a cue, I = inside, O = other).
 * Training (src/learn/train-cues.ts) and the cues stage call exactly this code on the same layers:
 * tokens, the quotes found by their marks, and the rule-based cue candidates (lexicon verbs,
 * phrases, colons). Feature names hold single words or lemmas, at most two of them.
 */
import type { Cue, Quote, Range, Token } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { firstStartingFrom } from "../../text/spans.js";

export interface CueFeatureInput {
  text: string;
  tokens: Token[];
  quotes: Quote[];
  /** rule-based cue candidates (cues.ts findCues) */
  candidates: Cue[];
}

/** Per-document arrays computed once, so that features are linear in the token count. */
export interface CueFeatureContext {
  input: CueFeatureInput;
  inQuote: Uint8Array;
  /** tokens since the last closing quote mark (0 = none within 6) */
  sinceClose: Uint8Array;
  /** tokens until the next opening quote mark (0 = none within 6) */
  untilOpen: Uint8Array;
  /** index of the token in its paragraph (capped at 9) */
  paraPos: Uint8Array;
  /** rule candidate covering the token, or undefined */
  candidate: Array<{ cue: Cue; first: boolean } | undefined>;
  /** a verb follows before the next punctuation (within 8 tokens) */
  clauseAfter: Uint8Array;
  /** tokens since the first token of the previous rule candidate in the sentence (0 = none) */
  sinceCand: Uint8Array;
  /** tokens until the first token of the next rule candidate in the sentence (0 = none) */
  untilCand: Uint8Array;
  /** rule candidates in the token's sentence (capped at 2) */
  sentCands: Uint8Array;
}

const QUOTE_OPEN = /^(?:["“„«]|''|``|,,|‘)$/;
const QUOTE_CLOSE = /^(?:["”»]|''|’)$/;

function tokenAt(tokens: Token[], offset: number): number {
  return firstStartingFrom(tokens, offset);
}

function within(ranges: Range[], tokens: Token[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (const r of ranges) {
    for (let i = tokenAt(tokens, r.start); i < tokens.length && tokens[i]!.end <= r.end; i++) out[i] = 1;
  }
  return out;
}

export function cueFeatureContext(input: CueFeatureInput): CueFeatureContext {
  const { text, tokens, quotes, candidates } = input;
  const n = tokens.length;
  const inQuote = within(
    quotes.map((q) => q.inner),
    tokens,
  );
  const isOpen = new Uint8Array(n);
  const isClose = new Uint8Array(n);
  for (const q of quotes) {
    const o = tokenAt(tokens, q.start);
    if (o < n) isOpen[o] = 1;
    if (q.closed) {
      const c = tokenAt(tokens, q.end) - 1;
      if (c >= 0) isClose[c] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!.text;
    if (!isOpen[i] && !isClose[i] && QUOTE_OPEN.test(t) && QUOTE_CLOSE.test(t)) continue;
    if (!isOpen[i] && QUOTE_OPEN.test(t) && !QUOTE_CLOSE.test(t)) isOpen[i] = 1;
    if (!isClose[i] && QUOTE_CLOSE.test(t) && !QUOTE_OPEN.test(t)) isClose[i] = 1;
  }
  const sinceClose = new Uint8Array(n);
  let last = -100;
  for (let i = 0; i < n; i++) {
    if (i - last <= 6) sinceClose[i] = i - last;
    if (isClose[i]) last = i;
  }
  const untilOpen = new Uint8Array(n);
  let next = 1e9;
  for (let i = n - 1; i >= 0; i--) {
    if (next - i <= 6) untilOpen[i] = next - i;
    if (isOpen[i]) next = i;
  }
  const paraPos = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const prev = tokens[i - 1];
    const newPara = !prev || text.slice(prev.end, tokens[i]!.start).includes("\n");
    paraPos[i] = newPara ? 0 : Math.min(9, paraPos[i - 1]! + 1);
  }
  const candidate: CueFeatureContext["candidate"] = new Array(n).fill(undefined);
  for (const cue of candidates) {
    for (let i = tokenAt(tokens, cue.start); i < n && tokens[i]!.start < cue.end; i++) {
      candidate[i] = { cue, first: tokens[i]!.start === cue.start };
    }
  }
  const clauseAfter = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n && j <= i + 8 && tokens[j]!.sentence === tokens[i]!.sentence; j++) {
      const p = tokens[j]!.pos;
      if (p === "PUNCT") break;
      if (p === "VERB" || p === "AUX") {
        clauseAfter[i] = 1;
        break;
      }
    }
  }
  const sinceCand = new Uint8Array(n);
  for (let i = 0, last = -1; i < n; i++) {
    if (last >= 0 && tokens[last]!.sentence === tokens[i]!.sentence) sinceCand[i] = Math.min(255, i - last);
    if (candidate[i]?.first) last = i;
  }
  const untilCand = new Uint8Array(n);
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (next >= 0 && tokens[next]!.sentence === tokens[i]!.sentence) untilCand[i] = Math.min(255, next - i);
    if (candidate[i]?.first) next = i;
  }
  const sentCands = new Uint8Array(n);
  for (let a = 0; a < n; ) {
    let b = a;
    let count = 0;
    for (; b < n && tokens[b]!.sentence === tokens[a]!.sentence; b++) if (candidate[b]?.first) count++;
    sentCands.fill(Math.min(count, 2), a, b);
    a = b;
  }
  return { input, inQuote, sinceClose, untilOpen, paraPos, candidate, clauseAfter, sinceCand, untilCand, sentCands };
}

function shape(t: string): string {
  if (/^\p{Lu}[\p{Ll}'’-]*$/u.test(t)) return "Xx";
  if (/^\p{Ll}[\p{Ll}'’-]*$/u.test(t)) return "x";
  if (/^\p{Lu}+$/u.test(t)) return "X";
  if (/^\p{N}/u.test(t)) return "d";
  if (/^\p{P}+$/u.test(t)) return t.length <= 2 ? t : "P";
  return "o";
}

const SKIP_POS = new Set(["ADV", "AUX", "PART"]);

/** A token distance in buckets: none, 1–2, 3–5, 6–10, more. */
function bucket(d: number): string {
  return d === 0 ? "0" : d <= 2 ? "1" : d <= 5 ? "2" : d <= 10 ? "3" : "4";
}

/** The feature strings of token i. */
export function cueFeatures(ctx: CueFeatureContext, i: number): string[] {
  const { tokens } = ctx.input;
  const t = tokens[i]!;
  const s = t.sentence;
  const at = (k: number): Token | undefined => {
    const x = tokens[i + k];
    return x && x.sentence === s ? x : undefined;
  };
  const f: string[] = ["b", `w=${t.lower}`, `l=${t.lemma}`, `p=${t.pos}`, `s=${shape(t.text)}`];
  const suffix = t.lower.length > 4 ? t.lower.slice(-3) : "";
  if (suffix) f.push(`suf=${suffix}|${t.pos}`);
  const verb = LEXICON.cueVerbs.get(t.lemma);
  if (verb) {
    f.push(`lex=${verb.type}|${t.pos}`);
    for (const fr of verb.frames) f.push(`fr=${fr}`);
  }
  const cand = ctx.candidate[i];
  if (cand) {
    const head = cand.cue.head === i ? "h" : "o";
    f.push(`rc=${cand.cue.form}|${head}|${cand.first ? "B" : "I"}`, `rct=${cand.cue.type}`);
    if (cand.cue.passive) f.push("rc-pass");
  }
  for (const k of [-2, -1, 1, 2]) {
    const x = at(k);
    f.push(`p${k}=${x ? x.pos : "^$"}`);
    f.push(`l${k}=${x ? x.lemma : "^$"}`);
  }
  const p1 = at(-1);
  const n1 = at(1);
  const n2 = at(2);
  f.push(`w-1=${p1?.lower ?? "^"}`, `w+1=${n1?.lower ?? "$"}`);
  f.push(`pp=${p1?.pos ?? "^"}|${t.pos}`, `pn=${t.pos}|${n1?.pos ?? "$"}`);
  f.push(`ln=${t.lemma}|${n1?.lower ?? "$"}`, `wl=${p1?.lower ?? "^"}|${t.lemma}`);
  f.push(`pnn=${t.pos}|${n1?.pos ?? "$"}|${n2?.pos ?? "$"}`);
  // the subject-like word before the verb, stepping over adverbs and auxiliaries
  let j = i - 1;
  while (j >= 0 && tokens[j]!.sentence === s && SKIP_POS.has(tokens[j]!.pos)) j--;
  const subj = j >= 0 && tokens[j]!.sentence === s ? tokens[j]! : undefined;
  f.push(`sp=${subj?.pos ?? "^"}|${t.pos}`);
  if (subj?.pos === "PRON") f.push(`sw=${subj.lower}`);
  if (ctx.inQuote[i]) f.push(`q=in|${t.pos}`);
  if (ctx.sinceClose[i]) f.push(`qc=${ctx.sinceClose[i]}|${t.pos}`);
  if (ctx.untilOpen[i]) f.push(`qo=${ctx.untilOpen[i]}|${t.pos}`);
  f.push(`pa=${ctx.paraPos[i]}`);
  if (!at(-1)) f.push("si");
  if (ctx.clauseAfter[i]) f.push(`cl|${t.pos}`);
  if (ctx.clauseAfter[i] && verb) f.push("cl|lex");
  // the rule candidates around: a clause seldom holds two cues, and a cue's particle follows its verb
  const since = bucket(ctx.sinceCand[i]!);
  f.push(`dc=${since}|${t.pos}`, `dn=${bucket(ctx.untilCand[i]!)}|${t.pos}`, `dcl=${since}|${t.lemma}`, `nca=${ctx.sentCands[i]}|${t.pos}`);
  if (!cand && i > 0 && ctx.candidate[i - 1]) f.push(`pc=${t.lower}`);
  return f;
}
