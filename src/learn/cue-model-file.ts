/** Writes the cue model file read by src/stages/cues/cue-model.ts (parseModel). */
import { CUE_CLASSES, type CueModel } from "../stages/cues/cue-model.js";

/** Serialises a model: one feature a line, so that no line carries more than a feature name. */
export function writeModel(model: CueModel): string {
  const lines = [
    "{",
    `"format": ${JSON.stringify(model.format)},`,
    `"classes": ${JSON.stringify(CUE_CLASSES)},`,
    `"threshold": ${model.threshold},`,
    `"scale": ${model.scale},`,
    '"weights": {',
  ];
  const keys = [...model.weights.keys()].sort();
  keys.forEach((k, n) => {
    const row = [...model.weights.get(k)!].map((v) => (Object.is(v, -0) ? 0 : v));
    lines.push(`${JSON.stringify(k)}: [${row.join(",")}]${n < keys.length - 1 ? "," : ""}`);
  });
  lines.push("}", "}");
  return `${lines.join("\n")}\n`;
}

