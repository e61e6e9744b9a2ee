/** Shared test helpers: paths to ../shared, and record invariants. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { DocumentRecord } from "../src/schema.js";
import { checkSpans } from "../src/record.js";

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
  expect(() => checkSpans(text, rec)).not.toThrow();
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
