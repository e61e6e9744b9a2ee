/** The counted noun after a draft mention, as its `unit`: "7,000 deceased soldiers" → soldiers. */
import NUMBER_UNITS from "../../lexicons/number-units.json" with { type: "json" };
import type { Draft, View } from "./draft.js";
import { looksPlural } from "../../number-words/plural-nouns.js";
import { tokenize } from "../../number-words/tokenize.js";

const BOUND_PHRASES = NUMBER_UNITS.boundPhrases.map((p) => p.split(" "));
const UNIT_STOP = new Set(NUMBER_UNITS.unitStopWords);
const OF_DETERMINERS = new Set(NUMBER_UNITS.unitOfDeterminers);

/** The counted noun after a mention: "7,000 deceased soldiers" → soldiers, "prisoners of war". */
export function countedUnit(d: Draft, v: View): string | undefined {
  const rest = v.after(d.end, 80);
  const toks = tokenize(rest, 0, rest.length);
  let i = 0;
  const fraction = d.value !== undefined && d.value < 1;
  if ((d.bound === ">=" || fraction) && toks[0]?.l === "of") {
    i = 1;
    if (toks[i] && OF_DETERMINERS.has(toks[i]!.l)) i++;
  }
  for (let n = 0; n < 4 && i < toks.length; n++, i++) {
    const t = toks[i]!;
    if (t.k !== "w") return undefined;
    if (UNIT_STOP.has(t.l)) return undefined;
    // a possessive qualifies the noun that follows ("half of Donald Trump's supporters")
    if (/['’]s?$|['’]s$/.test(t.l)) continue;
    // a year-like figure counts only the noun right after it ("2000 soldiers", not "the 1995 tax filings")
    if (d.yearish && n > 0) return undefined;
    if (looksPlural(t.l)) {
      for (const p of BOUND_PHRASES) {
        if (p.every((w, k) => toks[i + k]?.l === w)) return p.join(" ");
      }
      return t.l;
    }
  }
  return undefined;
}
