/**
 * Noun-phrase words over tagged tokens: what may sit in a noun phrase, its head, name particles,
 * tagger slips inside names ("said Don/VERB Fowler", "exit/VERB polls"), time expressions, and
 * the walk leftwards over a noun phrase's words.
 */
import type { Token } from "../../../doc.js";
import { LEXICON } from "../../../lexicons/lexicon.js";

const NP_POS = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM"]);
const POSSESSIVES = new Set(["his", "her", "their", "its", "our", "my", "your"]);
export const PP_JOINERS = new Set(["of", "for", "at", "from", "to", "with", "on"]);
/** "a narrator in the ad", "a 2014 study by Harvard": inside a subject, not after an inverted cue ("said Smith in an interview") */
const LEFT_ONLY_JOINERS = new Set(["in", "by"]);
export const SUBJECT_PRONOUNS = new Set([
  "he",
  "she",
  "they",
  "i",
  "we",
  "it",
  "you",
  "who",
  "which",
  "that",
]);
export function isNP(t: Token | undefined): boolean {
  if (!t) return false;
  if (NP_POS.has(t.pos)) return !(t.pos === "DET" && t.lower === "that");
  if (t.text === "'s" || t.text === "\u2019s" || t.text === "'" || t.text === "\u2019") return true;
  if (t.pos === "PRON" && POSSESSIVES.has(t.lower)) return true;
  return false;
}

/** A name particle before a capitalised proper noun: "De Vries", "said van der Berg". */
export function isParticle(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const n = tokens[k + 1];
  if (!t || !n || !LEXICON.nameParticles.has(t.lower) || !/^\p{Lu}/u.test(n.text)) return false;
  return (n.pos === "PROPN" || isParticle(tokens, k + 1)) && n.start - t.end <= 1;
}

/** An NP word at k, a name particle included. */
export function npAt(tokens: Token[], k: number): boolean {
  return isNP(tokens[k]) || isParticle(tokens, k);
}

export function isHead(t: Token): boolean {
  return (
    t.pos === "PROPN" ||
    t.pos === "NOUN" ||
    t.pos === "NUM" ||
    (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower))
  );
}

const QUANTIFIERS = new Set(["about", "nearly", "almost", "roughly", "around", "some", "only", "over"]);

/** Steps left over NP words, "teary-eyed" / "Reuters/Ipsos" joins, a capitalised "verb" inside a name, "six in 10". */
function npWordsLeft(tokens: Token[], j: number, min: number): number {
  for (;;) {
    const p = tokens[j - 1];
    const cur = tokens[j]!;
    if (j - 1 < min || !p) return j;
    if (npAt(tokens, j - 1)) j--;
    // "Several shipping lines", "52 percent of registered voters": a participle between NP words
    // (or after "of") modifies the noun after it
    else if (
      p.pos === "VERB" &&
      /(ing|ed)$/.test(p.lower) &&
      cur.pos === "NOUN" &&
      j - 2 >= min &&
      (isNP(tokens[j - 2]) || tokens[j - 2]!.pos === "ADJ" || tokens[j - 2]!.lower === "of") &&
      tokens[j - 2]!.pos !== "NOUN"
    )
      j--;
    else if (
      (p.text === "-" || p.text === "/") &&
      j - 2 >= min &&
      p.start === tokens[j - 2]!.end &&
      p.end === cur.start
    )
      j -= 2;
    else if (
      tokens[j - 2]?.text === "-" &&
      j - 3 >= min &&
      tokens[j - 2]!.end === p.start &&
      tokens[j - 2]!.start === tokens[j - 3]!.end &&
      /^\p{L}/u.test(p.text)
    )
      j -= 3;
    else if (p.pos === "VERB" && /^\p{Lu}/u.test(p.text) && cur.pos === "PROPN" && j - 1 > min) j--;
    else if (p.lower === "in" && cur.pos === "NUM" && tokens[j - 2]?.pos === "NUM" && j - 2 >= min) j -= 2;
    else return j;
  }
}

/** Extends an NP ending at `last` leftwards inside [min, last]; returns its first token. */
export function npStartLeft(tokens: Token[], last: number, min: number): number {
  let j = npWordsLeft(tokens, last, min);
  // PP inside the NP: "a spokesman for the campaign", "Secretary of the Council of Ukraine"
  while (j - 2 >= min && (PP_JOINERS.has(tokens[j - 1]!.lower) || LEFT_ONLY_JOINERS.has(tokens[j - 1]!.lower)) && isNP(tokens[j - 2]) && last - j < 16) {
    j = npWordsLeft(tokens, j - 2, min);
  }
  // "Former Secretary of State and Democratic frontrunner Hillary Clinton", when nothing precedes but the clause start
  if (j - 2 >= min && tokens[j - 1]!.lower === "and" && isHead(tokens[j - 2]!)) {
    const k = npStartLeft(tokens, j - 2, min);
    if (k === min || !["VERB", "AUX", "ADP"].includes(tokens[k - 1]!.pos)) j = k;
  }
  if (j - 1 >= min && QUANTIFIERS.has(tokens[j - 1]!.lower)) j--;
  return j;
}

const TIME_HEADS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|weekend|month|year|day|morning|afternoon|evening|night|decade|century|spring|summer|fall|autumn|winter|\d{4})$/;

/** "this month", "late August", "last week", "Friday", "2010": a time expression. */
export function temporalNP(tokens: Token[], first: number, last: number): boolean {
  if (last - first > 3 || !TIME_HEADS.test(tokens[last]!.lower)) return false;
  return tokens.slice(first, last).every((t) => /^(this|last|next|early|late|mid|the|that|each|every|same)$/.test(t.lower) || TIME_HEADS.test(t.lower));
}

/** "exit/VERB polls": a bare verb form right before a noun is a compound's first noun. */
export function verbBeforeNoun(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.pos === "VERB" && !/(ing|ed|s)$/.test(t.lower) && tokens[k + 1]?.pos === "NOUN";
}

