/**
 * Roles from appositives: "Vladimir Medinsky, an aide to the Russian President, …",
 * "Rustem Umerov , Secretary of the National Security and Defence Council of Ukraine, …".
 */
import type { Mention, Range, Token } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { titleEnd } from "../../text/quoted-titles.js";

const ROLE_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "ADP", "CCONJ", "NUM", "PART", "PUNCT"]);

/** "the dockworkers' union": an apostrophe closing a plural possessive */
function possessiveMark(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  return (t.text === "'" || t.text === "\u2019") && tokens[k - 1]?.end === t.start && /s$/i.test(tokens[k - 1]!.text);
}

/** The appositive role right after a person mention, or null. */
export function appositiveAfter(tokens: Token[], m: Mention): Range | null {
  let k = m.lastToken + 1;
  if (tokens[k]?.text !== ",") return null;
  k++;
  const first = tokens[k];
  if (!first || first.sentence !== tokens[m.lastToken]!.sentence) return null;
  // a role starts with an article, a possessive or a title word; not with another name
  const startsRole =
    first.pos === "DET" ||
    (first.pos === "PRON" && /^(his|her|their|its)$/.test(first.lower)) ||
    LEXICON.titles.has(first.lower) ||
    LEXICON.nominalHeads.has(first.lower) ||
    // "Vietnam's special envoy", "France’s lead negotiator"
    (first.pos === "PROPN" && /^['\u2019]s$/.test(tokens[k + 1]?.text ?? ""));
  if (!startsRole) return null;
  let last = k;
  let sawHead = false;
  while (last < tokens.length && tokens[last]!.sentence === first.sentence) {
    const t = tokens[last]!;
    const title = titleEnd(tokens, last);
    if (title > 0) {
      last = title + 1;
      // “…, the author of "Quiet Rooms," spent …”: a comma inside the marks closes the appositive
      if (tokens[title - 1]!.text === "," && sawHead) return { start: tokens[k]!.start, end: tokens[title]!.end };
      continue;
    }
    if (t.text === "," || (t.pos === "PUNCT" && t.text !== "'s" && t.text !== "\u2019s" && t.text !== "-" && !possessiveMark(tokens, last))) break;
    if (!ROLE_POS.has(t.pos) && !(t.pos === "PRON" && /^(his|her|their|its)$/.test(t.lower))) return null;
    if (t.pos === "NOUN" || (t.pos === "PROPN" && LEXICON.titles.has(t.lower))) sawHead = true;
    last++;
  }
  last--;
  if (!sawHead || last < k || last - k > 26) return null;
  const end = tokens[last + 1];
  if (end && end.text !== "," && end.text !== "." && end.pos !== "PUNCT") return null;
  return { start: tokens[k]!.start, end: tokens[last]!.end };
}
