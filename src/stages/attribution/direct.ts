/**
 * Direct quotes: a quote with its cue right after it ("…," he said) or introducing it (He said,
 * "…" / He said:¶"…"), the quotes of the same paragraph that carry on without a cue of their own
 * ("…," he said. "…"), and a clause in front of a quote that runs into it (mixed).
 */
import type { Cue, Quote, Range, StatementDraft, Token } from "../../doc.js";
import { closesClause, isAdded } from "./added-cue.js";
import { cueScoreCap } from "./confidence.js";
import { QUOTE_MARK_IN_TEXT } from "../../text/quote-marks.js";
import { rangeAt } from "../../text/spans.js";
import { type Ctx, firstCueFrom, type TokRange, tokRange, wordCount } from "./context.js";
import { introducedContent } from "./mixed.js";
import { subjectLeft } from "./np/subject.js";
import { sourceOf } from "./source.js";

const STOP_PUNCT = /^(?:[.?!"“”„«»]+|''|``|,,)$/;

/** A cue after the quote, with only a name, pronoun or short NP between ("…," said Mr. Smith). */
export function cueAfter(c: Ctx, q: Range, para: Range): Cue | null {
  const { tokens, index } = c;
  const qAfter = index.atOrAfter(q.end);
  // "“… soft.” He says referees …": a sentence closed inside the quote, then a new one with its own subject
  if (
    /\.\s*$/.test(c.text.slice(q.start, q.end - 1)) &&
    tokens[qAfter]?.pos === "PRON" &&
    /^\p{Lu}/u.test(tokens[qAfter]!.text)
  )
    return null;
  // “… escapades.” The agency said the test was …: a quote that ends its sentence is no content of a
  // cue in the next one when that cue has a clause of its own
  const qLast = index.atOrBefore(q.end);
  const newSentence = tokens[qAfter] !== undefined && tokens[qLast] !== undefined && tokens[qAfter]!.sentence !== tokens[qLast]!.sentence;
  for (let i = firstCueFrom(c.cues, q.end); i < c.cues.length; i++) {
    const k = c.cues[i]!;
    if (k.end > para.end) return null;
    if (newSentence && clauseAfterCue(c, k)) return null;
    const kTok = index.atOrAfter(k.start);
    if (kTok - qAfter > 20) return null;
    const gap = tokens.slice(qAfter, kTok);
    // "… “…” and said it was …": a coordinated verb has the sentence's subject and content of its own;
    // a full stop ends the clause unless it closes an abbreviation inside it ("Rep. Gwen Moore (D-Wis.) said")
    const stops = (t: Token, k: number): boolean =>
      t.pos === "PUNCT" && STOP_PUNCT.test(t.text) && (t.text !== "." || tokens[qAfter + k + 1]?.sentence !== t.sentence);
    if (gap.some((t, k) => (t.pos === "VERB" && !/^\p{Lu}/u.test(t.text)) || t.pos === "CCONJ" || stops(t, k))) {
      // unless the whole gap is the cue's subject: "…,” Scott Pruitt, one of the states suing the EPA, said"
      const subject = k.form === "verb" ? subjectLeft(tokens, k.head, qAfter) : null;
      if (subject?.[0] !== qAfter || gap.some(stops)) return null;
    }
    if (c.usedCues.has(k) || k.form === "nominal" || k.form === "colon") continue;
    // "…,” though she stopped short of …": a cue beyond the lexicon after a subordinator, or with words after it, is no inversion
    if (isAdded(k) && (gap.some((t) => t.pos === "SCONJ") || !closesClause(tokens, k, index.atOrAfter(k.end)))) return null;
    // "…,” claiming that …" / "…,” adding that …": a participle or a "that" clause opens content of its own
    if (
      (k.form === "verb" && /ing$/.test(tokens[k.head]!.lower)) ||
      tokens[index.atOrAfter(k.end)]?.lower === "that"
    )
      return null;
    return k;
  }
  return null;
}

/** A verb after the cue in its sentence: "said the test was a grave violation". */
function clauseAfterCue(c: Ctx, k: Cue): boolean {
  const { tokens, index } = c;
  const s = tokens[k.head]!.sentence;
  for (let j = index.atOrAfter(k.end); j < tokens.length && tokens[j]!.sentence === s; j++) {
    if (tokens[j]!.pos === "VERB" || tokens[j]!.pos === "AUX") return true;
  }
  return false;
}

/** A cue before the quote that introduces it: "He said, “…”", "She told reporters:¶“…”". */
function cueBefore(c: Ctx, q: Quote, para: Range): Cue | null {
  const { text, index } = c;
  const prevSentenceFirst = index.bySentence[q.sentence - 1]?.[0] ?? 0;
  for (let i = firstCueFrom(c.cues, q.start) - 1; i >= 0; i--) {
    const k = c.cues[i]!;
    if (k.end > q.start) continue;
    if (index.atOrAfter(k.start) < prevSentenceFirst) return null;
    if (c.usedCues.has(k) || k.form === "nominal") continue;
    const gap = text.slice(k.end, q.start);
    if (QUOTE_MARK_IN_TEXT.test(gap) || gap.length > 80) return null;
    if (k.start < para.start) return /^[^\n]{0,60}:\s*$/.test(gap) ? k : null;
    return /[,:]\s*$/.test(gap) || /^\s*(that\s+)?$/.test(gap) ? k : null;
  }
  return null;
}

/**
 * 'He said, “No.”', 'She replied: „Not now.“': a speech cue, then only a comma or a colon, then a
 * quote that closes its sentence — a short answer, not a scare quote ("opened a so-called “hub”").
 */
function introducesShort(text: string, cue: Cue, q: Quote): boolean {
  if (cue.type !== "speech" && cue.type !== "according-to") return false;
  if (!/^\s*[,:]\s*$/.test(text.slice(cue.end, q.start))) return false;
  const inner = text.slice(q.inner.start, q.inner.end).trimEnd();
  return /[.?!…]$/.test(inner) || /^\s*(?:[.?!…]|$)/.test(text.slice(q.end, q.end + 2));
}

/** The clause in front of a quote whose cue comes after: "Fiorina was not one for “…,” said X". */
function leftClause(c: Ctx, q: Quote, para: Range): number | null {
  const s = c.index.bySentence[q.sentence];
  const sStart = Math.max(para.start, s ? (c.tokens[s[0]]?.start ?? para.start) : para.start);
  const prefix = c.text.slice(sStart, q.start);
  if (
    !/[\p{L}\p{N}]\s*$/u.test(prefix) ||
    QUOTE_MARK_IN_TEXT.test(prefix) ||
    wordCount(c.text, { start: sStart, end: q.start }) < 2
  )
    return null;
  return sStart + (prefix.length - prefix.trimStart().length);
}

/** Later quotes of the paragraph with no cue of their own join the statement ("…," he said. "…"). */
function continuation(c: Ctx, qi: number, from: number, para: Range, cue: Cue): Quote[] {
  const out: Quote[] = [];
  let end = from;
  for (let j = qi + 1; j < c.quotes.length; j++) {
    const n = c.quotes[j]!;
    if (n.start >= para.end || c.usedQuotes.has(n)) break;
    if (n.start < end) continue;
    const k = c.cues[firstCueFrom(c.cues, end)];
    // someone else's cue, or a new one, in between — unless it ends its sentence with nothing said ("Then he laughed.")
    if (k && k !== cue && k.start < n.start && !endsWithoutContent(c, k)) break;
    if (cueAfter(c, n, para)) break;
    out.push(n);
    end = n.end;
  }
  return out;
}

/** "Then he laughed.": a cue with only the full stop after it says nothing of its own. */
function endsWithoutContent(c: Ctx, k: Cue): boolean {
  const next = c.tokens[c.index.atOrAfter(k.end)];
  return next !== undefined && /^[.!]$/.test(next.text) && c.tokens[c.index.atOrAfter(next.end)]?.sentence !== next.sentence;
}

function dashSource(c: Ctx, q: Quote, para: Range): void {
  const { text, tokens, index } = c;
  const dash = /^\s*[\u2014\u2013\u2015]\s*/.exec(text.slice(q.end, para.end));
  const qAfter = index.atOrAfter(q.end);
  if (!dash || tokens[qAfter + 1]?.pos !== "PROPN") return;
  let last = qAfter + 1;
  while (tokens[last + 1] && tokens[last + 1]!.end <= para.end && tokens[last + 1]!.pos === "PROPN") last++;
  const at = q.end + dash[0].search(/\S/);
  c.out.push({
    kind: "direct",
    content: [{ start: q.start, end: q.end }],
    cue: { start: at, end: at + 1 },
    cueType: "speech",
    source: tokRange(tokens, [qAfter + 1, last]),
    speaker: null,
    confidence: 0.85,
  });
  c.usedQuotes.add(q);
}

function confidence(cue: Cue, source: TokRange | null, after: boolean): number {
  let conf = after ? 0.93 : 0.88;
  if (cue.type === "belief") conf -= 0.25;
  else if (cue.type === "report") conf -= 0.1;
  if (!source) conf -= 0.3;
  return cueScoreCap(cue, conf);
}

export function directQuotes(c: Ctx): void {
  const { text, tokens, index } = c;
  for (let qi = 0; qi < c.quotes.length; qi++) {
    const q = c.quotes[qi]!;
    if (c.usedQuotes.has(q)) continue;
    const para = rangeAt(c.paragraphs, q.start);
    const after = cueAfter(c, q, para);
    const endsClause = /[,?!\u2014-]$/.test(text.slice(q.inner.start, q.inner.end).trimEnd());
    const before = cueBefore(c, q, para);
    // a short quote is a statement only in "“We tried,” he said" form or introduced by its cue with
    // a comma or colon ('He said, “No.”'); a few quoted words inside a clause are scare quotes
    if (wordCount(text, q.inner) < 3 && !(after && endsClause) && !(before && introducesShort(text, before, q))) continue;
    const cue = after && (endsClause || !before) ? after : before;
    if (!cue) {
      dashSource(c, q, para);
      continue;
    }
    const isAfter = cue === after;
    const [sFirst, sEnd] = index.bySentence[q.sentence] ?? [0, 0];
    const cueSentence = index.bySentence[tokens[index.atOrAfter(cue.start)]?.sentence ?? q.sentence] ?? [
      sFirst,
      sEnd,
    ];
    const lastInPara = index.atOrBefore(para.end);
    const cuePara = isAfter ? para : rangeAt(c.paragraphs, cue.start);
    const min = isAfter ? index.atOrAfter(q.end) : Math.max(cueSentence[0], index.atOrAfter(cuePara.start));
    const source = sourceOf(c, cue, min, Math.min(cueSentence[1] - 1, lastInPara));
    c.usedQuotes.add(q);
    c.usedCues.add(cue);
    const first = isAfter ? leftClause(c, q, para) : null;
    const wider = isAfter ? null : introducedContent(c, q, cue, para);
    const content: Range[] = [wider ?? { start: first ?? q.start, end: q.end }];
    const tail = Math.max(cue.end, source ? tokens[source[1]]!.end : 0, q.end);
    for (const n of continuation(c, qi, tail, para, cue)) {
      content.push({ start: n.start, end: n.end });
      c.usedQuotes.add(n);
    }
    const draft: StatementDraft = {
      // ('said that “…”' is still a direct quote: only "that" stands outside the marks)
      kind: first === null && (wider === null || /^that,?\s*$/i.test(text.slice(wider.start, q.start))) ? "direct" : "mixed",
      content,
      cue: { start: cue.start, end: cue.end },
      cueType: cue.type,
      source: tokRange(tokens, source),
      speaker: null,
      confidence: confidence(cue, source, isAfter),
    };
    c.out.push(draft);
  }
}
