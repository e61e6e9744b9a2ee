/**
 * cues: the words that mark an attribution — reporting verbs (lexicons/cue-verbs.json, by lemma),
 * "according to"-type phrases, agentless passives ("A request was made"), nominal cues ("the claim
 * that"), and punctuation cues ("Name: …" at a paragraph start, "— Name" after a quote). These rule
 * candidates then go through the learned cue tagger (cue-model.ts), which keeps the verb
 * candidates it agrees with and adds cues beyond the lexicon ("seemed", "showed", "referring to").
 */
import type { Cue, Range, Token } from "../../doc.js";
import { rangeAt } from "../../text/spans.js";
import { applyCueModel, cueModel } from "./cue-model.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { titleEnd } from "../../text/quoted-titles.js";
import type { Stage } from "../../stage.js";

function matchPhrase(tokens: Token[], i: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k];
    if (!t || t.lower !== phrase[k] || t.sentence !== tokens[i]!.sentence) return false;
  }
  return true;
}

const QUANTIFIERS = new Set(["several", "many", "some", "few", "most", "all", "both", "other", "two", "three"]);

/** A participle inside a noun phrase: "Several shipping lines", "the so-called reform", "the ruling party". */
function modifiesNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!/(ing|ed)$/.test(t.lower) || next?.pos !== "NOUN" || next.sentence !== t.sentence) return false;
  return (
    prev === undefined ||
    prev.sentence !== t.sentence ||
    prev.pos === "DET" ||
    prev.pos === "ADJ" ||
    prev.pos === "NUM" ||
    QUANTIFIERS.has(prev.lower)
  );
}

/** "an organist called Mr. Eze.", "a piece called “Harmattan.”": naming, not a report. */
function naming(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.lemma !== "call" && t.lemma !== "name" && t.lemma !== "title") return false;
  const prev = tokens[i - 1];
  if (!prev || !(prev.pos === "NOUN" || prev.pos === "PROPN" || prev.text === ",")) return false;
  if (titleEnd(tokens, i + 1) > 0) return true;
  // a name that closes the clause: "called Mr. Eze." (but "called Clinton a liar" goes on)
  let k = i + 1;
  while (tokens[k] && (tokens[k]!.pos === "PROPN" || LEXICON.honorifics.has(tokens[k]!.lower))) k++;
  return k > i + 1 && (!tokens[k] || /^[.,;:!?]$/.test(tokens[k]!.text));
}

