/**
 * Label Studio pre-annotations: a JSON array of tasks, one per document, each with
 * `data.text` and one prediction whose results are Source / Cue / Content labels on the text and
 * relations from each Source and Cue to its Content. Label Studio counts offsets in code points
 * (records hold UTF-16 offsets: converted here). Labelling config to use with it: LABEL_STUDIO_CONFIG.
 */
import type { Range } from "../schema.js";
import { groupFragments } from "./export-brat.js";
import type { RecordWithText } from "./export-source.js";
import { codePointIndex, writeTo } from "./writers.js";

export const LABEL_STUDIO_CONFIG = `<View>
  <Relations>
    <Relation value="source-of"/>
    <Relation value="cue-of"/>
  </Relations>
  <Labels name="label" toName="text">
    <Label value="Source"/>
    <Label value="Cue"/>
    <Label value="Content"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>
`;

interface LabelResult {
  id: string;
  from_name: "label";
  to_name: "text";
  type: "labels";
  value: { start: number; end: number; text: string; labels: string[] };
  score: number;
  meta?: { text: string[] };
}
interface RelationResult {
  type: "relation";
  from_id: string;
  to_id: string;
  direction: "right";
  labels: string[];
}

export function labelStudioTask({ record, text }: RecordWithText): unknown {
  const cp = codePointIndex(text);
  const result: (LabelResult | RelationResult)[] = [];
  const label = (id: string, span: Range, name: string, score: number) => {
    result.push({
      id,
      from_name: "label",
      to_name: "text",
      type: "labels",
      value: { start: cp(span.start), end: cp(span.end), text: text.slice(span.start, span.end), labels: [name] },
      score,
    });
  };
  groupFragments(record.statements).forEach((group, i) => {
    const base = `s${i + 1}`;
    const s = group[0]!;
    const ids = group.map((_, j) => `${base}-content${group.length > 1 ? `-${j + 1}` : ""}`);
    group.forEach((g, j) => {
      label(ids[j]!, g.content, "Content", g.confidence);
    });
    const link = (from: string, name: string) => {
      for (const to of ids) result.push({ type: "relation", from_id: from, to_id: to, direction: "right", labels: [name] });
    };
    if (s.source) {
      label(`${base}-source`, s.source, "Source", s.confidence);
      link(`${base}-source`, "source-of");
    }
    if (s.cue) {
      label(`${base}-cue`, s.cue, "Cue", s.confidence);
      link(`${base}-cue`, "cue-of");
    }
  });
  const scores = record.statements.map((s) => s.confidence);
  return {
    data: { text, doc_id: record.doc_id, date: record.date },
    predictions: [
      {
        model_version: `${record.pipeline.name} ${record.pipeline.version} ${record.pipeline.config_sha256.slice(0, 12)}`,
        score: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000 : 0,
        result,
      },
    ],
  };
}

/** Streams the tasks as one JSON array. Returns the number of tasks. */
export async function writeLabelStudio(docs: AsyncIterable<RecordWithText>, out: NodeJS.WritableStream): Promise<number> {
  let n = 0;
  await writeTo(out, "[");
  for await (const doc of docs) {
    await writeTo(out, `${n === 0 ? "\n" : ",\n"}${JSON.stringify(labelStudioTask(doc))}`);
    n++;
  }
  await writeTo(out, n === 0 ? "]\n" : "\n]\n");
  return n;
}
