/**
 * The subject of a verb, found leftwards: "Vladimir Medinsky, an aide to the Russian President,
 * said" (a chain of comma-separated noun-phrase chunks, appositives and relative clauses), "Several
 * residents who spoke … said", "Sen. John Cornyn (R-Texas) told", quantifiers ("all agreed"), and
 * past a time ("just this month announced").
 */
import type { Token } from "../../../doc.js";
import { QUOTE_MARK } from "../../../text/quote-marks.js";
import { isHead, isNP, npStartLeft, SUBJECT_PRONOUNS, temporalNP } from "./words.js";

const QUANTIFIER_SUBJECTS = new Set(["all", "some", "many", "most", "several", "both", "others", "few", "everyone", "someone", "nobody", "critics", "supporters"]);
const TEMPORAL = new Set(["today", "yesterday", "tonight", "tomorrow"]);
const SKIPPABLE_BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);

type Chunk = "np" | "tail" | "aside" | "other";

/** what separates a subject from its appositives: commas and dashes */
const SEPARATOR = /^[,\u2014\u2013]$/;

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
  // a participial aside: "Jane Roe, speaking after the talks, said" (PolNeAR train leaves an -ing
  // aside out of the source 19 times in 21)
  if (first.pos === "VERB" && /ing$/.test(first.lower) && a > 0 && tokens[a - 1]!.text === ",") return "aside";
  if (first.pos === "VERB" && /ed$/.test(first.lower) && a > 0 && tokens[a - 1]!.text === ",") return "tail";
  // a participial or prepositional aside: "Jane Roe, clad in red, said", "Trump, in Kentucky, said"
  if (
    a > 0 &&
    SEPARATOR.test(tokens[a - 1]!.text) &&
    ((first.pos === "VERB" && /^\p{Ll}/u.test(first.text)) ||
      (first.pos === "ADP" && a < b) ||
      (first.pos === "ADV" && a === b))
  )
    return "aside";
  if (!(isNP(first) || (first.pos === "PRON" && SUBJECT_PRONOUNS.has(first.lower)))) return "other";
  // a dateline is no appositive: "DENVER, Oct. 15 — Brightwell Health said"
  if (/^\p{Lu}{3,}$/u.test(first.text) && /^[,(]$/.test(tokens[a + 1]?.text ?? "")) return "other";
  for (let k = a; k <= b; k++) {
    const t = tokens[k]!;
    // a relative clause ends the noun part: "a Democrat whose district covers …"
    if ((t.lower === "who" || t.lower === "whose") && k > a) return "np";
    // a reduced relative ends it too: "one of the states suing the EPA"
    if (t.pos === "VERB" && /^\p{Ll}+(ing|ed)$/u.test(t.text) && k > a && tokens[k - 1]!.pos === "NOUN") return "np";
    if (QUOTE_MARK.test(t.text)) return "other";
    // "the House Ways and Means Committee": a capitalised "verb" inside a name
    if (t.pos === "VERB" && k > a && /^\p{Lu}/u.test(t.text)) continue;
    // "a policy-focused conservative"
    if (t.pos === "VERB" && k > a && tokens[k - 1]!.text === "-" && tokens[k - 1]!.end === t.start) continue;
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
  // asides right before the verb are not part of the source: "Trump, in Kentucky, said"
  let last = comma - 1;
  while (end >= min) {
    let a = end;
    while (
      a - 1 >= min &&
      !SEPARATOR.test(tokens[a - 1]!.text) &&
      !QUOTE_MARK.test(tokens[a - 1]!.text) &&
      end - a < 30
    )
      a--;
    let kind = chunkKind(tokens, a, end);
    if (kind === "other" && tokens[a]!.lower !== "who" && tokens[a]!.lower !== "whose") break;
    if (kind === "other") kind = "tail";
    if (kind === "np") start = a;
    else if (kind === "aside" && start === null) last = a - 2;
    if (a - 1 < min || !SEPARATOR.test(tokens[a - 1]!.text)) break;
    // a dash after a dateline ("DENVER, Oct. 15, 2025 — Brightwell Health …") ends the chain
    if (
      tokens[a - 1]!.text !== "," &&
      tokens.slice(min, a - 1).some((t) => t.pos === "NUM" || /^\p{Lu}{3,}$/u.test(t.text))
    )
      break;
    end = a - 2;
  }
  return start === null || last < start ? null : [start, last];
}

/**
 * "Several residents who spoke during the public comment period said": a "who" clause between the
 * subject's head and its verb belongs to the subject; the first token of that subject, or null.
 */
function relativeSubject(tokens: Token[], first: number, min: number): number | null {
  for (let k = first - 1; k > min && first - k <= 14; k--) {
    const t = tokens[k]!;
    if (t.text === "," || QUOTE_MARK.test(t.text) || t.pos === "PUNCT") return null;
    // ("The company that hired workers said": "that" as a relative pronoun right after a noun)
    if (t.lower !== "who" && !(t.lower === "that" && tokens[k + 1]?.pos === "VERB")) continue;
    const ante = tokens[k - 1]!;
    if (!(ante.pos === "NOUN" || ante.pos === "PROPN")) return null;
    // the relative clause has a verb of its own
    if (!tokens.slice(k + 1, first).some((x) => x.pos === "VERB")) return null;
    return npStartLeft(tokens, k - 1, min);
  }
  return null;
}

/**
 * The subject of the verb at `verb`: [first, last] token indexes, or null. `min` is the first token
 * of the sentence (or clause) that may hold it.
 */
export function subjectLeft(tokens: Token[], verb: number, min: number): [number, number] | null {
  let j = verb - 1;
  while (
    j >= min &&
    (SKIPPABLE_BEFORE_VERB.has(tokens[j]!.pos) || TEMPORAL.has(tokens[j]!.lower)) &&
    tokens[j]!.lower !== "that"
  )
    j--;
  if (j < min) return null;
  const t = tokens[j]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [j, j];
  if (t.pos === "DET" && (t.lower === "that" || t.lower === "which")) return [j, j];
  // "all agreed", "Some believe", "Democrats all noted": a quantifier as the subject, with the names it follows
  if (QUANTIFIER_SUBJECTS.has(t.lower) && ["DET", "PRON", "ADJ", "NOUN", "ADV"].includes(t.pos)) {
    const ante = tokens[j - 1];
    const names = ante && ante.text !== "," && ante.pos !== "PRON" ? subjectLeft(tokens, j, min) : null;
    return [names ? names[0] : j, j];
  }
  if (SEPARATOR.test(t.text) && j - 1 >= min) return subjectChain(tokens, j, min);
  // "Sen. John Cornyn (R-Texas) told …": a parenthesis after the name belongs to the source
  let head = j;
  if (t.text === ")") {
    let open = j - 1;
    while (open > min && j - open < 8 && tokens[open]!.text !== "(") open--;
    if (tokens[open]?.text !== "(" || open - 1 < min || tokens[open - 1]!.pos !== "PROPN") return null;
    head = open - 1;
  }
  // "Cook said …": a sentence-initial name the tagger took for a verb
  const nameAsVerb =
    head === min && head === j && tokens[head]!.pos === "VERB" && /^\p{Lu}\p{Ll}+$/u.test(tokens[head]!.text);
  if (nameAsVerb) return [head, head];
  // "The state attorney general is confirming", "Ivana Trump's brief said": a noun the tagger read as an adjective
  const before = tokens[head - 1];
  const adjectiveHead =
    tokens[head]!.pos === "ADJ" && head > min && before !== undefined && (["NOUN", "PROPN", "DET"].includes(before.pos) || isNP(before) && before.pos === "PART");
  if (!isHead(tokens[head]!) && !adjectiveHead) return null;
  const first = npStartLeft(tokens, head, min);
  // "Wells Fargo just this month announced", "A poll released in late August found": a time is no subject
  if (temporalNP(tokens, first, j)) {
    let k = first - 1;
    if (k >= min && tokens[k]!.pos === "ADP") k--; // "who in 2010 said"
    if (k < min) return null;
    // "A poll released in late August found": the noun before a reduced relative
    const p = tokens[k]!;
    if (p.pos === "VERB" && /ed$/.test(p.lower) && k - 1 >= min && isHead(tokens[k - 1]!) && tokens[k - 1]!.pos !== "PRON")
      return [npStartLeft(tokens, k - 1, min), k - 1];
    return subjectLeft(tokens, k + 1, min);
  }
  return [relativeSubject(tokens, first, min) ?? first, j];
}

