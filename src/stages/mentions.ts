/**
 * mentions: person and organisation names (runs of capitalised proper nouns, split into a title
 * and a name: "Turkish Foreign Minister | Hakan Fidan") and personal pronouns.
 */
import type { Mention, Token } from "../doc.js";
import { LEXICON } from "../lexicon.js";
import type { Stage } from "../stage.js";

const CAP = /^\p{Lu}/u;
const CONNECTORS = new Set(["de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "di", "du", "la", "le", "dos", "das", "del", "y"]);

function isNameToken(t: Token, next: Token | undefined): boolean {
  if (!CAP.test(t.text)) return false;
  if (t.pos === "PROPN") return true;
  // a capitalised title noun directly before a proper noun ("Minister Hakan")
  return (t.pos === "NOUN" || t.pos === "ADJ") && next !== undefined && next.pos === "PROPN" && CAP.test(next.text);
}

function isTitle(t: Token): boolean {
  return LEXICON.titles.has(t.lower) || LEXICON.honorifics.has(t.lower);
}

/** Name runs in tokens[from, to). */
function nameRuns(tokens: Token[], from: number, to: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    if (!isNameToken(tokens[i]!, tokens[i + 1])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const t = tokens[j]!;
      if (t.sentence !== tokens[i]!.sentence) break;
      if (isNameToken(t, tokens[j + 1]) && t.start - tokens[j - 1]!.end <= 1) j++;
      else if (CONNECTORS.has(t.lower) && j + 1 < to && CAP.test(tokens[j + 1]!.text) && tokens[j + 1]!.pos === "PROPN") j++;
      else break;
    }
    runs.push([i, j - 1]);
    i = j;
  }
  return runs;
}

export function findMentions(text: string, tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  for (const [first, last] of nameRuns(tokens, 0, tokens.length)) {
    const org = tokens.slice(first, last + 1).some((t) => LEXICON.organisationWords.has(t.lower));
    // the role runs to the last title word ("Turkish Foreign Minister"); the name is what follows
    let nameStart = first;
    if (!org) for (let k = first; k < last; k++) if (isTitle(tokens[k]!)) nameStart = k + 1;
    const nameTokens = tokens.slice(nameStart, last + 1);
    const all = tokens.slice(first, last + 1);
    let gender: "m" | "f" | undefined;
    for (const t of all) {
      const g = LEXICON.honorifics.get(t.lower) ?? LEXICON.gendered.get(t.lower);
      if (g === "m" || g === "f") gender = g;
    }
    const titled = nameStart > first;
    const type = org ? "organisation" : nameTokens.length >= 2 || titled ? "person" : "organisation";
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    const m: Mention = {
      start,
      end,
      text: text.slice(start, end),
      type,
      firstToken: first,
      lastToken: last,
      gender,
      plural: false,
      name: { start: tokens[nameStart]!.start, end },
    };
    if (titled) m.role = { start, end: tokens[nameStart - 1]!.end };
    mentions.push(m);
  }
  tokens.forEach((t, i) => {
    const p = LEXICON.pronouns.get(t.lower);
    if (p && t.pos === "PRON") {
      mentions.push({
        start: t.start,
        end: t.end,
        text: t.text,
        type: "pronoun",
        firstToken: i,
        lastToken: i,
        gender: p.gender === "x" ? undefined : p.gender,
        plural: p.plural,
      });
    }
  });
  return mentions.sort((a, b) => a.start - b.start);
}

export const mentionsStage: Stage = {
  name: "mentions",
  requires: ["tokens"],
  provides: "mentions",
  run(doc) {
    doc.set("mentions", findMentions(doc.text, doc.get("tokens")));
  },
};
