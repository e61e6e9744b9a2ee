/**
 * Gold export: the reviewed statements of a run as gold JSONL in the shape
 * ../shared/tools/score-statements.mjs reads with --gold:
 *
 *   {id, text, attributions: [{source: [frag], cue: [frag], content: [frag], ...}]}, frag = {start, end, text}
 *
 * What goes in:
 *   - accepted statements as the pipeline gave them, edited ones with the reviewer's spans and
 *     speaker; rejected statements are left out;
 *   - unreviewed statements are left out (the file is human-checked data only), unless
 *     includeUnreviewed, which adds them with "review": "unreviewed";
 *   - a document is written when at least one of its statements was reviewed (even if all were
 *     rejected: the reviewer saw it, and it holds no confirmed statement), or, with
 *     includeUnreviewed, every document whose text was found.
 * Each attribution also carries id (the statement id), kind, speaker {name, role} and review
 * ("accepted" | "edited" | "unreviewed"); the scorer ignores fields it does not read.
 * The review cannot add statements the pipeline missed: recall against this gold is optimistic.
 */
import { writeFileSync } from "node:fs";
import type { Span, Statement } from "../schema.js";
import { replay, type ReviewState, statementKey } from "./decisions.js";
import { readReviewLog } from "./review-log.js";
import { type LoadedRun, loadRun, type LoadRunOptions } from "./run.js";

export interface GoldAttribution {
  id: string;
  source: Span[];
  cue: Span[];
  content: Span[];
  kind: Statement["kind"];
  speaker: { name: string | null; role: string | null } | null;
  review: "accepted" | "edited" | "unreviewed";
}

export interface GoldDocument {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface GoldOptions {
  includeUnreviewed?: boolean;
}

/** The statement as the review leaves it: pipeline spans overlaid with the edited ones. */
export function reviewedSpans(s: Statement, state: ReviewState | undefined): { source: Span[]; cue: Span[]; content: Span[] } {
  const e = state?.spans ?? {};
  const content = e.content ? [e.content] : [s.content];
  const source = e.source !== undefined ? e.source : s.source;
  const cue = e.cue !== undefined ? e.cue : s.cue;
  return { content, source: source ? [source] : [], cue: cue ? [cue] : [] };
}

export function goldDocuments(run: LoadedRun, states: ReadonlyMap<string, ReviewState>, options: GoldOptions = {}): GoldDocument[] {
  const out: GoldDocument[] = [];
  for (const doc of run.docs) {
    if (doc.text === null) continue;
    const attributions: GoldAttribution[] = [];
    /** fragments of one interrupted content ("…," he said, "…") join one gold attribution, as in PolNeAR */
    const groups = new Map<string, GoldAttribution>();
    let reviewed = 0;
    for (const s of doc.statements) {
      const state = states.get(statementKey(doc.doc_id, s.id));
      if (state) reviewed++;
      if (state?.status === "rejected") continue;
      if (!state && !options.includeUnreviewed) continue;
      const speaker = state && state.speaker !== undefined ? state.speaker : s.speaker;
      const a: GoldAttribution = {
        id: s.id,
        ...reviewedSpans(s, state),
        kind: s.kind,
        speaker: speaker ? { name: speaker.name, role: speaker.role } : null,
        review: !state ? "unreviewed" : state.changed ? "edited" : "accepted",
      };
      const group = s.fragment ? groups.get(s.fragment.group) : undefined;
      if (group && JSON.stringify([group.source, group.cue]) === JSON.stringify([a.source, a.cue])) {
        group.content.push(...a.content);
        continue;
      }
      if (s.fragment) groups.set(s.fragment.group, a);
      attributions.push(a);
    }
    if (reviewed > 0 || options.includeUnreviewed) out.push({ id: doc.doc_id, text: doc.text, attributions });
  }
  return out;
}

export interface GoldExportResult {
  documents: number;
  attributions: number;
  rejected: number;
  unreviewed: number;
  /** Documents without a text among the inputs: not exported. */
  withoutText: number;
  jsonl: string;
}

export async function exportGold(
  target: string,
  options: LoadRunOptions & GoldOptions & { output?: string } = {},
): Promise<GoldExportResult> {
  const run = await loadRun(target, options);
  const { states } = replay(readReviewLog(run.reviewsPath).lines);
  const docs = goldDocuments(run, states, options);
  let rejected = 0;
  let unreviewed = 0;
  for (const d of run.docs) {
    if (d.text === null) continue;
    for (const s of d.statements) {
      const st = states.get(statementKey(d.doc_id, s.id));
      if (!st) unreviewed++;
      else if (st.status === "rejected") rejected++;
    }
  }
  const jsonl = docs.map((d) => `${JSON.stringify(d)}\n`).join("");
  if (options.output) writeFileSync(options.output, jsonl);
  return {
    documents: docs.length,
    attributions: docs.reduce((n, d) => n + d.attributions.length, 0),
    rejected,
    unreviewed,
    withoutText: run.docs.filter((d) => d.text === null).length,
    jsonl,
  };
}
