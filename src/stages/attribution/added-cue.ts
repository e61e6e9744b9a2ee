/**
 * Cues the learned tagger adds beyond the lexicon ("spent", "presented", "stopped") are right less
 * often than lexicon verbs: such a cue inverted ("spent much of her time …") needs a source that
 * can speak — a pronoun, a name, an organisation or a nominal-source head ("officials", "the
 * report") —, it is no statement inside a relative clause ("Osei, who presented the report, said"),
 * and when its content lies before it ("…, she stopped short of …") it must close its clause.
 * No cue takes a quantity as an inverted source ("… spent much of her allotted time").
 */
import type { Cue, Token } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { SUBJECT_PRONOUNS } from "./np/words.js";
import type { TokRange } from "./context.js";

export function isAdded(cue: Cue): boolean {
  return cue.added === true;
}

/** The head of a source: its last word before an appositive, a preposition or a relative clause. */
function headOf(tokens: Token[], [first, last]: TokRange): Token | undefined {
  let k = first;
  while (
    k + 1 <= last &&
    tokens[k + 1]!.text !== "," &&
    tokens[k + 1]!.text !== "(" &&
    tokens[k + 1]!.pos !== "ADP" &&
    !/^(who|whose|which|that)$/.test(tokens[k + 1]!.lower)
  )
    k++;
  return tokens[k];
}

/** A source that can say something: "she", "Osei", "the ministry", "Several residents". */
export function plausibleAgent(tokens: Token[], source: TokRange): boolean {
  const head = headOf(tokens, source);
  if (!head) return false;
  if (head.pos === "PRON") return SUBJECT_PRONOUNS.has(head.lower);
  if (head.pos === "PROPN") return true;
  const w = head.lower;
  return (
    LEXICON.nominalHeads.has(w) ||
    LEXICON.titles.has(w) ||
    LEXICON.organisationWords.has(w) ||
    LEXICON.nominalHeads.has(head.lemma) ||
    LEXICON.titles.has(head.lemma)
  );
}

const QUANTITY = /^(much|most|half|part|all|some|many|none|each|any|lots?)$/;

/** "Osei, who presented the report …, said": the relative clause closes with a comma before a lexicon cue verb. */
function insideSubject(tokens: Token[], cue: Cue): boolean {
  const s = tokens[cue.head]!.sentence;
  for (let k = cue.head + 1; k < tokens.length && tokens[k]!.sentence === s; k++) {
    if (tokens[k]!.text !== ",") continue;
    let v = k + 1;
    while (tokens[v]?.pos === "ADV" || tokens[v]?.pos === "AUX") v++;
    return tokens[v]?.pos === "VERB" && LEXICON.cueVerbs.has(tokens[v]!.lemma);
  }
  return false;
}

/** Whether the source found for a cue can be its speaker (see the file comment). */
export function credibleSource(tokens: Token[], cue: Cue, source: TokRange): boolean {
  const inverted = source[0] > cue.head && cue.form === "verb";
  const first = tokens[source[0]]!;
  if (inverted && (first.pos === "NUM" || (QUANTITY.test(first.lower) && tokens[source[0] + 1]?.lower === "of")))
    return false;
  if (!isAdded(cue)) return true;
  if (source[0] === source[1] && /^(who|which|that)$/.test(first.lower) && insideSubject(tokens, cue)) return false;
  return !inverted || plausibleAgent(tokens, source);
}

/** "…, she noted." / "…, he wrote on Monday.": nothing but punctuation, an adverb or an adjunct after the cue. */
export function closesClause(tokens: Token[], cue: Cue, after: number): boolean {
  const n = tokens[after];
  return !n || n.sentence !== tokens[cue.head]!.sentence || n.pos === "PUNCT" || n.pos === "ADP" || n.pos === "ADV";
}
