/**
 * The only file that imports wink-nlp. Converts wink's tokens to our UTF-16 offsets right here,
 * using each token's preceding spaces.
 *
 * wink learns every new word it reads into the model's feature tables and never forgets it, and a
 * learned word changes how later texts are tokenised ("Trump's" stops being split once seen whole).
 * So a document's tokens would depend on what the process read before: records would differ with
 * the worker count or after a resume. We make each call independent of history: after every
 * readDoc the words it added are removed from the lookup tables again (their slots stay, so wink's
 * own arrays stay consistent), which gives exactly the tokens, POS and lemmas of a fresh instance
 * (checked over 4,000 news sentences, forwards and backwards). The slots grow by a few per
 * sentence; past a bound the tables are cut back to the model's own size and a new instance is
 * made from the already-loaded model parts (wink refuses more than ~20 instances that load the
 * model again, so the parts are loaded once and reused).
 */
import { createRequire } from "node:module";

export interface TaggedToken {
  start: number;
  end: number;
  pos: string;
  lemma: string;
}

interface WinkIts {
  value: unknown;
  pos: unknown;
  lemma: unknown;
  precedingSpaces: unknown;
}
interface WinkItemTokens {
  out(f: unknown): string[];
}
interface WinkDoc {
  tokens(): WinkItemTokens;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: WinkIts;
}
/** One of wink's feature tables: value → index, and the values by index. */
interface FeatureTable {
  hash: Record<string, number>;
  list: string[];
  index: number;
}

/** Slots added since the model loaded, beyond which the tables are cut back (a few MB). */
const MAX_GROWTH = 200_000;

interface Wink {
  make: () => WinkNlp;
  nlp: WinkNlp;
  tables: FeatureTable[];
  /** each table's size as the model ships it */
  base: number[];
}

let wink: Wink | undefined;

function load(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkNlp;
    const model = require("wink-eng-lite-web-model") as Record<string, unknown>;
    // the model's parts are built once and shared by every instance made from this wrapper
    const parts = new Map<string, unknown>();
    const wrapper: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(model)) {
      wrapper[key] =
        typeof value === "function"
          ? (...args: unknown[]) => {
              if (!parts.has(key)) parts.set(key, (value as (...a: unknown[]) => unknown).apply(model, args));
              return parts.get(key);
            }
          : value;
    }
    // pos only: no NER/negation/sentiment work we would throw away
    const make = () => winkNLP(wrapper, ["sbd", "pos"]);
    const nlp = make();
    const core = parts.get("core") as { features: Record<string, Partial<FeatureTable>> };
    const tables = Object.values(core.features).filter(
      (f): f is FeatureTable => Array.isArray(f?.list) && typeof f?.hash === "object",
    );
    wink = { make, nlp, tables, base: tables.map((t) => t.list.length) };
  }
  return wink;
}

/** Removes the words added since `marks` from the lookup tables (their slots stay). */
function forget(w: Wink, marks: number[]): void {
  w.tables.forEach((t, i) => {
    for (let j = marks[i]!; j < t.list.length; j++) delete t.hash[t.list[j]!];
  });
}

/** Cuts the tables back to the model's own size and starts a new instance on them. */
export function restartWink(): void {
  const w = load();
  forget(w, w.base);
  w.tables.forEach((t, i) => {
    t.list.length = w.base[i]!;
    t.index = w.base[i]!;
  });
  w.nlp = w.make();
}

/** How many slots the tables have grown by since the model loaded (for tests and the bench). */
export function winkGrowth(): number {
  const w = load();
  return w.tables.reduce((n, t, i) => n + t.list.length - w.base[i]!, 0);
}

const OUTSIDE_LATIN1 = /[^\u0000-\u00ff\s]/gu;

/**
 * wink splits words at letters outside Latin-1 ("Łukasz" → "Ł" + "ukasz", "Yıldız" → 5 pieces).
 * It reads a copy where each such letter (or mark) is a stand-in of the same UTF-16 length — "X"
 * for capitals, "x" otherwise — so words stay whole and every offset still points into the text;
 * other characters outside Latin-1 (dashes, curly quotes, emoji) are kept as they are.
 */
export function latinForWink(text: string): string {
  return text.replace(OUTSIDE_LATIN1, (c) => {
    if (/\p{Lu}|\p{Lt}/u.test(c)) return "X".padEnd(c.length, "x");
    if (/\p{L}|\p{M}/u.test(c)) return "x".repeat(c.length);
    return c;
  });
}

/**
 * Tokenises and tags text.slice(start, end). Tokens whose text cannot be placed exactly in the
 * original are skipped (reported by the count in `lost`).
 */
export function tagRange(text: string, start: number, end: number): { tokens: TaggedToken[]; lost: number } {
  const wk = load();
  if (wk.tables.some((t, i) => t.list.length - wk.base[i]! > MAX_GROWTH)) restartWink();
  const w = wk.nlp;
  const marks = wk.tables.map((t) => t.list.length);
  const original = text.slice(start, end);
  const slice = latinForWink(original);
  const doc = w.readDoc(slice);
  const tokens = doc.tokens();
  const values = tokens.out(w.its.value);
  const pos = tokens.out(w.its.pos);
  const lemmas = tokens.out(w.its.lemma);
  const spaces = tokens.out(w.its.precedingSpaces);
  forget(wk, marks);
  const out: TaggedToken[] = [];
  let cursor = 0;
  let lost = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let at = cursor + (spaces[i]?.length ?? 0);
    if (slice.startsWith(v, at) === false) {
      at = slice.indexOf(v, cursor);
      if (at < 0 || at - cursor > 64) {
        lost++;
        continue;
      }
    }
    const own = original.slice(at, at + v.length);
    out.push({
      start: start + at,
      end: start + at + v.length,
      pos: pos[i] ?? "X",
      // a word wink saw with stand-in letters has no lemma of its own: its lower-cased text
      lemma: own === v ? (lemmas[i] ?? v.toLowerCase()) : own.toLowerCase(),
    });
    cursor = at + v.length;
  }
  return { tokens: out, lost };
}
