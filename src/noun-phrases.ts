/**
 * Noun-phrase chunks over tagged tokens, for finding the source of a cue: the subject to the left
 * of a verb ("Vladimir Medinsky, an aide to the Russian President, said"), or the noun phrase after
 * it in an inversion ("…," said Smith).
 */
import type { Token } from "./doc.js";

const NP_POS = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM"]);
const POSSESSIVES = new Set(["his", "her", "their", "its", "our", "my", "your"]);
const PP_JOINERS = new Set(["of", "for", "at", "from", "to", "with", "on"]);
export const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "i", "we", "it", "you", "who", "which", "that"]);
const SKIPPABLE_BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);

function isNP(t: Token | undefined): boolean {
  if (!t) return false;
  if (NP_POS.has(t.pos)) return !(t.pos === "DET" && t.lower === "that");
  if (t.text === "'s" || t.text === "\u2019s" || t.text === "'" || t.text === "\u2019") return true;
  if (t.pos === "PRON" && POSSESSIVES.has(t.lower)) return true;
  return false;
}

function isHead(t: Token): boolean {
  return t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "NUM" || (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower));
}

/** Extends an NP ending at `last` leftwards inside [min, last]; returns its first token. */
function npStartLeft(tokens: Token[], last: number, min: number): number {
  let j = last;
  while (j - 1 >= min && isNP(tokens[j - 1])) j--;
  // PP inside the NP: "a spokesman for the campaign", "Secretary of the Council of Ukraine"
  while (j - 2 >= min && PP_JOINERS.has(tokens[j - 1]!.lower) && isNP(tokens[j - 2]) && last - j < 16) {
    j -= 2;
    while (j - 1 >= min && isNP(tokens[j - 1])) j--;
  }
  return j;
}

/**
 * The subject of the verb at `verb`: [first, last] token indexes, or null. `min` is the first token
 * of the sentence (or clause) that may hold it.
 */
export function subjectLeft(tokens: Token[], verb: number, min: number): [number, number] | null {
  let j = verb - 1;
  while (j >= min && SKIPPABLE_BEFORE_VERB.has(tokens[j]!.pos) && tokens[j]!.lower !== "that") j--;
  if (j < min) return null;
  const t = tokens[j]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [j, j];
  if (t.pos === "DET" && (t.lower === "that" || t.lower === "which")) return [j, j];
  if (t.text === "," && j - 1 >= min) {
    // an appositive: NP , APPOSITIVE , verb
    let k = j - 1;
    while (k > min && tokens[k]!.text !== "," && tokens[k]!.pos !== "VERB" && j - k < 20) k--;
    if (k > min && tokens[k]!.text === "," && isHead(tokens[k - 1]!)) {
      const inner = npStartLeft(tokens, j - 1, k + 1);
      if (inner <= k + 2) {
        const first = npStartLeft(tokens, k - 1, min);
        return [first, j - 1];
      }
    }
    return null;
  }
  if (!isHead(t)) return null;
  const first = npStartLeft(tokens, j, min);
  return [first, j];
}

/** The NP starting at `from` (inversion: "said the spokesman for X"), with an appositive. */
export function npRight(tokens: Token[], from: number, max: number): [number, number] | null {
  if (from > max) return null;
  const t = tokens[from]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [from, from];
  let j = from;
  while (j <= max && isNP(tokens[j])) j++;
  while (j + 1 <= max && PP_JOINERS.has(tokens[j]!.lower) && isNP(tokens[j + 1])) {
    j++;
    while (j <= max && isNP(tokens[j])) j++;
  }
  let last = j - 1;
  if (last < from || !isHead(tokens[last]!)) return null;
  // appositive: ", a spokesman for the campaign" up to the next comma or the sentence end
  if (tokens[j]?.text === "," && j + 1 <= max && (tokens[j + 1]!.pos === "DET" || tokens[j + 1]!.pos === "NOUN" || tokens[j + 1]!.pos === "PROPN" || tokens[j + 1]!.pos === "ADJ")) {
    let k = j + 1;
    while (k <= max && (isNP(tokens[k]) || PP_JOINERS.has(tokens[k]!.lower) || tokens[k]!.pos === "CCONJ")) k++;
    if (k > max || tokens[k]!.pos === "PUNCT") last = k - 1;
  }
  return [from, last];
}
