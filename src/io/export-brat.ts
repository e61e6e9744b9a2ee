/**
 * brat standoff export, in PolNeAR's shape (../shared/tools/polnear-to-jsonl.mjs reads it back):
 * per document `<name>.txt` (the exact text) and `<name>.ann` with
 *   T<n>  Source|Cue|Content <start> <end>[;<start> <end>…]  <fragment texts joined by one space>
 *   T<n>  Attribution|Attribution-no-source …  (the event trigger: the cue span, else the content)
 *   E<n>  Attribution:T<trigger> Source:T<n> Cue:T<n> Content:T<n>
 *   #<n>  AnnotatorNotes E<n>  statement id, kind, confidence, speaker
 * Offsets are Unicode code points, as brat counts them (records hold UTF-16 offsets: converted here).
 */
import { join } from "node:path";
import type { Range, Statement } from "../schema.js";
import type { RecordWithText } from "./export-source.js";
import { codePointIndex, makeFolder, writeFileAtomic } from "./writers.js";

export const BRAT_CONF = `[entities]
Source
Cue
Content
Attribution
Attribution-no-source

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource?:Source, Cue?:Cue, Content*:Content
Attribution-no-source\tCue?:Cue, Content*:Content

[attributes]
`;

/** A file name for a doc id: letters, digits, '.', '_' and '-' kept, the rest '_'; unique within the export. */
export function bratName(docId: string, used: Set<string>): string {
  const base = docId.replace(/\.txt$/i, "").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "doc";
  let name = base.slice(0, 120);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 120)}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * Statements grouped into attributions: the fragments of an interrupted content (same
 * `fragment.group`) are one attribution whose Content has several fragments, as in PolNeAR.
 */
export function groupFragments(statements: Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  const byGroup = new Map<string, Statement[]>();
  for (const s of statements) {
    if (!s.fragment) {
      groups.push([s]);
      continue;
    }
    let g = byGroup.get(s.fragment.group);
    if (!g) {
      g = [];
      byGroup.set(s.fragment.group, g);
      groups.push(g);
    }
    g.push(s);
  }
  for (const g of groups) g.sort((a, b) => (a.fragment?.index ?? 0) - (b.fragment?.index ?? 0));
  return groups;
}

/** The .ann text for one record. */
export function bratAnn(text: string, statements: Statement[]): string {
  const cp = codePointIndex(text);
  const lines: string[] = [];
  const entities = new Map<string, string>();
  let t = 0;
  const entity = (type: string, frags: Range[]): string => {
    const offsets = frags.map((f) => `${cp(f.start)} ${cp(f.end)}`).join(";");
    const key = `${type} ${offsets}`;
    let id = entities.get(key);
    if (!id) {
      id = `T${++t}`;
      entities.set(key, id);
      // brat writes the fragments' texts joined by one space; newlines are kept as they are
      lines.push(`${id}\t${key}\t${frags.map((f) => text.slice(f.start, f.end)).join(" ")}`);
    }
    return id;
  };
  groupFragments(statements).forEach((group, i) => {
    const s = group[0]!;
    const content = entity("Content", group.map((g) => g.content));
    const source = s.source ? entity("Source", [s.source]) : null;
    const cue = s.cue ? entity("Cue", [s.cue]) : null;
    const trigger = entity(source ? "Attribution" : "Attribution-no-source", [s.cue ?? s.content]);
    const args = [`Attribution:${trigger}`];
    if (source) args.push(`Source:${source}`);
    if (cue) args.push(`Cue:${cue}`);
    args.push(`Content:${content}`);
    const e = `E${i + 1}`;
    lines.push(`${e}\t${args.join(" ")}`);
    const speaker = s.speaker
      ? `; speaker ${s.speaker.entity}${s.speaker.name ? ` ${s.speaker.name}` : ""}${s.speaker.role ? ` (${s.speaker.role})` : ""}`
      : "";
    const note = `statement ${group.map((g) => g.id).join(",")}; ${s.kind}; confidence ${s.confidence}${speaker}`.replace(/[\t\r\n]+/g, " ");
    lines.push(`#${i + 1}\tAnnotatorNotes ${e}\t${note}`);
  });
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/** Writes <dir>/<name>.txt + .ann per document and annotation.conf; returns the documents written. */
export async function writeBrat(docs: AsyncIterable<RecordWithText>, dir: string): Promise<number> {
  await makeFolder(dir);
  await writeFileAtomic(join(dir, "annotation.conf"), BRAT_CONF);
  const used = new Set<string>(["annotation"]);
  let n = 0;
  for await (const { record, text } of docs) {
    const name = bratName(record.doc_id, used);
    await writeFileAtomic(join(dir, `${name}.txt`), text);
    await writeFileAtomic(join(dir, `${name}.ann`), bratAnn(text, record.statements));
    n++;
  }
  return n;
}
