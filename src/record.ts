/**
 * The record builder: turns the Doc's layers into the CONTRACT.md record, links numbers to the
 * statements whose content holds them, and validates it for its text in one zod pass (schema.ts
 * validateRecord: the shape and every span, each issue with its path).
 */
import { createHash } from "node:crypto";
import type { Doc, StatementDraft } from "./doc.js";
import {
  type DocumentRecord,
  type NumberMention,
  type Range,
  SCHEMA_VERSION,
  type Statement,
  validateRecord,
} from "./schema.js";
import { byStart, contains, toSpan } from "./text/spans.js";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function statementId(docId: string, content: Range): string {
  return sha256(`${docId}\u0000${content.start}:${content.end}`).slice(0, 16);
}

function numbersInside(fragments: Range[], numbers: NumberMention[]): number[] {
  const out: number[] = [];
  numbers.forEach((n, i) => {
    if (fragments.some((f) => contains(f, n))) out.push(i);
  });
  return out;
}

/** One statement per content fragment ("…," he said, "…" gives two, linked by `fragment`). */
function toStatements(doc: Doc, s: StatementDraft, numbers: NumberMention[]): Statement[] {
  const text = doc.text;
  const fragments = s.content.map((r) => toSpan(text, r)).filter((f) => f.end > f.start);
  const shared = {
    kind: s.kind,
    cue: s.cue ? toSpan(text, s.cue) : null,
    cue_type: s.cueType,
    source: s.source ? toSpan(text, s.source) : null,
    speaker: s.speaker
      ? {
          name: s.speaker.name,
          role: s.speaker.role,
          ...(s.speaker.age !== undefined ? { age: s.speaker.age } : {}),
          entity: s.speaker.entity,
          mention: s.speaker.mention ? toSpan(text, s.speaker.mention) : null,
        }
      : null,
    confidence: Math.round(Math.min(1, Math.max(0, s.confidence)) * 1000) / 1000,
  };
  const group = fragments[0] ? statementId(doc.meta.id, fragments[0]) : "";
  return fragments.map((content, index) => {
    const st: Statement = { id: statementId(doc.meta.id, content), ...shared, content, numbers: numbersInside([content], numbers) };
    if (fragments.length > 1) st.fragment = { group, index, count: fragments.length };
    return st;
  });
}

export function buildRecord(doc: Doc, pipeline: DocumentRecord["pipeline"]): DocumentRecord {
  const numbers = [...(doc.has("numbers") ? doc.get("numbers") : []), ...(doc.has("dates") ? doc.get("dates").mentions : [])];
  numbers.sort(byStart);
  const drafts = doc.has("statements") ? doc.get("statements") : [];
  const statements = drafts
    .filter((s) => s.content.length > 0)
    .flatMap((s) => toStatements(doc, s, numbers))
    .sort((a, b) => byStart(a.content, b.content) || (a.cue?.start ?? -1) - (b.cue?.start ?? -1));
  // the same content under two cues: the later id also hashes its cue, so ids stay unique and stable
  const seen = new Set<string>();
  for (const st of statements) {
    if (seen.has(st.id)) st.id = sha256(`${doc.meta.id}\u0000${st.content.start}:${st.content.end}\u0000${st.cue?.start ?? -1}`).slice(0, 16);
    seen.add(st.id);
  }
  const record: DocumentRecord = {
    schema_version: SCHEMA_VERSION,
    doc_id: doc.meta.id,
    text_sha256: sha256(doc.text),
    date: doc.has("body") ? (doc.get("body").date?.iso ?? null) : null,
    offsets: "utf16",
    pipeline,
    sentences: doc.has("sentences") ? doc.get("sentences").map((s) => ({ start: s.start, end: s.end })) : [],
    statements,
    numbers,
    messages: [...doc.messages].sort(
      (a, b) => (a.start ?? -1) - (b.start ?? -1) || a.stage.localeCompare(b.stage) || a.rule.localeCompare(b.rule),
    ),
  };
  const valid = validateRecord(record, doc.text);
  if ("issues" in valid) throw new Error(valid.issues.join("; "));
  return valid.record;
}
