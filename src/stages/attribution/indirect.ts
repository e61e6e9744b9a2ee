/**
 * Indirect speech and mixed statements for the cues the quotes did not take: content to the right
 * of the cue ("He said that …", "called X a …", "According to X, …"), to the left ("…, he said."),
 * or on both sides of a cue set off by commas; "Asked …," with no named asker.
 */
import type { Cue, Range, StatementDraft, Token } from "../../doc.js";
import type { StageContext } from "../../stage.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { accordingSource, npRight } from "./np/right.js";
import { OPENING_QUOTE_MARK, QUOTE_MARK } from "../../text/quote-marks.js";
import { contains } from "../../text/spans.js";
import type { TokenIndex } from "./token-index.js";
import { closesClause, credibleSource, isAdded } from "./added-cue.js";
import { cueScoreCap } from "./confidence.js";
import { leftContent, rightContent } from "./content.js";
import { contentStop, trimEnd } from "./content-end.js";
import { type Ctx, type TokRange, tokRange } from "./context.js";
import { sourceOf } from "./source.js";

function confidenceFor(kind: StatementDraft["kind"], cue: Cue | null, source: TokRange | null): number {
  let conf = kind === "indirect" ? 0.75 : 0.9;
  if (!cue) conf = 0.55;
  else if (cue.type === "belief") conf -= 0.2;
  else if (cue.type === "report") conf -= 0.1;
  if (!source) conf -= 0.25;
  return cue ? cueScoreCap(cue, conf) : conf;
}

/** Indirect speech and mixed statements for the cues the quotes did not take. */
export function indirect(c: Ctx, report: StageContext["report"]): void {
  const { tokens, index } = c;
  const direct = c.out.filter((s) => s.kind === "direct").flatMap((s) => s.content);
  for (const cue of c.cues) {
    if (c.usedCues.has(cue) || cue.form === "colon") continue;
    if (direct.some((d) => contains(d, cue))) continue; // a cue inside a quotation is part of the quote
    const head = cue.head;
    // an infinitive ("to consider") or a participle after a preposition has no subject of its own
    if (cue.form === "verb" && (tokens[head - 1]?.lower === "to" || tokens[head - 1]?.pos === "ADP"))
      continue;
    // a gerund object of another verb ("consider announcing …") is not a statement of its own
    if (cue.form === "verb" && /ing$/.test(tokens[head]!.lower) && tokens[head - 1]?.pos === "VERB") continue;
    const s = tokens[head]!.sentence;
    const [sFirst, sEnd] = index.bySentence[s]!;
    let source: TokRange | null = null;
    // "Asked whether …, Clinton said …": the asker is not named; the question runs to the comma
    const askedOpener = cue.form === "verb" && cue.lemma === "ask" && index.atOrAfter(cue.start) === sFirst && /ed$/.test(tokens[head]!.lower);
    if (askedOpener) {
      const content = questionUpToComma(tokens, index.atOrAfter(cue.end), sEnd);
      if (content) {
        c.usedCues.add(cue);
        c.out.push({ kind: "indirect", content: [tokRange(tokens, content)!], cue: { start: cue.start, end: cue.end }, cueType: cue.type, source: null, speaker: null, confidence: 0.5 });
      }
      continue;
    }
    if (cue.form === "phrase" && cue.type === "according-to") {
      source = accordingSource(tokens, index.atOrAfter(cue.end), sEnd - 1);
    } else if (cue.passive) {
      const by = index.atOrAfter(cue.end);
      if (tokens[by]?.lower === "by" && by < sEnd) source = npRight(tokens, by + 1, sEnd - 1);
      else if (!LEXICON.agentless.some((p) => p.join("_") === cue.lemma)) continue;
    } else {
      source = sourceOf(c, cue, sFirst, sEnd - 1);
    }
    const added = isAdded(cue);
    if (source && !credibleSource(tokens, cue, source)) continue;
    const cueLast = index.atOrBefore(cue.end);
    const afterSource = source && source[0] > cueLast ? source[1] + 1 : cueLast + 1;
    let content = rightContent(tokens, cue, afterSource, sEnd, c.cues);
    let rest: TokRange | null = null;
    if (!content && (!added || closesClause(tokens, cue, afterSource))) {
      content = leftContent(tokens, cue, source, sFirst, head);
      if (content) rest = restAfterParenthetical(tokens, afterSource, sEnd, c.cues);
    }
    if (!content) continue;
    const range = tokRange(tokens, content)!;
    // "said that “ethanol people” “do a fantastic job. And …”": content does not stop inside a quote
    const cut = c.quotes.find(
      (q) => q.start >= range.start && q.start < range.end && q.end > range.end && q.closed,
    );
    if (cut) range.end = cut.end;
    const quotesInside = c.quotes.filter((q) => contains(range, q));
    const kind = quotesInside.length > 0 ? "mixed" : "indirect";
    for (const q of quotesInside) c.usedQuotes.add(q);
    c.usedCues.add(cue);
    if (!source && cue.passive) {
      report("agentless", `"${cue.text}" names no speaker; the statement has none`, cue);
    }
    c.out.push({
      kind,
      content: rest ? [range, tokRange(tokens, rest)!] : [range],
      cue: { start: cue.start, end: prepositionJoined(tokens, cue, range, c.index) },
      cueType: cue.type,
      source: tokRange(tokens, source),
      speaker: null,
      confidence: confidenceFor(kind, cue, source),
    });
  }
}

/** "complained about his mic": a preposition between the cue and its content belongs to the cue. */
function prepositionJoined(tokens: Token[], cue: Cue, content: Range, index: TokenIndex): number {
  const p = tokens[index.atOrAfter(cue.end)];
  return p && p.pos === "ADP" && p.end <= content.start && tokens[index.atOrAfter(p.end)]?.start === content.start ? p.end : cue.end;
}

/**
 * "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": a cue set off by commas inside
 * the sentence has content on both sides; the part after the second comma, up to where content ends.
 */
function restAfterParenthetical(tokens: Token[], after: number, sEnd: number, cues: Cue[]): TokRange | null {
  let k = after;
  while (k < sEnd && (tokens[k]!.pos === "ADV" || tokens[k]!.pos === "ADP" || tokens[k]!.pos === "PROPN" || tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "DET") && k - after < 4) k++;
  if (tokens[k]?.text !== "," || k + 3 >= sEnd) return null;
  const first = k + 1;
  const last = trimEnd(tokens, first, contentStop(tokens, first, sEnd, cues) - 1);
  return last - first >= 2 ? [first, last] : null;
}

/** "whether Clinton “has the integrity to serve,”, …": tokens up to the first comma outside quotation marks. */
function questionUpToComma(tokens: Token[], from: number, sEnd: number): TokRange | null {
  let quoted = false;
  for (let k = from; k < sEnd; k++) {
    const t = tokens[k]!.text;
    if (QUOTE_MARK.test(t)) quoted = OPENING_QUOTE_MARK.test(t) || (t !== "”" && t !== "»" && !quoted);
    if (t === "," && !quoted) return k - 1 > from ? [from, k - 1] : null;
  }
  return null;
}
