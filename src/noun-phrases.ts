/**
 * Noun-phrase chunks over tagged tokens, for finding the source of a cue: the subject to the left
 * of a verb ("Vladimir Medinsky, an aide to the Russian President, said"), or the noun phrase after
 * it in an inversion ("…," said Smith).
 */
import type { Token } from "./doc.js";

const NP_POS = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM"]);
const POSSESSIVES = new Set(["his", "her", "their", "its", "our", "my", "your"]);
const PP_JOINERS = new Set(["of", "for", "at", "from", "to", "with", "on"]);
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
const QUANTIFIER_SUBJECTS = new Set(["all", "some", "many", "most", "several", "both", "others", "few", "everyone", "someone", "nobody", "critics", "supporters"]);
const TEMPORAL = new Set(["today", "yesterday", "tonight", "tomorrow"]);
const SKIPPABLE_BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);

function isNP(t: Token | undefined): boolean {
  if (!t) return false;
  if (NP_POS.has(t.pos)) return !(t.pos === "DET" && t.lower === "that");
  if (t.text === "'s" || t.text === "\u2019s" || t.text === "'" || t.text === "\u2019") return true;
  if (t.pos === "PRON" && POSSESSIVES.has(t.lower)) return true;
  return false;
}

const PARTICLES = new Set(["de", "van", "von", "der", "den", "ter", "ten", "al", "el", "da", "di", "du", "le", "la", "dos", "del"]);

/** A name particle before a capitalised proper noun: "De Vries", "said van der Berg". */
function isParticle(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const n = tokens[k + 1];
  if (!t || !n || !PARTICLES.has(t.lower) || !/^\p{Lu}/u.test(n.text)) return false;
  return (n.pos === "PROPN" || isParticle(tokens, k + 1)) && n.start - t.end <= 1;
}

/** An NP word at k, a name particle included. */
function npAt(tokens: Token[], k: number): boolean {
  return isNP(tokens[k]) || isParticle(tokens, k);
}

function isHead(t: Token): boolean {
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
    // "Several shipping lines": a participle between NP words modifies the noun after it
    else if (
      p.pos === "VERB" &&
      /ing$/.test(p.lower) &&
      cur.pos === "NOUN" &&
      j - 2 >= min &&
      (isNP(tokens[j - 2]) || tokens[j - 2]!.pos === "ADJ") &&
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
function npStartLeft(tokens: Token[], last: number, min: number): number {
  let j = npWordsLeft(tokens, last, min);
  // PP inside the NP: "a spokesman for the campaign", "Secretary of the Council of Ukraine"
  while (j - 2 >= min && PP_JOINERS.has(tokens[j - 1]!.lower) && isNP(tokens[j - 2]) && last - j < 16) {
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

type Chunk = "np" | "tail" | "aside" | "other";

const QUOTE_MARK = /^(?:["“”«»]|'')$/;
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
    if (t.lower !== "who") continue;
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

const TIME_HEADS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|weekend|month|year|day|morning|afternoon|evening|night|decade|century|spring|summer|fall|autumn|winter|\d{4})$/;

/** "this month", "late August", "last week", "Friday", "2010": a time expression. */
export function temporalNP(tokens: Token[], first: number, last: number): boolean {
  if (last - first > 3 || !TIME_HEADS.test(tokens[last]!.lower)) return false;
  return tokens.slice(first, last).every((t) => /^(this|last|next|early|late|mid|the|that|each|every|same)$/.test(t.lower) || TIME_HEADS.test(t.lower));
}

/** "exit/VERB polls": a bare verb form right before a noun is a compound's first noun. */
function verbBeforeNoun(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.pos === "VERB" && !/(ing|ed|s)$/.test(t.lower) && tokens[k + 1]?.pos === "NOUN";
}

/** A capitalised word the tagger took for a verb inside a name: "said Don Fowler", "for Morning Consult". */
export function nameWordAsVerb(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.pos !== "VERB" || !/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
  const near = (x: Token | undefined) =>
    x !== undefined && (x.pos === "PROPN" || x.pos === "NOUN") && /^\p{Lu}/u.test(x.text) && x.sentence === t.sentence;
  return near(tokens[k + 1]) || near(tokens[k - 1]);
}

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
    QUOTE_MARK.test(n.text)
  );
}

/**
 * The NP starting at `from` (inversion: "said the spokesman for X"), with a parenthesis and an
 * appositive or relative tail up to the sentence end (", a broker based in Tampa, who …").
 */
export function npRight(tokens: Token[], from: number, max: number, tail = true): [number, number] | null {
  if (from > max) return null;
  const t = tokens[from]!;
  if (t.pos === "PRON" && SUBJECT_PRONOUNS.has(t.lower)) return [from, from];
  if (!npAt(tokens, from) && !nameWordAsVerb(tokens, from) && !verbBeforeNoun(tokens, from)) return null;
  let j = from;
  while (j <= max && (npAt(tokens, j) || nameWordAsVerb(tokens, j) || verbBeforeNoun(tokens, j))) j++;
  while (j + 1 <= max && PP_JOINERS.has(tokens[j]!.lower) && isNP(tokens[j + 1])) {
    j++;
    while (j <= max && (isNP(tokens[j]) || nameWordAsVerb(tokens, j))) j++;
  }
  let last = j - 1;
  // "a source involved in …": a trailing adjective or participle is not the head
  while (last > from && tokens[last]!.pos === "ADJ" && tokens[last + 1]?.pos === "ADP") last--;
  if (last < from || !(isHead(tokens[last]!) || nameWordAsVerb(tokens, last))) return null;
  last = parenthesis(tokens, last, max);
  const comma = tokens[last + 1];
  const n = tokens[last + 2];
  if (
    tail &&
    comma?.text === "," &&
    n &&
    last + 2 <= max &&
    (isNP(n) || n.lower === "who" || n.lower === "whose") &&
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
  const np = npRight(tokens, from, max, false);
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
  return [from, last];
}
