/**
 * Noun phrases to the right: the source after an inverted cue ("…," said Smith, a lawyer for the
 * family) and after "according to".
 */
import type { Token } from "../../../doc.js";
import { QUOTE_MARK } from "../../../text/quote-marks.js";
import { isHead, isNP, npAt, PP_JOINERS, SUBJECT_PRONOUNS, temporalNP, verbBeforeNoun } from "./words.js";

/** "(D-Va.)" right after a name: its end, or `last` when there is none. */
function parenthesis(tokens: Token[], last: number, max: number): number {
  if (tokens[last + 1]?.text !== "(") return last;
  for (let k = last + 2; k <= max && k - last < 8; k++) if (tokens[k]!.text === ")") return k;
  return last;
}

/** A participle or conjunction after a comma ends an appositive tail: ", adding …", ", but …". */
function endsTail(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (
    QUOTE_MARK.test(t.text) ||
    t.text === ";" ||
    t.text === ":" ||
    (t.pos === "PUNCT" && /^[.?!]$/.test(t.text))
  )
    return true;
  if (t.text !== ",") return false;
  const n = tokens[k + 1];
  if (!n) return true;
  return (
    (n.pos === "VERB" && /ing$/.test(n.lower)) ||
    n.pos === "CCONJ" ||
    n.pos === "SCONJ" ||
    n.lower === "according" ||
    // ("…, said Smith, in a statement": an adjunct, not an appositive)
    (n.pos === "ADP" && /^(in|on|at|during|after|before)$/.test(n.lower)) ||
    QUOTE_MARK.test(n.text)
  );
}

/**
 * The NP starting at `from` (inversion: "said the spokesman for X"), with a parenthesis and an
 * appositive or relative tail up to the sentence end (", a broker based in Tampa, who …").
 */
/** A short run of words up to a comma or the sentence end, with no quotation mark in it. */
function upToComma(tokens: Token[], from: number, max: number): [number, number] | null {
  let k = from;
  while (k <= max && k - from < 8 && tokens[k]!.text !== "," && !QUOTE_MARK.test(tokens[k]!.text) && /[\p{L}\p{N}]/u.test(tokens[k]!.text)) k++;
  return k > from && (k > max || tokens[k]!.text === "," || /^[.?!]$/.test(tokens[k]!.text)) ? [from, k - 1] : null;
}

/** "on Friday", "on Friday night" — but not "Morning Consult", a name that starts with a time word. */
function timeAt(tokens: Token[], k: number, max: number): boolean {
  const next = tokens[k + 1];
  if (/^\p{Lu}/u.test(tokens[k]!.text) && next && /^\p{Lu}/u.test(next.text) && !temporalNP(tokens, k + 1, k + 1)) return false;
  return temporalNP(tokens, k, k) || (k + 1 <= max && temporalNP(tokens, k, k + 1));
}

/** "Holtz-Eakin": a hyphen with no space on either side joins a capitalised part to the name. */
function hyphenJoin(tokens: Token[], k: number, max: number): boolean {
  const h = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return (
    h?.text === "-" && k + 1 <= max && prev !== undefined && next !== undefined &&
    prev.end === h.start && h.end === next.start && /^\p{Lu}/u.test(next.text) && /^\p{Lu}/u.test(prev.text)
  );
}

export function npRight(tokens: Token[], from: number, max: number, tail = true): [number, number] | null {
  if (from > max) return null;
  const t = tokens[from]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [from, from];
  if (!npAt(tokens, from) && !verbBeforeNoun(tokens, from)) return null;
  let j = from;
  while (j <= max && (npAt(tokens, j) || verbBeforeNoun(tokens, j) || hyphenJoin(tokens, j, max))) {
    j += hyphenJoin(tokens, j, max) ? 2 : 1;
  }
  // (not a time: "said Smith on Friday")
  while (j + 1 <= max && PP_JOINERS.has(tokens[j]!.lower) && isNP(tokens[j + 1]) && !timeAt(tokens, j + 1, max)) {
    j++;
    while (j <= max && isNP(tokens[j])) j++;
  }
  let last = j - 1;
  // "a source involved in …": a trailing adjective or participle is not the head
  while (last > from && tokens[last]!.pos === "ADJ" && tokens[last + 1]?.pos === "ADP") last--;
  if (last < from || !isHead(tokens[last]!)) return null;
  last = parenthesis(tokens, last, max);
  const comma = tokens[last + 1];
  const n = tokens[last + 2];
  if (
    tail &&
    comma?.text === "," &&
    n &&
    last + 2 <= max &&
    (isNP(n) || n.lower === "who" || n.lower === "whose" || n.lower === "of") &&
    !endsTail(tokens, last + 1)
  ) {
    let k = last + 2;
    while (k + 1 <= max && !endsTail(tokens, k + 1)) k++;
    if (k - last < 40) last = k;
  }
  return [from, last];
}

/** The source after "according to": its noun phrase and what qualifies it up to a comma or the sentence end ("exit polls conducted by Edison Research for the networks"). */
export function accordingSource(tokens: Token[], from: number, max: number): [number, number] | null {
  // ("according to police/VERB, …": a tagger slip; the words up to the comma are the source)
  const np = npRight(tokens, from, max, false) ?? upToComma(tokens, from, max);
  if (!np) return null;
  let last = np[1];
  while (last + 1 <= max && last - from < 30) {
    const n = tokens[last + 1]!;
    if (
      n.text === "," ||
      n.text === ";" ||
      n.text === "(" ||
      QUOTE_MARK.test(n.text) ||
      /^[.?!:]+$/.test(n.text) ||
      n.lower === "that" ||
      n.pos === "AUX"
    )
      break;
    last++;
  }
  // "according to a report by the city auditor, Dr. Helen Osei, sales tax …": a name set off by commas is the source's appositive
  if (tokens[last + 1]?.text === ",") {
    let k = last + 2;
    while (k <= max && k - last < 7 && (tokens[k]!.pos === "PROPN" || /^(dr|mr|mrs|ms|prof)\.?$/i.test(tokens[k]!.text))) k++;
    if (k > last + 2 && tokens[k]?.text === "," && tokens[k - 1]!.pos === "PROPN") last = k - 1;
  }
  return [from, last];
}

