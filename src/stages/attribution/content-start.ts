/**
 * Where indirect content starts after its cue: past the listener of "told reporters that …", a
 * short adjunct ("said on Tuesday that …", "said in an interview that …"), an aside with "as", a
 * colon, and the preposition of "complained about …".
 */
import type { Cue, Token } from "../../doc.js";
import { temporalNP } from "./np/words.js";
import { isAdded } from "./added-cue.js";

/** verbs whose first object is the listener, not the content: "told reporters that …" */
const LISTENER_VERBS = new Set([
  "tell",
  "inform",
  "assure",
  "warn",
  "remind",
  "ask",
  "urge",
  "advise",
  "notify",
  "brief",
  "promise",
  "order",
]);
/** verbs whose object is the one to act, and part of what was said: "urged both sides to resume talks" */
const OBJECT_IN_CONTENT = new Set(["urge", "ask", "call_on", "implore", "encourage"]);
export const CLAUSE_POS = new Set(["VERB", "AUX"]);
/** prepositions whose object is the content ("complained about …"); held-out train F1 +0.6, F1+src +0.1 */
const PREP_CONTENT = new Set(["about", "against", "of", "on", "over", "for"]);
const TIME_WORDS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|recently|later|earlier|previously|again|also|repeatedly|privately|publicly|then)$/;
const ADJUNCT_PREPS = new Set([
  "on",
  "in",
  "at",
  "during",
  "after",
  "before",
  "last",
  "this",
  "earlier",
  "late",
  "early",
]);

/** "said Monday he …", "said in an interview that …", "said last week the …": steps over a short adjunct. */
function skipAdjunct(tokens: Token[], k: number, sEnd: number): number {
  let j = k;
  // ("called Friday's decision a …": a possessive day is the object, no adjunct)
  while (j < sEnd && TIME_WORDS.test(tokens[j]!.lower) && !/^['\u2019]s$/.test(tokens[j + 1]?.text ?? "")) j++;
  if (j < sEnd && ADJUNCT_PREPS.has(tokens[j]!.lower)) {
    let m = j + 1;
    while (
      m < sEnd &&
      m - j <= 6 &&
      ["DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP"].includes(tokens[m]!.pos) &&
      tokens[m]!.lower !== "that"
    ) {
      m++;
      // "said on Tuesday the port would …": the adjunct ends at its day or date
      if (temporalNP(tokens, m - 1, m - 1) && tokens[m]?.pos !== "ADP") {
        while (m < sEnd && temporalNP(tokens, m, m)) m++; // "Wednesday night"
        break;
      }
    }
    while (m < sEnd && TIME_WORDS.test(tokens[m]!.lower)) m++;
    // only when a clause or "that" follows the adjunct
    const n = tokens[m];
    if (n && m > j + 1 && (n.lower === "that" || (["PRON", "PROPN", "DET", "NOUN"].includes(n.pos) && verbSoon(tokens, m, sEnd)))) j = m;
  }
  return j;
}

/** A verb within a few tokens, before any punctuation: the words at `from` open a clause. */
function verbSoon(tokens: Token[], from: number, sEnd: number): boolean {
  for (let j = from; j < sEnd && j - from < 8; j++) {
    const t = tokens[j]!;
    if (t.pos === "PUNCT") return false;
    if (t.pos === "VERB" || t.pos === "AUX") return true;
  }
  return false;
}

/** A bare clause may open with an adverb, gerund or subordinator: "said none of …", "said if he …". */
export function bareClauseStart(t: Token, frames: ReadonlySet<string>): boolean {
  // "questioned whether …", "asked why …": a question clause is content for any cue
  if (/^(whether|why|how|what|who|where)$/.test(t.lower) && ["SCONJ", "ADV", "PRON", "DET", "ADP"].includes(t.pos)) return true;
  if (!frames.has("that")) return false;
  if (t.pos === "SCONJ" && t.lower !== "that")
    return /^(if|when|because|while|although|unless|once)$/.test(t.lower);
  return t.pos === "ADV" || (t.pos === "VERB" && /ing$/.test(t.lower)) || t.pos === "VERB";
}

/** The first token of the content after a cue's verb (from = the token after the cue), or null when a comma closes the clause. */
export function contentStart(tokens: Token[], cue: Cue, from: number, sEnd: number): number | null {
  let k = from;
  if (
    LISTENER_VERBS.has(cue.lemma) &&
    tokens[k] &&
    (tokens[k]!.pos === "PRON" ||
      tokens[k]!.pos === "PROPN" ||
      tokens[k]!.pos === "NOUN" ||
      tokens[k]!.pos === "DET")
  ) {
    // the listener: a pronoun or a short noun phrase
    const listener = k;
    if (tokens[k]!.pos === "PRON") k++;
    else {
      while (k < sEnd && ["DET", "ADJ", "NOUN", "PROPN"].includes(tokens[k]!.pos) && k - from < 5) k++;
    }
    // "urged both sides to resume talks": whom one urges or asks to act belongs to the content
    if (OBJECT_IN_CONTENT.has(cue.lemma) && tokens[k]?.lower === "to" && tokens[k + 1]?.pos === "VERB") k = listener;
  }
  // "said on Tuesday that", "said in a statement that": skip to "that" when no verb comes first
  // (a cue beyond the lexicon with an object: "is introducing a trial membership that gives …" — a relative "that")
  const objectFirst = isAdded(cue) && ["DET", "NOUN", "NUM", "ADJ"].includes(tokens[k]?.pos ?? "");
  for (let j = k; j < Math.min(sEnd, k + 9) && !objectFirst; j++) {
    if (CLAUSE_POS.has(tokens[j]!.pos)) break;
    if (tokens[j]!.lower === "that" && j > k) {
      k = j;
      break;
    }
  }
  k = skipAdjunct(tokens, k, sEnd);
  // a comma right after the verb closes its clause ("After the talks concluded, …"); a colon opens content
  // "cautioned, as did the campaign itself, that …": an aside with "as" before the content
  if (tokens[k]?.text === "," && tokens[k + 1]?.lower === "as") {
    let j = k + 2;
    while (j < sEnd && j - k < 10 && tokens[j]!.text !== ",") j++;
    if (tokens[j]?.text === "," && tokens[j + 1]?.lower === "that") k = j + 1;
  }
  if (tokens[k]?.text === ",") return null;
  if (tokens[k]?.text === ":") k++;
  // "complained about his mic", "has railed against the provisions": the preposition's object is the content
  // (not a time: "offered on Wednesday night")
  if (
    PREP_CONTENT.has(tokens[k]?.lower ?? "") &&
    tokens[k]!.pos === "ADP" &&
    ["DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"].includes(tokens[k + 1]?.pos ?? "") &&
    !temporalNP(tokens, k + 1, k + 1)
  )
    k++;
  return k;
}
