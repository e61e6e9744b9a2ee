/**
 * Confidence adjustments measured on PolNeAR train (share of statements whose content and source
 * are right, by feature): mixed statements, participle and object-frame cues ("saying", "called",
 * "asked") and lower-case nominal sources are right less often than a plain "…," X said.
 */
import type { Cue, StatementDraft } from "../../doc.js";

const PRONOUN = /^(he|she|they|i|we|it|who|you)$/i;
const WEAK_CUES = /^(call|calls|called|calling|ask|asks|asked|asking|describe|described|describing|want|wants|wanted|think|thinks|thought)$/i;

export function calibrate(text: string, d: StatementDraft): number {
  let conf = d.confidence;
  if (d.kind === "mixed") conf = Math.min(conf, 0.78);
  if (d.cue) {
    const cue = text.slice(d.cue.start, d.cue.end);
    if (/ing$/i.test(cue)) conf -= 0.12;
    if (WEAK_CUES.test(cue)) conf -= 0.12;
  }
  if (d.source) {
    const src = text.slice(d.source.start, d.source.end);
    if (!PRONOUN.test(src) && !/^\p{Lu}/u.test(src)) conf -= 0.08;
  }
  return Math.max(0.05, Math.min(0.99, conf));
}

/** A cue the learned tagger scored: the statement's confidence is at most 0.5 + 0.45 × its score. */
export function cueScoreCap(cue: Cue, conf: number): number {
  const score = cue.score;
  return score === undefined ? conf : Math.min(conf, 0.5 + 0.45 * score);
}
