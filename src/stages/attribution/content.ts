/**
 * Where the content of an indirect statement lies, as token ranges: to the right of the cue
 * ("said (on Tuesday) that …", "told reporters …", "urged X to …", "According to X, …") or to the
 * left ("…, he said." / "…, according to X.").
 */
import type { Cue, Token } from "../../doc.js";
import { OPENS_WITH_QUOTE } from "../../text/quote-marks.js";
import { contentStop, TRAILING, trimEnd } from "./content-end.js";

const OPEN_FRAMES: ReadonlySet<string> = new Set(["that", "to", "object"]);
import { isAdded } from "./added-cue.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { bareClauseStart, CLAUSE_POS, contentStart } from "./content-start.js";

type TokRange = [number, number];

export function rightContent(
  tokens: Token[],
  cue: Cue,
  from: number,
  sEnd: number,
  cues: Cue[],
): TokRange | null {
  if (from >= sEnd) return null;
  const verb = LEXICON.cueVerbs.get(cue.lemma);
  let k = from;
  if (cue.type === "according-to") {
    // "According to X, content": skip to the comma after the source
    while (k < sEnd && tokens[k]!.text !== ",") k++;
    k++;
    if (k >= sEnd) return null;
  } else {
    const start = contentStart(tokens, cue, k, sEnd);
    if (start === null) return null;
    k = start;
    let first = tokens[k];
    if (!first) return null;
    // a cue beyond the lexicon (found by the learned tagger) may take a clause, "to" or an object
    const frames = verb?.frames ?? OPEN_FRAMES;
    const startsThat = first.lower === "that";
    // ("vowed not to repeat that mistake")
    if (first.lower === "not" && tokens[k + 1]?.lower === "to") first = tokens[k + 1]!;
    const startsTo = first.lower === "to" && (frames.has("to") || cue.form === "phrase");
    let clause = false;
    // (a quoted phrase in the subject leaves the window wider: said "budget reforms" and the collection of taxes would …)
    const window = OPENS_WITH_QUOTE.test(first.text) ? 16 : 10;
    for (let j = k + 1; j < Math.min(sEnd, k + window); j++) {
      if (CLAUSE_POS.has(tokens[j]!.pos)) {
        clause = true;
        break;
      }
      if (tokens[j]!.text === "," || tokens[j]!.lower === "that") break;
    }
    const subjectLike =
      ["PRON", "PROPN", "NOUN", "DET", "NUM", "ADJ"].includes(first.pos) ||
      OPENS_WITH_QUOTE.test(first.text) ||
      bareClauseStart(first, frames);
    const gerund = first.pos === "VERB" && first.lower.endsWith("ing");
    // any cue may take a noun phrase as its content ("noted Bill Clinton's comments", "disputes the
    // idea …": PolNeAR's contents; on the held-out tenth of train, allowing it beyond the lexicon's
    // object frames raised attribution F1+src 59.1 → 60.2) — a cue beyond the lexicon takes a noun
    // phrase, not an adjective ("stopped short of …")
    const object = (subjectLike || gerund) && !(isAdded(cue) && (first.pos === "ADJ" || first.pos === "ADV"));
    if (cue.form === "nominal") {
      if (!startsThat) return null;
    } else if (!(startsThat || startsTo || (subjectLike && clause) || object || cue.form === "phrase")) {
      return null;
    }
  }
  const stop = contentStop(tokens, k, sEnd, cues);
  const last = trimEnd(tokens, k, stop - 1);
  // one word is content only as a name or noun object ("endorses Clinton"), not "said so"
  if (last - k < 1 && !(last === k && (tokens[k]!.pos === "PROPN" || tokens[k]!.pos === "NOUN"))) return null;
  return [k, last];
}

/** "…, he said." / "…, said Smith." / "…, according to X." — content before the cue's clause. */
export function leftContent(
  tokens: Token[],
  _cue: Cue,
  source: TokRange | null,
  sFirst: number,
  head: number,
): TokRange | null {
  let clauseStart = head;
  if (source && source[0] < head) clauseStart = source[0];
  // step over adverbs/auxiliaries between the source and the verb: "…, he also said"
  let j = clauseStart - 1;
  if (j < sFirst || tokens[j]!.text !== ",") return null;
  j--;
  while (j >= sFirst && TRAILING.test(tokens[j]!.text) && !/["”’]/.test(tokens[j]!.text)) j--;
  if (j - sFirst < 2) return null;
  return [sFirst, j];
}
