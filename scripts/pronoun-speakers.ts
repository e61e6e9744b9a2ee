/**
 * Scores he/she speakers against the labelled set in test/data/pronoun-speakers/ (labels only: doc
 * id, pronoun offsets, the referent's fullest name in the article or null; the texts stay in
 * ../shared). For each labelled pronoun: the statement whose source is that pronoun, and its
 * speaker's name — correct (the same person), wrong (a name, but another person), abstained (name
 * null) or no statement for that source.
 */
import type { DocumentRecord, ErrorRecord } from "../src/index.js";

export interface PronounLabel {
  doc: string;
  start: number;
  end: number;
  pronoun: "he" | "she";
  name: string | null;
  named_before: boolean;
  in_quote: boolean;
}

export interface PronounScore {
  items: number;
  correct: number;
  wrong: number;
  abstained: number;
  missing: number;
}

/** Words of a name that identify a person: no initials, suffixes or punctuation ("Donald J. Trump" → donald, trump). */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/["“”()]/g, " ")
    .split(/[\s,]+/)
    .filter((w) => w.length > 2 && !/^(jr|sr|iii|ii)\.?$/.test(w))
    .map((w) => w.replace(/\.$/, ""));
}

/** The same person: the same last word, and no first word that disagrees ("Hillary Clinton" ≠ "Bill Clinton"). */
export function samePerson(predicted: string, label: string): boolean {
  const a = nameWords(predicted);
  const b = nameWords(label);
  if (a.length === 0 || b.length === 0 || a[a.length - 1] !== b[b.length - 1]) return false;
  if (a.length === 1 || b.length === 1) return true;
  return a[0] === b[0];
}

export function scorePronouns(labels: readonly PronounLabel[], records: ReadonlyMap<string, DocumentRecord | ErrorRecord>): PronounScore {
  const score: PronounScore = { items: labels.length, correct: 0, wrong: 0, abstained: 0, missing: 0 };
  for (const l of labels) {
    const rec = records.get(l.doc);
    const st = rec && !("error" in rec) ? rec.statements.find((s) => s.source && s.source.start === l.start && s.source.end === l.end) : undefined;
    const name = st?.speaker?.name ?? null;
    if (!st) score.missing++;
    else if (name === null) score.abstained++;
    else if (l.name !== null && samePerson(name, l.name)) score.correct++;
    else score.wrong++;
  }
  return score;
}

export function pronounTable(s: PronounScore): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, s.items)).toFixed(1)}%`;
  return [
    `he/she speakers (test/data/pronoun-speakers): ${s.items} labelled`,
    `  right person ${s.correct} (${pct(s.correct)}), wrong name ${s.wrong} (${pct(s.wrong)}), abstained ${s.abstained} (${pct(s.abstained)}), no statement ${s.missing} (${pct(s.missing)})`,
    `  statements found for these sources: ${pct(s.items - s.missing)}`,
  ].join("\n");
}
