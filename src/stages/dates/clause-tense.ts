/**
 * The tense of the clause around a date span, which chooses the occurrence of a date without a year
 * (nearest-occurrence.ts): the nearer of a past marker ("were", "intensified") and a future marker
 * ("will", "expected", "next").
 */
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import type { Range } from "../../schema.js";
import type { Tense } from "./date-expression.js";

const PAST_MARKERS = new Set(DATE_WORDS.pastMarkers);
const FUTURE_MARKERS = new Set(DATE_WORDS.futureMarkers);
const NOT_PAST_ED = new Set(DATE_WORDS.notPastEd);

const WORD = /[A-Za-z’']+/g;

const CLAUSE_BREAK = /[,;:()"“”«»—–]|\s-\s/;

/**
 * The tense around [start, end) in the sentence: the nearer of a past marker ("were", "intensified") and a
 * future marker ("will", "expected", "next"), looked for first in the clause around the span (between
 * commas, semicolons, dashes, brackets or quotes), then in the whole sentence. Reporting verbs ("said")
 * do not count.
 */
export function clauseTense(text: string, sentence: Range, span: Range): Tense {
  const slice = text.slice(sentence.start, sentence.end);
  const words: Array<{ w: string; at: number; clause: number }> = [];
  let clause = 0;
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    if (CLAUSE_BREAK.test(slice.slice(last, m.index))) clause++;
    last = m.index + m[0].length;
    words.push({ w: m[0].toLowerCase(), at: sentence.start + m.index, clause });
  }
  const own = words.find((x) => x.at >= span.start)?.clause ?? clause;
  const inClause = markers(
    words.filter((x) => x.clause === own),
    span,
  );
  if (inClause !== "none") return inClause;
  return markers(words, span);
}

function markers(words: Array<{ w: string; at: number }>, span: Range): Tense {
  let past = Number.POSITIVE_INFINITY;
  let future = Number.POSITIVE_INFINITY;
  words.forEach(({ w, at }, idx) => {
    if (at >= span.start && at < span.end) return;
    const dist = at < span.start ? span.start - at : at - span.end;
    const prev = words[idx - 1]?.w ?? "";
    if (FUTURE_MARKERS.has(w) || w.endsWith("'ll") || w.endsWith("’ll")) {
      future = Math.min(future, dist);
      return;
    }
    if (w === "said" || w === "says" || w === "told") return;
    const passiveOrPresent = ["is", "are", "am", "be", "been", "being", "will", "to", "'s", "would"].includes(
      prev,
    );
    if (
      PAST_MARKERS.has(w) ||
      (w.length >= 5 && w.endsWith("ed") && !NOT_PAST_ED.has(w) && !passiveOrPresent)
    ) {
      past = Math.min(past, dist);
    }
  });
  if (past === Number.POSITIVE_INFINITY && future === Number.POSITIVE_INFINITY) return "none";
  return past <= future ? "past" : "future";
}
