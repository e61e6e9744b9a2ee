/**
 * The tense of the clause around a date span, which chooses the occurrence of a date without a year
 * (nearest-occurrence.ts) and of a bare weekday (weekdays.ts). The governing verb of a date adjunct
 * usually comes before it ("will double its flights by August", "said on Tuesday that …", "met
 * Monday"), so the nearest tense cue to the left in the date's own clause counts first, then the
 * nearest to its right in that clause, then the nearest anywhere in the sentence. The cues are language
 * data (lexicons/date-tense.json): past and future words, reporting verbs in the past (only inside the
 * date's own clause: "Talks resume in March, officials said" is not past), and regular past forms in -ed
 * that are verbs, not adjectives ("the reduced dividend") or passives.
 */
import DATE_TENSE from "../../lexicons/date-tense.json" with { type: "json" };
import type { Range } from "../../schema.js";
import type { Tense } from "./date-expression.js";

const PAST_AUXILIARIES = new Set(DATE_TENSE.pastAuxiliaries);
const PAST = new Set(DATE_TENSE.pastWords);
const FUTURE_BEFORE_TO = new Set(DATE_TENSE.futureBeforeTo);
const REPORTING_PAST = new Set(DATE_TENSE.reportingPast);
const FUTURE = new Set(DATE_TENSE.futureWords);
const NOT_PAST_ED = new Set(DATE_TENSE.notPastEd);
const ED_NOT_VERB_AFTER = new Set(DATE_TENSE.edNotVerbAfter);

const WORD = /[A-Za-z’']+/g;

const CLAUSE_BREAK = /[,;:()"“”«»—–]|\s-\s/;

interface Word {
  w: string;
  at: number;
  clause: number;
  /** the word before, lower case ("" at the start) */
  prev: string;
}

/**
 * The tense a word gives, or null. `own`: the word is in the date's own clause; outside it a reporting verb
 * counts only when it is not in an attribution tail (`tail`: "…, officials said.").
 */
function cue(x: Word, own: boolean, tail = false): Tense | null {
  const { w, prev } = x;
  if (FUTURE.has(w) || w.endsWith("'ll") || w.endsWith("’ll")) return "future";
  if (w === "to" && FUTURE_BEFORE_TO.has(prev)) return "future";
  if (REPORTING_PAST.has(w)) return own || !tail ? "past" : null;
  if (PAST_AUXILIARIES.has(w)) return "past";
  // "be paid", "the reduced dividend": a participle or an adjective, not a past verb
  if (ED_NOT_VERB_AFTER.has(prev)) return null;
  if (PAST.has(w)) return "past";
  if (w.length >= 5 && w.endsWith("ed") && !NOT_PAST_ED.has(w)) return "past";
  return null;
}

/** Words of the last clause that make it an attribution tail ("officials said", "said the ministry"). */
const TAIL_WORDS = 5;

/** The tense around [start, end) in the sentence (see the file comment). */
export function clauseTense(text: string, sentence: Range, span: Range): Tense {
  const slice = text.slice(sentence.start, sentence.end);
  const words: Word[] = [];
  let clause = 0;
  let last = 0;
  // the clause the date starts in, and the one it ends in ("Monday, Oct. 20" holds a break)
  let startClause = -1;
  let endClause = -1;
  const rel = { start: span.start - sentence.start, end: span.end - sentence.start };
  const passed = (to: number) => {
    const gap = slice.slice(last, to);
    if (startClause < 0 && to >= rel.start) {
      const pre = slice.slice(last, Math.max(last, rel.start));
      startClause = clause + (CLAUSE_BREAK.test(pre) ? 1 : 0);
    }
    if (CLAUSE_BREAK.test(gap)) clause++;
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    passed(m.index);
    last = m.index + m[0].length;
    if (m.index >= rel.start && m.index < rel.end) {
      endClause = clause;
      continue;
    }
    words.push({
      w: m[0].toLowerCase(),
      at: sentence.start + m.index,
      clause,
      prev: words[words.length - 1]?.w ?? "",
    });
  }
  if (startClause < 0) startClause = clause;
  if (endClause < 0) endClause = startClause;
  const after = words.findIndex((x) => x.at >= span.end);
  const firstAfter = after < 0 ? words.length : after;
  // left of the date in its clause, nearest first
  for (let k = firstAfter - 1; k >= 0 && words[k]!.clause === startClause; k--) {
    const t = cue(words[k]!, true);
    if (t) return t;
  }
  // right of the date in its clause, nearest first
  for (let k = firstAfter; k < words.length && words[k]!.clause === endClause; k++) {
    const t = cue(words[k]!, true);
    if (t) return t;
  }
  // anywhere in the sentence, nearest first; a reporting verb in an attribution tail does not count
  const lastClause = words[words.length - 1]?.clause ?? 0;
  const tailLength = words.filter((x) => x.clause === lastClause).length;
  const tail = lastClause > endClause && tailLength <= TAIL_WORDS;
  let best: { tense: Tense; dist: number } | null = null;
  for (const x of words) {
    const t = cue(x, false, tail && x.clause === lastClause);
    if (!t) continue;
    const dist = x.at < span.start ? span.start - x.at : x.at - span.end;
    if (!best || dist < best.dist) best = { tense: t, dist };
  }
  return best?.tense ?? "none";
}
