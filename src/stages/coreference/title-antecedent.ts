/**
 * "The mayor" / "the former secretary of state": a definite title resolved to the person holding it.
 */
import type { DocView, Range } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import type { Entity } from "./entities.js";
import type { Named } from "./source-speaker.js";

const TITLE_NP = /^the\s+((?:former|new|current|outgoing|incoming|acting|then)[\s-]+)?([a-z]+(?:\s+[a-z]+){0,3})$/i;
/** how far back a named person may be for "the mayor" to be them (UTF-16 units) */
const TITLE_REACH = 3000;

/**
 * "The mayor" / "the former secretary of state": a definite title whose head word is in the titles
 * lexicon names the most recent person whose role or name holds that word ("Mayor Rosalind Pike").
 */
export function titleAntecedent(doc: DocView, src: Range, named: Named[]): Entity | null {
  const m = TITLE_NP.exec(doc.text.slice(src.start, src.end).trim());
  if (!m) return null;
  const words = m[2]!.toLowerCase().split(/\s+/);
  const head = words[words.length - 1]!;
  if (!LEXICON.titles.has(head)) return null;
  const holds = new RegExp(`\\b${words.join("\\s+")}\\b`, "i");
  for (let i = named.length - 1; i >= 0; i--) {
    const n = named[i]!;
    if (n.m.end > src.start) continue;
    if (src.start - n.m.end > TITLE_REACH) break;
    if (!n.e.person) continue;
    if (holds.test(n.e.role ?? "") || holds.test(n.m.text)) return n.e;
  }
  return null;
}