/** Verb uses that are not reports: "so-called", "said no to", "saying goes", "needless to say". */
function isFalseVerbCue(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (modifiesNoun(tokens, i) || naming(tokens, i)) return true;
  // a reduced passive relative: "the level recommended by the auditor's office"
  if (/ed$/.test(t.lower) && prev?.pos === "NOUN" && next?.lower === "by") return true;
  if (prev && (prev.lower === "so" || prev.lower === "so-called") && t.lemma === "call") return true;
  if (t.lower.startsWith("so-called")) return true;
  if (next && (next.lower === "no" || next.lower === "yes") && tokens[i + 2]?.lower === "to") return true;
  if (prev?.lower === "to" && tokens[i - 2]?.lower === "needless") return true;
  if (t.lemma === "call" && next && next.lower !== "for" && next.lower !== "on" && !/^[“"']/.test(next.text)) {
    // "called Trump a liar" is an attribution; "called the office" is not: keep only when a quote or
    // a name-like object follows
    if (!(next.pos === "PROPN" || next.pos === "PRON")) return true;
  }
  // belief verbs used as auxiliaries of other verbs ("want to" is kept; "know how" is not)
  if (t.lemma === "know" && next && (next.lower === "how" || next.lower === "what" || next.lower === "about")) return true;
  return false;
}

export function findCues(text: string, tokens: Token[], paragraphs: Range[]): Cue[] {
  const cues: Cue[] = [];
  const used = new Set<number>();
  const push = (first: number, last: number, cue: Omit<Cue, "start" | "end" | "text">): void => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    for (let k = first; k <= last; k++) used.add(k);
    cues.push({ start, end, text: text.slice(start, end), ...cue });
  };
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const t = tokens[i]!;
    const agentless = LEXICON.agentless.find((p) => matchPhrase(tokens, i, p));
    if (agentless) {
      push(i, i + agentless.length - 1, { type: "speech", head: i + agentless.length - 1, lemma: agentless.join("_"), form: "phrase", passive: true });
      i += agentless.length - 1;
      continue;
    }
    const according = LEXICON.accordingTo.find((p) => matchPhrase(tokens, i, p));
    if (according) {
      push(i, i + according.length - 1, { type: "according-to", head: i, lemma: according.join("_"), form: "phrase" });
      i += according.length - 1;
      continue;
    }
    const verb = LEXICON.cueVerbs.get(t.lemma);
    if (verb && (t.pos === "VERB" || (t.pos === "AUX" && t.lemma === "say")) && !isFalseVerbCue(tokens, i)) {
      const prev = tokens[i - 1];
      const passive = prev !== undefined && prev.lemma === "be" && /(ed|en|told|said|made|known|thought|seen|shown|found)$/.test(t.lower);
      let last = i;
      // phrasal cues: "pointed out", "called for", "called on"
      const next = tokens[i + 1];
      if (next && ((t.lemma === "point" && next.lower === "out") || (t.lemma === "call" && (next.lower === "for" || next.lower === "on")))) last = i + 1;
      push(i, last, { type: verb.type, head: i, lemma: t.lemma, form: "verb", passive });
      i = last;
      continue;
    }
    if (LEXICON.nominalCues.has(t.lower) && t.pos === "NOUN" && tokens[i + 1]?.lower === "that" && tokens[i + 1]!.sentence === t.sentence) {
      push(i, i, { type: t.lower === "report" || t.lower === "finding" ? "report" : "speech", head: i, lemma: t.lower, form: "nominal" });
    }
  }
  // "Name: …" at the start of a paragraph (interviews, transcripts)
  for (let i = 1; i < tokens.length && i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.text !== ":" || used.has(i)) continue;
    let first = i - 1;
    while (first > 0 && tokens[first - 1]!.pos === "PROPN" && i - first < 4) first--;
    // ('"WALLACE: …' — a transcript quoted paragraph by paragraph)
    const para = rangeAt(paragraphs, tokens[first]!.start);
    if (!/^["“]?$/.test(text.slice(para.start, tokens[first]!.start))) continue;
    if (!tokens.slice(first, i).every((x) => x.pos === "PROPN" || x.pos === "NOUN")) continue;
    push(i, i, { type: "speech", head: i, lemma: ":", form: "colon" });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * "so-called", "self-described", "self-proclaimed", which the tagger splits into three tokens: the
 * verb is part of a modifier, no report. Applied after the learned tagger, not among the rule
 * candidates, whose features the committed model was trained on.
 */
function compoundModifier(tokens: Token[], cue: Cue): boolean {
  const t = tokens[cue.head];
  const dash = tokens[cue.head - 1];
  const before = tokens[cue.head - 2];
  return (
    t !== undefined && dash?.text === "-" && before !== undefined && /^(?:so|self)$/.test(before.lower) &&
    dash.start === before.end && dash.end === t.start
  );
}

export const cuesStage: Stage = {
  name: "cues",
  requires: ["paragraphs", "tokens", "quotes"],
  provides: "cues",
  run(doc, ctx) {
    const tokens = doc.get("tokens");
    const candidates = findCues(doc.text, tokens, doc.get("paragraphs"));
    // the learned tagger (models/cue-model.json, npm run train) confirms and adds cues; "model": false turns it off
    const model = ctx.options.model === false ? null : cueModel();
    const cues = model ? applyCueModel(model, doc.text, tokens, doc.get("quotes"), candidates, (i) => isFalseVerbCue(tokens, i)) : candidates;
    doc.set("cues", cues.filter((c) => !compoundModifier(tokens, c)));
  },
};
