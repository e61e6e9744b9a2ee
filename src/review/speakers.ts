/**
 * Speakers for the reviewer: the choices the speaker box offers (near-duplicates merged) and the
 * speaker a new source names. Pure (used by the server and the UI bundle).
 */
import type { Span, Speaker, Statement } from "../schema.js";
import { statementKey } from "./decisions.js";

/**
 * The speakers of an article: every distinct entity its statements name, and the speakers reviewers
 * chose for them (`chosen` gives a statement key's chosen speaker). The server and the UI share it.
 */
export function articleSpeakers(
  doc: { doc_id: string; statements: readonly Statement[] },
  chosen: (key: string) => Speaker | null | undefined = () => undefined,
): Speaker[] {
  const out = new Map<string, Speaker>();
  for (const s of doc.statements) {
    if (s.speaker && !out.has(s.speaker.entity)) out.set(s.speaker.entity, s.speaker);
    const changed = chosen(statementKey(doc.doc_id, s.id));
    if (changed && !out.has(changed.entity)) out.set(changed.entity, changed);
  }
  return [...out.values()];
}

/** "the city auditor, Dr. Helen Osei" → "the city auditor dr helen osei": lower case, letters and spaces. */
function norm(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const ARTICLES = /^(the|a|an) /;

/** Whether `phrase` holds `words` as whole words. */
function holds(phrase: string, words: string): boolean {
  return words !== "" && ` ${phrase} `.includes(` ${words} `);
}

/** What a speaker is called in the box: the name, else the role (a nominal source). */
function label(s: Speaker): string {
  return norm(s.name ?? s.role).replace(ARTICLES, "");
}

/**
 * The speakers to offer, near-duplicates merged into one entry: the same label up to case and an
 * article ("Diplomats" / "diplomats", not "several diplomats"); an unnamed speaker whose role holds a
 * named one's full name ("a report by the city auditor, Dr. Helen Osei" → Helen Osei); an unnamed speaker whose role is part of a named
 * one's role ("a retired schoolteacher who …" → Lorraine Beckett, "a retired schoolteacher who …
 * called Keep the Flats"). A named speaker is kept over an unnamed one, the first seen otherwise.
 */
export function speakerChoices(speakers: readonly Speaker[]): Speaker[] {
  const kept: Speaker[] = [];
  const same = (a: Speaker, b: Speaker): boolean => {
    if (label(a) !== "" && label(a) === label(b)) return true;
    const [named, unnamed] = a.name ? [a, b] : [b, a];
    if (!named.name || unnamed.name) return false;
    const role = norm(unnamed.role);
    const name = norm(named.name);
    // a full name (two words or more) in the role: "… Dr. Helen Osei", not "several diplomats" for "Diplomats"
    return (name.includes(" ") && holds(role, name)) || (norm(named.role) !== "" && role.length >= 12 && holds(norm(named.role), role));
  };
  for (const s of speakers) {
    const i = kept.findIndex((k) => same(k, s));
    if (i < 0) kept.push(s);
    else if (!kept[i]!.name && s.name) kept[i] = s;
  }
  return kept;
}

export interface Attributed {
  statement: Statement;
  /** The speaker as reviewed so far. */
  speaker: Speaker | null;
  /** The source as reviewed so far. */
  source: Span | null;
}

const within = (outer: { start: number; end: number }, inner: { start: number; end: number }) =>
  outer.start <= inner.start && inner.end <= outer.end;

/**
 * The speaker a source span names, from the article's own speakers: the one whose mention or source
 * lies inside the span or holds it ("Walter Haskins" → Walter Haskins), else the one whose name, or
 * surname, the span's words hold ("Pike" → Rosalind Pike). null when none or more than one match:
 * the reviewer names the speaker.
 */
export function speakerForSource(text: string, statements: readonly Attributed[], span: Span): Speaker | null {
  const byMention = new Map<string, Speaker>();
  const bySource = new Map<string, Speaker>();
  const byName = new Map<string, Speaker>();
  const words = norm(text.slice(span.start, span.end));
  for (const a of statements) {
    const sp = a.speaker;
    if (!sp) continue;
    const m = sp.mention;
    if (m && (within(span, m) || within(m, span))) byMention.set(sp.entity, sp);
    for (const src of [a.statement.source, a.source]) {
      if (src && (within(span, src) || within(src, span))) bySource.set(sp.entity, sp);
    }
    const name = norm(sp.name);
    if (name && (holds(words, name) || holds(words, name.split(" ").at(-1)!))) byName.set(sp.entity, sp);
  }
  for (const found of [byMention, bySource, byName]) {
    if (found.size === 1) return [...found.values()][0]!;
    if (found.size > 1) return null;
  }
  return null;
}
