/**
 * attribution: pairs cues with their content and source mention. Direct quotes first (a quote
 * with a cue right after it or a cue introducing it), then indirect speech for the remaining cues
 * (content to the right: "He said that …", or to the left: "…, he said."), then quotes that carry
 * on the previous speaker's words with no cue of their own. Speakers are resolved later (coreference).
 */
import type { Cue, Quote, Range, StatementDraft, Token } from "../doc.js";
import { LEXICON } from "../lexicon.js";
import { npRight, subjectLeft } from "../noun-phrases.js";
import { contains } from "../spans.js";
import type { Stage } from "../stage.js";
import { TokenIndex } from "../token-index.js";
import { leftContent, rightContent } from "./content.js";

type TokRange = [number, number];

function tokRange(tokens: Token[], r: TokRange | null): Range | null {
  return r ? { start: tokens[r[0]]!.start, end: tokens[r[1]]!.end } : null;
}

const WORDS = /[\p{L}\p{N}]+/gu;
function wordCount(text: string, r: Range): number {
  return text.slice(r.start, r.end).match(WORDS)?.length ?? 0;
}

interface Ctx {
  text: string;
  tokens: Token[];
  index: TokenIndex;
  cues: Cue[];
  quotes: Quote[];
  out: StatementDraft[];
  usedCues: Set<Cue>;
  usedQuotes: Set<Quote>;
}

function sourceOf(c: Ctx, cue: Cue, first: number, last: number): TokRange | null {
  if (cue.form === "colon") {
    let f = cue.head - 1;
    while (f > first && c.tokens[f - 1]!.pos === "PROPN" && cue.head - f < 4) f--;
    return [f, cue.head - 1];
  }
  const head = c.index.atOrAfter(cue.start);
  const left = subjectLeft(c.tokens, head, first);
  if (left) return left;
  const after = c.index.atOrAfter(cue.end);
  return npRight(c.tokens, after, last);
}

function confidenceFor(kind: StatementDraft["kind"], cue: Cue | null, source: TokRange | null): number {
  let conf = kind === "indirect" ? 0.75 : 0.9;
  if (!cue) conf = 0.55;
  else if (cue.type === "belief") conf -= 0.2;
  else if (cue.type === "report") conf -= 0.1;
  if (!source) conf -= 0.25;
  return conf;
}

