/**
 * Quotes inside a sentence that no cue took: "Clinton called half of his supporters “deplorables.”",
 * "Reid has gone after Trump as a “human leech”", "Trump is promising lower taxes and “jobs, jobs,
 * jobs.”" In news copy a quotation mark almost always reports someone's words (PolNeAR annotates
 * nine quotes in ten, and two in three one-word quotes), so the verb that governs the quote is its
 * cue and that verb's subject its source — when the subject can speak (a name, a pronoun, an
 * organisation or a nominal source: "The “reform” left families worse off" has no speaking subject
 * before its quote). Titles in quotation marks ("reading “The Long Road Home”") are no statements.
 * Content is the verb's object up to the end of the quote. Confidence is low: the verb is
 * often no reporting verb at all.
 */
import type { StatementDraft } from "../../doc.js";
import { mainSubject } from "./source.js";
import { subjectLeft } from "./np/subject.js";
import { QUOTE_MARK } from "../../text/quote-marks.js";
import { isTitleText } from "../../text/quoted-titles.js";
import { plausibleAgent } from "./added-cue.js";
import { type Ctx, type TokRange, tokRange } from "./context.js";

/** how far left of the quote the governing verb may be, in tokens */
const REACH = 14;
/** verbs that govern no quote: copulas and light verbs whose quote is a name or a label */
const NOT_GOVERNING = new Set(["know", "name", "title", "entitle"]);
/** verbs passed over on the way to the governing one: "dismissed Estonia as being in the “suburbs …”" */
const LIGHT = new Set(["be", "have", "do"]);

/** The verb governing the quote: the nearest non-auxiliary verb to its left, in its clause. */
function governingVerb(c: Ctx, qFirst: number, sFirst: number): number | null {
  const { tokens } = c;
  for (let k = qFirst - 1; k >= sFirst && qFirst - k <= REACH; k--) {
    const t = tokens[k]!;
    if (QUOTE_MARK.test(t.text) || t.text === ";" || t.text === ":" || (t.pos === "SCONJ" && !/^(as|that)$/.test(t.lower))) return null;
    // "Japan branded/ADJ North Korea an “outlaw nation”": a past form the tagger read as an adjective, after its subject
    const pastAsAdjective =
      t.pos === "ADJ" && /^\p{Ll}+ed$/u.test(t.text) && (tokens[k - 1]?.pos === "PROPN" || tokens[k - 1]?.pos === "PRON");
    if (pastAsAdjective) return k;
    // a relative clause or a new clause in between: "…, which …", "… who …"
    if (/^(who|which|whose)$/.test(t.lower)) return null;
    // ("is promising/ADJ lower taxes": a progressive the tagger read as an adjective)
    const progressive = t.pos === "ADJ" && /ing$/.test(t.lower) && tokens[k - 1]?.pos === "AUX";
    if ((t.pos !== "VERB" && !progressive) || /^\p{Lu}/u.test(t.text) || LIGHT.has(t.lemma)) continue;
    // an infinitive is governed in turn: "is stressing the need to bolster … under “constant attack”"
    if (tokens[k - 1]?.lower === "to") continue;
    return NOT_GOVERNING.has(t.lemma) ? null : k;
  }
  return null;
}

/** Auxiliaries, adverbs and "not" in front of the verb belong to the cue: "has been steadily pounding". */
function cueStart(c: Ctx, verb: number, source: TokRange): number {
  let k = verb;
  while (k - 1 > source[1] && ["AUX", "ADV", "PART"].includes(c.tokens[k - 1]!.pos)) k--;
  return k;
}

/**
 * 'called the senator a “nasty guy,” an “anchor baby,” “unstable” and “sick.”': quotes listed after
 * the first one, joined by a comma, "and" or "or" (with a few words between), are the same content;
 * they are marked used and the content ends at the last.
 */
function listedQuotesEnd(c: Ctx, qi: number): number {
  const q = c.quotes[qi]!;
  const { text, tokens, index } = c;
  let end = q.end;
  for (let i = qi + 1; i < c.quotes.length; i++) {
    const n = c.quotes[i]!;
    if (c.usedQuotes.has(n) || tokens[index.atOrAfter(n.start)]?.sentence !== tokens[index.atOrBefore(q.end)]?.sentence) break;
    const gap = text.slice(end, n.start);
    if (!/^[\s,]*(?:(?:and|or)\s+)?(?:(?:an?|the|his|her|their)\s+)?$/i.test(gap)) break;
    c.usedQuotes.add(n);
    end = n.end;
  }
  return end;
}

export function governedQuotes(c: Ctx): void {
  const { text, tokens, index } = c;
  // a quote inside a statement's content is taken: one sweep over both, sorted by start
  const taken = c.out.flatMap((s) => s.content).sort((a, b) => a.start - b.start);
  let t = 0;
  let takenEnd = -1;
  for (let qi = 0; qi < c.quotes.length; qi++) {
    const q = c.quotes[qi]!;
    while (t < taken.length && taken[t]!.start <= q.start) takenEnd = Math.max(takenEnd, taken[t++]!.end);
    if (c.usedQuotes.has(q) || takenEnd >= q.end) continue;
    if (isTitleText(text.slice(q.inner.start, q.inner.end))) continue;
    const qFirst = index.atOrAfter(q.start);
    const [sFirst] = index.bySentence[tokens[qFirst]?.sentence ?? q.sentence] ?? [qFirst];
    if (qFirst <= sFirst) continue;
    const verb = governingVerb(c, qFirst, sFirst);
    if (verb === null) continue;
    const participle = /ing$/.test(tokens[verb]!.lower) && tokens[verb - 1]?.pos !== "AUX";
    const source = participle ? mainSubject(tokens, sFirst, verb) : subjectLeft(tokens, verb, sFirst);
    if (!source || !plausibleAgent(tokens, source)) continue;
    const first = cueStart(c, verb, source);
    const end = listedQuotesEnd(c, qi);
    const draft: StatementDraft = {
      kind: verb + 1 === qFirst && end === q.end ? "direct" : "mixed",
      content: [{ start: tokens[verb + 1]!.start, end }],
      cue: { start: tokens[first]!.start, end: tokens[verb]!.end },
      cueType: "speech",
      source: tokRange(tokens, source),
      speaker: null,
      confidence: 0.6,
    };
    c.out.push(draft);
    c.usedQuotes.add(q);
  }
}
