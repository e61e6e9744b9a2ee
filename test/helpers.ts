/** Shared test helpers: paths to ../shared, and record invariants. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { Doc, type DocMeta } from "../src/doc.js";
import { createPipeline, loadPipelineConfig } from "../src/pipeline.js";
import { type DocumentRecord, validateRecord } from "../src/schema.js";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const sharedRoot = fileURLToPath(new URL("../../shared/", import.meta.url));
export const hasShared = existsSync(`${sharedRoot}CONTRACT.md`);
export const sharedMissing = "../shared is not beside this checkout: skipped (CI has it)";

export function corpusFiles(): string[] {
  return readdirSync(`${repoRoot}corpus`)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

export function readCorpus(name: string): string {
  return readFileSync(`${repoRoot}corpus/${name}`, "utf8");
}

/** Every contract rule a record must hold for its text. */
export function expectRecordInvariants(text: string, rec: DocumentRecord): void {
  expect(validateRecord(rec, text)).toEqual({ record: rec });
  const ids = rec.statements.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const s of rec.sentences) {
    expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
  }
  for (let i = 1; i < rec.sentences.length; i++) expect(rec.sentences[i]!.start).toBeGreaterThanOrEqual(rec.sentences[i - 1]!.end);
  for (const s of rec.statements) {
    for (const n of s.numbers) expect(n).toBeLessThan(rec.numbers.length);
    if (s.speaker === null) continue;
    expect(s.speaker.entity).toMatch(/^e\d+$/);
  }
}

/** The default pipeline's stages up to and including `last`. */
export function stagesUpTo(last: string): string[] {
  const all = (loadPipelineConfig("default") as { stages: string[] }).stages;
  const i = all.indexOf(last);
  if (i < 0) throw new Error(`no stage "${last}" in the default pipeline`);
  return all.slice(0, i + 1);
}

/** Runs the default pipeline's stages up to `last` on a text (each stage sees only what it declares). */
export function annotate(text: string, last: string, meta: Partial<DocMeta> = {}): Doc {
  const pipeline = createPipeline({ name: "test", stages: stagesUpTo(last) });
  return pipeline.annotate(new Doc(text, { id: "t", date: null, ...meta }));
}
