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
const TEMPORAL = new Set(["today", "yesterday", "tonight", "tomorrow"]);
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

type Chunk = "np" | "tail" | "other";

/** A tagger "VERB" inside a noun phrase: "the authority's lead hydrologist", "shipping lines". */
function taggedVerbInNP(tokens: Token[], k: number, a: number, b: number): boolean {
  const next = tokens[k + 1];
  const prev = tokens[k - 1];
  if (k >= b || !next || !(next.pos === "NOUN" || next.pos === "PROPN")) return false;
  return k === a || (prev !== undefined && (isNP(prev) || prev.pos === "PART"));
}

function chunkKind(tokens: Token[], a: number, b: number): Chunk {
  if (b < a || b - a > 24) return "other";
  const first = tokens[a]!;
  if (first.lower === "who" || first.lower === "whose" || (first.pos === "NUM" && a === b)) return "tail";
  // a participial aside: "Jane Roe, speaking after the talks, said"
  if (first.pos === "VERB" && /(ing|ed)$/.test(first.lower) && a > 0 && tokens[a - 1]!.text === ",") return "tail";
  if (!(isNP(first) || (first.pos === "PRON" && SUBJECT_PRONOUNS.has(first.lower)))) return "other";
  for (let k = a; k <= b; k++) {
    const t = tokens[k]!;
    // a relative clause ends the noun part: "a Democrat whose district covers …"
    if ((t.lower === "who" || t.lower === "whose") && k > a) return "np";
    if (QUOTE_MARK.test(t.text)) return "other";
    if (t.pos === "AUX" || (t.pos === "VERB" && !taggedVerbInNP(tokens, k, a, b))) return "other";
  }
  return "np";
}

/**
 * "Jane Roe, director of the Fund, a think tank, said": comma-separated chunks before the verb
 * (whose token before is the comma at `comma`); the subject starts at the earliest NP chunk of an
 * unbroken chain of NP, age and relative-clause chunks.
 */
function subjectChain(tokens: Token[], comma: number, min: number): [number, number] | null {
  let end = comma - 1;
  let start: number | null = null;
  while (end >= min) {
    let a = end;
    while (a - 1 >= min && tokens[a - 1]!.text !== "," && !QUOTE_MARK.test(tokens[a - 1]!.text) && end - a < 30) a--;
    let kind = chunkKind(tokens, a, end);
    if (kind === "other" && tokens[a]!.lower !== "who" && tokens[a]!.lower !== "whose") break;
    if (kind === "other") kind = "tail";
    if (kind === "np") start = a;
    if (a - 1 < min || tokens[a - 1]!.text !== ",") break;
    end = a - 2;
  }
  return start === null ? null : [start, comma - 1];
}

/**
 * The subject of the verb at `verb`: [first, last] token indexes, or null. `min` is the first token
 * of the sentence (or clause) that may hold it.
 */
export function subjectLeft(tokens: Token[], verb: number, min: number): [number, number] | null {
  let j = verb - 1;
  while (j >= min && (SKIPPABLE_BEFORE_VERB.has(tokens[j]!.pos) || TEMPORAL.has(tokens[j]!.lower)) && tokens[j]!.lower !== "that") j--;
  if (j < min) return null;
  const t = tokens[j]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [j, j];
  if (t.pos === "DET" && (t.lower === "that" || t.lower === "which")) return [j, j];
  if (t.text === "," && j - 1 >= min) return subjectChain(tokens, j, min);
  if (!isHead(t)) return null;
  const first = npStartLeft(tokens, j, min);
  return [first, j];
}

const QUOTE_MARK = /^(?:["“”«»]|'')$/;

/** "(D-Va.)" right after a name: its end, or `last` when there is none. */
function parenthesis(tokens: Token[], last: number, max: number): number {
  if (tokens[last + 1]?.text !== "(") return last;
  for (let k = last + 2; k <= max && k - last < 8; k++) if (tokens[k]!.text === ")") return k;
  return last;
}

/** A participle or conjunction after a comma ends an appositive tail: ", adding …", ", but …". */
function endsTail(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (QUOTE_MARK.test(t.text) || t.text === ";" || t.text === ":" || (t.pos === "PUNCT" && /^[.?!]$/.test(t.text))) return true;
  if (t.text !== ",") return false;
  const n = tokens[k + 1];
  if (!n) return true;
  return (n.pos === "VERB" && /ing$/.test(n.lower)) || n.pos === "CCONJ" || n.pos === "SCONJ" || n.lower === "according" || QUOTE_MARK.test(n.text);
}

/**
 * The NP starting at `from` (inversion: "said the spokesman for X"), with a parenthesis and an
 * appositive or relative tail up to the sentence end (", a broker based in Tampa, who …").
 */
export function npRight(tokens: Token[], from: number, max: number, tail = true): [number, number] | null {
  if (from > max) return null;
  const t = tokens[from]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [from, from];
  if (!isNP(t)) return null;
  let j = from;
  while (j <= max && isNP(tokens[j])) j++;
  while (j + 1 <= max && PP_JOINERS.has(tokens[j]!.lower) && isNP(tokens[j + 1])) {
    j++;
    while (j <= max && isNP(tokens[j])) j++;
  }
  let last = j - 1;
  if (last < from || !isHead(tokens[last]!)) return null;
  last = parenthesis(tokens, last, max);
  const comma = tokens[last + 1];
  const n = tokens[last + 2];
  if (tail && comma?.text === "," && n && last + 2 <= max && (isNP(n) || n.lower === "who" || n.lower === "whose") && !endsTail(tokens, last + 1)) {
    let k = last + 2;
    while (k + 1 <= max && !endsTail(tokens, k + 1)) k++;
    if (k - last < 40) last = k;
  }
  return [from, last];
}
