/**
 * mentions: person and organisation names (runs of capitalised proper nouns, split into a title
 * and a name: "Turkish Foreign Minister | Hakan Fidan") and personal pronouns.
 */
import type { Mention, Token } from "../doc.js";
import { LEXICON } from "../lexicons/lexicon.js";
import { quotedTitles } from "../text/quoted-titles.js";
import type { Stage } from "../stage.js";

const CAP = /^\p{Lu}/u;
const CONNECTORS = LEXICON.nameConnectors;

/** a name particle opening a name ("De Vries said", "said van der Berg", "al-Assad"): a connector before a capitalised proper noun */
export function isParticle(t: Token, next: Token | undefined): boolean {
  if (!LEXICON.nameParticles.has(t.lower) || !next || !CAP.test(next.text) || next.pos !== "PROPN") return false;
  // "De Vries" / "de Vries" / "al-Assad": no space or one space before the name
  return next.start - t.end <= 1;
}

function isNameToken(t: Token, next: Token | undefined): boolean {
  if (!CAP.test(t.text)) return false;
  if (t.pos === "PROPN") return true;
  // a capitalised title noun directly before a proper noun ("Minister Hakan"), or a first name the
  // tagger read as a verb ("said Don Fowler"), unless it is a cue verb opening a sentence ("Said Ellis:")
  if (next === undefined || next.pos !== "PROPN" || !CAP.test(next.text)) return false;
  return t.pos === "NOUN" || t.pos === "ADJ" || (t.pos === "VERB" && !LEXICON.cueVerbs.has(t.lemma));
}

function isTitle(t: Token): boolean {
  return LEXICON.titles.has(t.lower) || LEXICON.honorifics.has(t.lower);
}

/** Name runs in tokens[from, to). */
function nameRuns(tokens: Token[], from: number, to: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    if (!isNameToken(tokens[i]!, tokens[i + 1]) && !(CAP.test(tokens[i]!.text) && isParticle(tokens[i]!, tokens[i + 1]))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const t = tokens[j]!;
      if (t.sentence !== tokens[i]!.sentence) break;
      if (isNameToken(t, tokens[j + 1]) && t.start - tokens[j - 1]!.end <= 1) j++;
      // "François-Xavier", "al-Assad": a hyphen with no space joins two parts of a name
      else if (t.text === "-" && t.start === tokens[j - 1]!.end && tokens[j + 1]?.start === t.end && CAP.test(tokens[j + 1]!.text) && j + 1 < to) j += 2;
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
  const titles = quotedTitles(text);
  for (const [first, last] of nameRuns(tokens, 0, tokens.length)) {
    // a title in quotation marks ("Quiet Rooms: A Life Among the Stacks") names no one
    if (titles.some((q) => q.start < tokens[first]!.start && tokens[last]!.end < q.end)) continue;
    // the role runs to the last title word ("Turkish Foreign Minister"); the name is what follows,
    // also after an organisation in the role ("Senate Minority Leader Harry Reid")
    let lastTitle = -1;
    for (let k = first; k < last; k++) if (isTitle(tokens[k]!)) lastTitle = k;
    const orgWord = (t: Token) => LEXICON.organisationWords.has(t.lower);
    const personAfterTitle =
      lastTitle >= 0 && last - lastTitle >= 2 && !tokens.slice(lastTitle + 1, last + 1).some(orgWord);
    const org = !personAfterTitle && tokens.slice(first, last + 1).some(orgWord);
    const nameStart = !org && lastTitle >= 0 ? lastTitle + 1 : first;
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
