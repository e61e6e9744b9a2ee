/**
 * The lines the server writes for a request, once it is checked (requests.ts): spans snapped to
 * words, trimmed and given their text from the article; speakers looked up among the article's or
 * typed; a moved source re-resolves the speaker; an added statement gets its kind from its content.
 * Throws BadRequest when the request names what the article does not have.
 */
import type { Span, Speaker, Statement } from "../schema.js";
import { toSpan } from "../text/spans.js";
import type { AddRequest, DecisionRequest, DoneRequest, Offsets, SpeakerRequest } from "./api.js";
import {
  ARTICLE_LINE,
  type DecisionLine,
  type EditedSpans,
  type Replayed,
  ROLES,
  statementKey,
  withAdded,
} from "./decisions.js";
import { BadRequest } from "./requests.js";
import type { ReviewDoc } from "./run.js";
import { type Attributed, articleSpeakers, speakerForSource } from "./speakers.js";
import { snapToWords } from "./word-spans.js";

export type NewLine = Omit<DecisionLine, "seq" | "v">;
type TextDoc = ReviewDoc & { text: string };

/** The document's statements with those reviewers added. */
export function statementsOf(doc: ReviewDoc, replayed: Replayed): Statement[] {
  return withAdded(doc.doc_id, doc.statements, replayed.added.values());
}

function span(text: string, v: Offsets, what: string): Span {
  const { start, end } = v;
  if (start < 0 || end > text.length || start >= end) {
    throw new BadRequest(`${what}: Expected 0 <= start < end <= ${text.length}, got ${start}, ${end}`);
  }
  const s = toSpan(text, snapToWords(text, start, end));
  if (s.start === s.end) throw new BadRequest(`${what}: the selection holds only whitespace`);
  return s;
}

function chosenSpeaker(doc: TextDoc, replayed: Replayed, sp: SpeakerRequest): Speaker | null {
  if (sp === null) return null;
  if (typeof sp.entity === "string" && sp.entity !== "") {
    const all = articleSpeakers({ doc_id: doc.doc_id, statements: statementsOf(doc, replayed) }, (key) => replayed.states.get(key)?.speaker);
    const known = all.find((s) => s.entity === sp.entity);
    if (!known) throw new BadRequest(`speaker: no entity ${JSON.stringify(sp.entity)} in this article`);
    return known;
  }
  if (typeof sp.name === "string" && sp.name.trim() !== "") {
    const name = sp.name.trim().slice(0, 200);
    const role = typeof sp.role === "string" && sp.role.trim() !== "" ? sp.role.trim().slice(0, 300) : null;
    return { name, role, entity: `manual:${name}`, mention: null };
  }
  throw new BadRequest("speaker: Expected {entity} of the article, {name, role?} or null");
}

/** Each statement of the article with its speaker and source as reviewed so far. */
function attributed(doc: TextDoc, replayed: Replayed): Attributed[] {
  return statementsOf(doc, replayed).map((statement) => {
    const st = replayed.states.get(statementKey(doc.doc_id, statement.id));
    return {
      statement,
      speaker: st && st.speaker !== undefined ? st.speaker : statement.speaker,
      source: st && st.spans.source !== undefined ? st.spans.source : statement.source,
    };
  });
}

/** speaker (and speaker_needed) for a line whose source is `source`. */
function resolved(doc: TextDoc, replayed: Replayed, source: Span | null): Pick<DecisionLine, "speaker" | "speaker_needed"> {
  if (!source) return { speaker: null };
  const sp = speakerForSource(doc.text, attributed(doc, replayed), source);
  return sp ? { speaker: sp } : { speaker: null, speaker_needed: true };
}

export function textDoc(docsById: ReadonlyMap<string, ReviewDoc>, docId: string): TextDoc {
  const doc = docsById.get(docId);
  if (!doc) throw new BadRequest(`no document ${JSON.stringify(docId)} in this run`);
  if (doc.text === null) throw new BadRequest(`document ${JSON.stringify(doc.doc_id)} has no text to review`);
  return doc as TextDoc;
}

export function decisionLine(req: DecisionRequest, doc: TextDoc, replayed: Replayed, client: string, ts: string): NewLine {
  const statement = statementsOf(doc, replayed).find((s) => s.id === req.statement_id);
  if (!statement) throw new BadRequest(`no statement ${JSON.stringify(req.statement_id)} in ${JSON.stringify(doc.doc_id)}`);
  const line: NewLine = { statement_id: statement.id, doc_id: doc.doc_id, decision: req.decision, ts, client };
  if (req.decision === "edit") {
    const spans: EditedSpans = {};
    for (const role of ROLES) {
      const v = req.spans?.[role];
      if (v === undefined) continue;
      if (v === null) {
        if (role === "content") throw new BadRequest("content: a statement keeps its content; reject it instead");
        spans[role] = null;
      } else spans[role] = span(doc.text, v, role);
    }
    if (Object.keys(spans).length === 0) throw new BadRequest("edit: Expected spans {content?, source?, cue?}");
    line.spans = spans;
    if (spans.source !== undefined) {
      const st = replayed.states.get(statementKey(doc.doc_id, statement.id));
      const before = st && st.spans.source !== undefined ? st.spans.source : statement.source;
      const moved = (before?.start ?? -1) !== (spans.source?.start ?? -1) || (before?.end ?? -1) !== (spans.source?.end ?? -1);
      if (moved) Object.assign(line, resolved(doc, replayed, spans.source));
    }
  } else if (req.decision === "speaker") {
    if (req.speaker === undefined) throw new BadRequest("speaker: Expected {entity} of the article, {name, role?} or null");
    line.speaker = chosenSpeaker(doc, replayed, req.speaker);
  } else if (req.decision === "flag") {
    const note = (req.note ?? "").trim();
    const unsure = req.unsure ?? note !== "";
    line.unsure = unsure;
    if (unsure) line.note = note;
  }
  if (req.queue) line.queue = { order: req.queue.order, ...(req.queue.seed !== undefined ? { seed: req.queue.seed } : {}) };
  return line;
}

const QUOTE = /["“”«»]/;

/** direct: the content opens with a quotation mark; mixed: it holds one; indirect otherwise. */
export function kindOf(content: string): Statement["kind"] {
  if (QUOTE.test(content[0] ?? "")) return "direct";
  return QUOTE.test(content) ? "mixed" : "indirect";
}

export function addLine(req: AddRequest, doc: TextDoc, replayed: Replayed, id: string, client: string, ts: string): NewLine {
  const content = span(doc.text, req.spans.content, "content");
  const source = req.spans.source ? span(doc.text, req.spans.source, "source") : null;
  const cue = req.spans.cue ? span(doc.text, req.spans.cue, "cue") : null;
  const line: NewLine = {
    statement_id: id,
    doc_id: doc.doc_id,
    decision: "add",
    kind: kindOf(content.text),
    spans: { content, source, cue },
    ...(req.speaker !== undefined ? { speaker: chosenSpeaker(doc, replayed, req.speaker) } : resolved(doc, replayed, source)),
    ts,
    client,
  };
  if (req.queue) line.queue = { order: req.queue.order, ...(req.queue.seed !== undefined ? { seed: req.queue.seed } : {}) };
  return line;
}

export function doneLine(req: DoneRequest, doc: TextDoc, client: string, ts: string): NewLine {
  return { statement_id: ARTICLE_LINE, doc_id: doc.doc_id, decision: "done", done: req.done, ts, client };
}
