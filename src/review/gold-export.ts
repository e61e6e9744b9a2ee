/**
 * Gold export: the reviewed statements of a run as gold JSONL in the shape
 * ../shared/tools/score-statements.mjs reads with --gold:
 *
 *   {id, text, attributions: [{source: [frag], cue: [frag], content: [frag], ...}]}, frag = {start, end, text}
 *
 * Articles are the units of gold (articles.ts): by default only finished articles are written,
 * those whose every statement has a verdict or that a reviewer marked done, so that recall against
 * the file means something. What goes in for such an article:
 *   - accepted statements as the pipeline gave them, edited ones with the reviewer's spans and
 *     speaker, statements reviewers added; rejected statements are left out;
 *   - in an article marked done, the statements nobody decided, as extracted ("article-done": the
 *     reviewer vouched for the article as a whole).
 * includePartial also writes unfinished articles that have a decision, with their decided
 * statements only; includeUnreviewed writes every article with its undecided statements flagged
 * "unreviewed" (not gold: for a look at everything).
 * Each attribution also carries id (the statement id), kind, speaker {name, role}, review
 * ("accepted" | "edited" | "added" | "article-done" | "unreviewed") and, when a reviewer flagged it,
 * unsure: true with the note; the scorer ignores fields it does not read.
 */
import { writeFileSync } from "node:fs";
import type { Span, Statement } from "../schema.js";
import { articleProgress } from "./articles.js";
import { type Replayed, type ReviewState, replay, statementKey, withAdded } from "./decisions.js";
import { readReviewLog } from "./review-log.js";
import { type LoadedRun, loadRun, type LoadRunOptions } from "./run.js";

export interface GoldAttribution {
  id: string;
  source: Span[];
  cue: Span[];
  content: Span[];
  kind: Statement["kind"];
  speaker: { name: string | null; role: string | null } | null;
  review: "accepted" | "edited" | "added" | "article-done" | "unreviewed";
  unsure?: true;
  note?: string;
}

export interface GoldDocument {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface GoldOptions {
  /** Also write unfinished articles (their decided statements). */
  includePartial?: boolean;
  /** Write every article, undecided statements flagged "unreviewed". */
  includeUnreviewed?: boolean;
}

/** The replayed log as the export reads it (flags, added statements and article marks optional). */
export type ReviewData = Pick<Replayed, "states"> & Partial<Pick<Replayed, "flags" | "added" | "articles">>;

/** The statement as the review leaves it: pipeline spans overlaid with the edited ones. */
export function reviewedSpans(s: Statement, state: ReviewState | undefined): { source: Span[]; cue: Span[]; content: Span[] } {
  const e = state?.spans ?? {};
  const content = e.content ? [e.content] : [s.content];
  const source = e.source !== undefined ? e.source : s.source;
  const cue = e.cue !== undefined ? e.cue : s.cue;
  return { content, source: source ? [source] : [], cue: cue ? [cue] : [] };
}

export interface GoldCounts {
  rejected: number;
  /** Undecided statements left out. */
  unreviewed: number;
  /** Articles with text left out because they are not finished. */
  unfinished: number;
}

export function goldDocuments(run: LoadedRun, data: ReviewData, options: GoldOptions = {}, counts?: GoldCounts): GoldDocument[] {
  const { states } = data;
  const out: GoldDocument[] = [];
  for (const doc of run.docs) {
    if (doc.text === null) continue;
    const statements = withAdded(doc.doc_id, doc.statements, data.added?.values() ?? []);
    const progress = articleProgress(
      doc.doc_id,
      statements.map((s) => s.id),
      states,
      data.articles?.get(doc.doc_id),
    );
    const written = progress.finished || options.includeUnreviewed || (options.includePartial && progress.decided > 0);
    if (!progress.finished && counts) counts.unfinished++;
    const attributions: GoldAttribution[] = [];
    /** fragments of one interrupted content ("…," he said, "…") join one gold attribution, as in PolNeAR */
    const groups = new Map<string, GoldAttribution>();
    for (const s of statements) {
      const key = statementKey(doc.doc_id, s.id);
      const state = states.get(key);
      if (state?.status === "rejected") {
        if (counts && written) counts.rejected++;
        continue;
      }
      let review: GoldAttribution["review"];
      if (state) review = state.added ? "added" : state.changed ? "edited" : "accepted";
      else if (progress.done) review = "article-done";
      else if (options.includeUnreviewed) review = "unreviewed";
      else {
        if (counts && written) counts.unreviewed++;
        continue;
      }
      const speaker = state && state.speaker !== undefined ? state.speaker : s.speaker;
      const flag = data.flags?.get(key);
      const a: GoldAttribution = {
        id: s.id,
        ...reviewedSpans(s, state),
        kind: s.kind,
        speaker: speaker ? { name: speaker.name, role: speaker.role } : null,
        review,
        ...(flag ? { unsure: true, note: flag.note } : {}),
      };
      const group = s.fragment ? groups.get(s.fragment.group) : undefined;
      if (group && JSON.stringify([group.source, group.cue]) === JSON.stringify([a.source, a.cue])) {
        group.content.push(...a.content);
        continue;
      }
      if (s.fragment) groups.set(s.fragment.group, a);
      attributions.push(a);
    }
    if (written) out.push({ id: doc.doc_id, text: doc.text, attributions });
  }
  return out;
}

export interface GoldExportResult extends GoldCounts {
  documents: number;
  attributions: number;
  /** Documents without a text among the inputs: not exported. */
  withoutText: number;
  jsonl: string;
}

export async function exportGold(
  target: string,
  options: LoadRunOptions & GoldOptions & { output?: string } = {},
): Promise<GoldExportResult> {
  const run = await loadRun(target, options);
  const counts: GoldCounts = { rejected: 0, unreviewed: 0, unfinished: 0 };
  const docs = goldDocuments(run, replay(readReviewLog(run.reviewsPath).lines), options, counts);
  const jsonl = docs.map((d) => `${JSON.stringify(d)}\n`).join("");
  if (options.output) writeFileSync(options.output, jsonl);
  return {
    documents: docs.length,
    attributions: docs.reduce((n, d) => n + d.attributions.length, 0),
    ...counts,
    withoutText: run.docs.filter((d) => d.text === null).length,
    jsonl,
  };
}