/** Direct quotes: a cue right after the quote ("…," he said) or introducing it (He said, "…"). */
function directQuotes(c: Ctx): void {
  const { text, tokens, index } = c;
  for (let qi = 0; qi < c.quotes.length; qi++) {
    const q = c.quotes[qi]!;
    if (c.usedQuotes.has(q) || wordCount(text, q.inner) < 3) continue;
    const [sFirst, sEnd] = index.bySentence[q.sentence] ?? [0, 0];
    const qFirst = index.atOrAfter(q.start);
    const qAfter = index.atOrAfter(q.end);
    const lineEnd = text.indexOf("\n", q.end) < 0 ? text.length : text.indexOf("\n", q.end);
    const lastInLine = index.atOrBefore(lineEnd);
    // cue after: only names/pronouns/punctuation between the quote and the cue
    let cue = c.cues.find(
      (k) =>
        k.start >= q.end &&
        k.end <= lineEnd &&
        !c.usedCues.has(k) &&
        k.form !== "nominal" &&
        tokens.slice(qAfter, index.atOrAfter(k.start)).every((t) => t.pos !== "VERB" && !/["“”.?!]/.test(t.text)) &&
        index.atOrAfter(k.start) - qAfter <= 8,
    );
    const quoteEndsClause = /[,?!\u2014-]$/.test(text.slice(q.inner.start, q.inner.end).trimEnd());
    const before = [...c.cues]
      .reverse()
      .find((k) => {
        if (k.end > q.start || c.usedCues.has(k) || k.form === "nominal") return false;
        const kTok = index.atOrAfter(k.start);
        if (kTok < sFirst - 1 && !(kTok >= (index.bySentence[q.sentence - 1]?.[0] ?? 0))) return false;
        const gap = text.slice(k.end, q.start);
        if (gap.includes("\n") || /["“”«»]/.test(gap) || gap.length > 80) return false;
        return /[,:]\s*$/.test(gap) || /^\s*(that\s+)?$/.test(gap);
      });
    if (!cue || (before && !quoteEndsClause)) cue = before ?? cue;
    if (!cue) {
      const dash = /^\s*[\u2014\u2013\u2015]\s*/.exec(text.slice(q.end, lineEnd));
      if (dash && qAfter <= lastInLine && tokens[qAfter + 1]?.pos === "PROPN") {
        let last = qAfter + 1;
        while (last + 1 <= lastInLine && tokens[last + 1]!.pos === "PROPN") last++;
        const dashRange = { start: q.end + dash[0].search(/\S/), end: q.end + dash[0].search(/\S/) + 1 };
        c.out.push({
          kind: "direct",
          content: [{ start: q.start, end: q.end }],
          cue: dashRange,
          cueType: "speech",
          source: tokRange(tokens, [qAfter + 1, last]),
          speaker: null,
          confidence: 0.9,
        });
        c.usedQuotes.add(q);
      }
      continue;
    }
    const source = sourceOf(c, cue, Math.min(sFirst, qFirst), Math.max(sEnd - 1, lastInLine));
    const content: Range[] = [{ start: q.start, end: q.end }];
    c.usedQuotes.add(q);
    c.usedCues.add(cue);
    // "…," he said, "…" — the quote carries on after the cue
    const next = c.quotes[qi + 1];
    if (next && next.start > cue.end && next.start < lineEnd) {
      const between = text.slice(Math.max(cue.end, source ? tokens[source[1]]!.end : 0), next.start);
      if (/^[^"“”«».?!]{0,40}[,:]\s*$/.test(between) && cue.start > q.end) {
        content.push({ start: next.start, end: next.end });
        c.usedQuotes.add(next);
      }
    }
    c.out.push({
      kind: "direct",
      content,
      cue: { start: cue.start, end: cue.end },
      cueType: cue.type,
      source: tokRange(tokens, source),
      speaker: null,
      confidence: confidenceFor("direct", cue, source),
    });
  }
}

/** Indirect speech and mixed statements for the cues the quotes did not take. */
function indirect(c: Ctx, doc: { message: (s: string, r: string, m: string, span?: Range) => void }): void {
  const { text, tokens, index } = c;
  const direct = c.out.filter((s) => s.kind === "direct").flatMap((s) => s.content);
  for (const cue of c.cues) {
    if (c.usedCues.has(cue) || cue.form === "colon") continue;
    if (direct.some((d) => contains(d, cue))) continue; // a cue inside a quotation is part of the quote
    const head = index.atOrAfter(cue.start);
    // an infinitive ("to consider") or a participle after a preposition has no subject of its own
    if (cue.form === "verb" && (tokens[head - 1]?.lower === "to" || tokens[head - 1]?.pos === "ADP")) continue;
    const s = tokens[head]!.sentence;
    const [sFirst, sEnd] = index.bySentence[s]!;
    let source: TokRange | null = null;
    if (cue.form === "phrase" && cue.type === "according-to") {
      source = npRight(tokens, index.atOrAfter(cue.end), sEnd - 1);
    } else if (cue.passive) {
      const by = index.atOrAfter(cue.end);
      if (tokens[by]?.lower === "by" && by < sEnd) source = npRight(tokens, by + 1, sEnd - 1);
      else if (!LEXICON.agentless.some((p) => p.join("_") === cue.lemma)) continue;
    } else {
      source = sourceOf(c, cue, sFirst, sEnd - 1);
    }
    const cueLast = index.atOrBefore(cue.end);
    const afterSource = source && source[0] > cueLast ? source[1] + 1 : cueLast + 1;
    let content = rightContent(tokens, cue, afterSource, sEnd, c.cues);
    if (!content) content = leftContent(tokens, cue, source, sFirst, head);
    if (!content) continue;
    const range = tokRange(tokens, content)!;
    const quotesInside = c.quotes.filter((q) => contains(range, q));
    const kind = quotesInside.length > 0 ? "mixed" : "indirect";
    for (const q of quotesInside) c.usedQuotes.add(q);
    c.usedCues.add(cue);
    if (!source && cue.passive) {
      doc.message("attribution", "agentless", `"${cue.text}" names no speaker; the statement has none`, cue);
    }
    c.out.push({
      kind,
      content: [range],
      cue: { start: cue.start, end: cue.end },
      cueType: cue.type,
      source: tokRange(tokens, source),
      speaker: null,
      confidence: confidenceFor(kind, cue, source),
    });
  }
}

/** A whole-paragraph quote with no cue carries on the previous direct statement's speaker. */
function continuations(c: Ctx): void {
  const { text } = c;
  for (const q of c.quotes) {
    if (c.usedQuotes.has(q) || wordCount(text, q.inner) < 4) continue;
    const lineStart = text.lastIndexOf("\n", q.start - 1) + 1;
    if (text.slice(lineStart, q.start).trim() !== "") continue;
    const prev = [...c.out].reverse().find((s) => s.kind === "direct" && s.content[0]!.end <= q.start);
    if (!prev || q.start - prev.content[prev.content.length - 1]!.end > 1500) continue;
    c.out.push({ kind: "direct", content: [{ start: q.start, end: q.end }], cue: null, cueType: prev.cueType, source: null, speaker: null, confidence: 0.5 });
    c.usedQuotes.add(q);
  }
}

export const attributionStage: Stage = {
  name: "attribution",
  requires: ["tokens", "cues", "quotes"],
  provides: "attributions",
  run(doc) {
    const tokens = doc.get("tokens");
    const c: Ctx = {
      text: doc.text,
      tokens,
      index: new TokenIndex(tokens, doc.get("sentences")),
      cues: doc.get("cues"),
      quotes: doc.get("quotes"),
      out: [],
      usedCues: new Set(),
      usedQuotes: new Set(),
    };
    directQuotes(c);
    indirect(c, doc);
    continuations(c);
    doc.set("attributions", c.out);
  },
};
