/**
 * Library API.
 *   extract(text, { id, date }) → DocumentRecord (throws DocumentError on input it cannot process)
 *   processDocument(input, pipeline) → DocumentRecord | ErrorRecord (never throws)
 *   createPipeline(config), loadPipeline(name)
 */
import { Doc } from "./doc.js";
import { type CalendarDay, dayError, parseDay } from "./calendar-day.js";
import { createPipeline, loadPipelineConfig, type Pipeline, PipelineError } from "./pipeline.js";
import { type DocumentRecord, type ErrorRecord, type Message, SCHEMA_VERSION } from "./schema.js";

export { type CalendarDay, dayError, parseDay } from "./calendar-day.js";
export { createPipeline, loadPipelineConfig, PipelineError, type Pipeline } from "./pipeline.js";
export * from "./schema.js";

/** An input document: what a reader yields. `messages` are problems found while reading it. */
export interface InputDocument {
  id: string;
  text: string;
  date?: string | null | undefined;
  /** the date for a document that gives none (the CLI's --date) */
  defaultDate?: string | null | undefined;
  messages?: Message[];
}

export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DocumentError";
  }
}

const pipelines = new Map<string, Pipeline>();

/** A named pipeline (pipelines/<name>.json), loaded once per process. */
export function loadPipeline(name = "default"): Pipeline {
  let p = pipelines.get(name);
  if (!p) {
    p = createPipeline(loadPipelineConfig(name));
    pipelines.set(name, p);
  }
  return p;
}

function checkDate(date: string | null | undefined, what: string): CalendarDay | null {
  if (date === undefined || date === null || date === "") return null;
  const day = parseDay(date);
  if (!day) throw new DocumentError("bad-date", `${what}: ${dayError(date)}`);
  return day;
}

export interface ExtractOptions {
  id?: string;
  /** the document's own date (YYYY-MM-DD); a `date …` header in the text wins over it */
  date?: string | null;
  /** the date for a document that gives none, in its header or `date` (the CLI's --date) */
  defaultDate?: string | null;
  pipeline?: Pipeline | string;
  messages?: Message[];
}

/** Runs the pipeline on one text. Throws DocumentError (bad input) or PipelineError (a stage failed). */
export function extract(text: string, options: ExtractOptions = {}): DocumentRecord {
  const pipeline =
    typeof options.pipeline === "object" ? options.pipeline : loadPipeline(options.pipeline ?? "default");
  if (typeof text !== "string") throw new DocumentError("bad-input", `Expected text to be a string, got ${typeof text}`);
  if (text.trim() === "") {
    throw new DocumentError("empty-document", text.length === 0 ? "the document is empty" : "the document holds only whitespace");
  }
  const doc = new Doc(text, {
    id: options.id ?? "doc",
    date: checkDate(options.date, "date"),
    defaultDate: checkDate(options.defaultDate, "default date"),
  });
  for (const m of options.messages ?? []) doc.messages.push(m);
  return pipeline.run(doc);
}

export function errorRecord(docId: string, code: string, message: string): ErrorRecord {
  return { schema_version: SCHEMA_VERSION, doc_id: docId, error: { code, message } };
}

/** Never throws: bad input and stage failures become an error record for this document only. */
export function processDocument(input: InputDocument, pipeline: Pipeline): DocumentRecord | ErrorRecord {
  try {
    return extract(input.text, {
      id: input.id,
      date: input.date ?? null,
      defaultDate: input.defaultDate ?? null,
      pipeline,
      messages: input.messages ?? [],
    });
  } catch (err) {
    if (err instanceof DocumentError) return errorRecord(input.id, err.code, err.message);
    if (err instanceof PipelineError) return errorRecord(input.id, `stage-failed:${err.stage}`, err.message);
    return errorRecord(input.id, "internal-error", err instanceof Error ? err.message : String(err));
  }
}

/** A parsed document: sentences with their UD words, tags and heads (1-based within the sentence, 0 = root). */
export interface ParsedDocument {
  doc_id: string;
  sentences: Array<{
    start: number;
    end: number;
    words: Array<{ start: number; end: number; text: string; upos: string; head: number; deprel: string }>;
  }>;
}

let parsePipeline: Pipeline | undefined;

/** Sentences, words, tags and dependency trees of a text (the syntax layer), with UTF-16 offsets. */
export function parse(text: string, options: { id?: string } = {}): ParsedDocument {
  parsePipeline ??= createPipeline({ name: "parse", stages: ["ingest", "paragraphs", "sentences", "tokens", "syntax"] });
  const doc = parsePipeline.annotate(new Doc(text, { id: options.id ?? "doc", date: null }));
  const t = doc.get("syntax");
  const sentences = doc.get("sentences").map((s, i) => {
    const first = t.sentenceStart[i]!;
    const words = [];
    for (let w = first; w < t.sentenceStart[i + 1]!; w++) {
      const start = t.start[w]!;
      const end = t.end[w]!;
      const head = t.head[w]!;
      words.push({ start, end, text: text.slice(start, end), upos: t.tags[t.upos[w]!]!, head: head < 0 ? 0 : head - first + 1, deprel: t.labels[t.deprel[w]!]! });
    }
    return { start: s.start, end: s.end, words };
  });
  return { doc_id: doc.meta.id, sentences };
}

export { parseConllu } from "./stages/syntax/parse-conllu.js";
export { modelPath as syntaxModelPath } from "./stages/syntax/syntax-model.js";
