/**
 * The layout rules of ../shared/DESIGN.md, checked on the import graph of src/:
 * - imports run down: cli → runner/review → io → index/learn → pipeline/record → stage registry →
 *   stages → shared text, number words and lexicons → doc/schema/adapters;
 * - a stage's folder imports no other stage's folder (shared code sits in src/text, src/number-words,
 *   src/lexicons);
 * - no import circle spans files, except type-only imports inside one stage folder.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^(import|export)\s+(type\s+)?[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gms;

function edges(files: string[]): Edge[] {
  const known = new Set(files);
  const out: Edge[] = [];
  for (const from of files) {
    const text = readFileSync(join(ROOT, from), "utf8");
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3]!;
      if (spec.endsWith(".json")) continue;
      const base = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, "");
      const to = [`${base}.ts`, `${base}.tsx`].find((f) => known.has(f));
      if (!to) throw new Error(`${from}: cannot resolve import "${spec}"`);
      out.push({ from, to, typeOnly: m[2] !== undefined });
    }
  }
  return out;
}

/** The rank of a file: imports go to files of a lower rank, or stay inside one group. */
function rank(file: string): { rank: number; group: string } {
  const p = file.replace(/^src\//, "");
  const top = p.split("/")[0]!;
  if (top === "cli") return { rank: 90, group: "cli" };
  if (top === "runner" || top === "review") return { rank: 80, group: top };
  if (top === "io") return { rank: 70, group: "io" };
  if (p === "index.ts") return { rank: 60, group: "index" };
  if (top === "learn") return { rank: 60, group: "learn" };
  if (p === "pipeline.ts") return { rank: 55, group: "pipeline" };
  if (p === "record.ts") return { rank: 50, group: "record" };
  if (p === "stages/index.ts") return { rank: 45, group: "registry" };
  if (top === "stages") {
    const parts = p.split("/");
    return { rank: 40, group: parts.length > 2 ? `stages/${parts[1]}` : p };
  }
  if (top === "text" || top === "number-words" || top === "lexicons") return { rank: 30, group: top };
  if (top === "adapters") return { rank: 20, group: "adapters" };
  // the core: the stage contract over the Doc over the record schema and the plain helpers
  if (p === "stage.ts") return { rank: 16, group: p };
  if (p === "doc.ts") return { rank: 14, group: p };
  return { rank: 10, group: p }; // schema.ts, calendar-day.ts, package-info.ts, random.ts
}

const files = sources("src");
const graph = edges(files);

describe("layout", () => {
  it("imports run down, never up, and stage folders import no other stage", () => {
    const bad: string[] = [];
    for (const e of graph) {
      const a = rank(e.from);
      const b = rank(e.to);
      if (a.group === b.group) continue;
      if (b.rank >= a.rank) bad.push(`${e.from} → ${e.to}`);
    }
    expect(bad).toEqual([]);
  });

  it("has no import circle across files (type-only ties inside one stage folder aside)", () => {
    const next = new Map<string, string[]>();
    for (const e of graph) {
      const sameStage = e.typeOnly && rank(e.from).group === rank(e.to).group && e.from.startsWith("src/stages/");
      if (sameStage) continue;
      next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    }
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      state.set(f, 1);
      for (const t of next.get(f) ?? []) {
        if (state.get(t) === 1) cycles.push([...path.slice(path.indexOf(t)), t].join(" → "));
        else if (!state.has(t)) visit(t, [...path, t]);
      }
      state.set(f, 2);
    };
    for (const f of files) if (!state.has(f)) visit(f, [f]);
    expect(cycles).toEqual([]);
  });

  it("the checker sees a real graph", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.some((e) => e.from === "src/pipeline.ts" && e.to === "src/stages/index.ts")).toBe(true);
  });
});
