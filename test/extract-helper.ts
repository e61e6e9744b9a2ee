/** Runs the statement stages (no numbers/dates) on a text, for the attribution table tests. */
import { createPipeline, extract } from "../src/index.js";
import type { DocumentRecord } from "../src/schema.js";

const pipeline = createPipeline({
  name: "statements-only",
  stages: ["ingest", "paragraphs", "sentences", "tokens", "mentions", "quotes", "cues", "attribution", "coreference"],
});

export function statementsOf(text: string): DocumentRecord {
  return extract(text, { pipeline });
}

export interface Row {
  source: string | null;
  cue: string | null;
  content: string;
  kind?: string;
}

export function rows(text: string): Row[] {
  return statementsOf(text).statements.map((s) => ({ source: s.source?.text ?? null, cue: s.cue?.text ?? null, content: s.content.text, kind: s.kind }));
}
