/**
 * paragraphs: the body's paragraphs, made once for every stage that reads them (quotes pair their
 * marks inside one paragraph; attribution and cues ask where a paragraph starts). A newline ends a
 * paragraph; each is trimmed of whitespace, and blank lines give none.
 */
import type { Range } from "../doc.js";
import type { Stage } from "../stage.js";
import { trimRange } from "../text/spans.js";

export function paragraphsOf(text: string, body: Range): Range[] {
  const out: Range[] = [];
  let p = body.start;
  while (p < body.end) {
    let e = text.indexOf("\n", p);
    if (e < 0 || e > body.end) e = body.end;
    const r = trimRange(text, p, e);
    if (r.end > r.start) out.push(r);
    p = e + 1;
  }
  return out;
}

export const paragraphsStage: Stage = {
  name: "paragraphs",
  requires: ["body"],
  provides: "paragraphs",
  run(doc) {
    doc.set("paragraphs", paragraphsOf(doc.text, doc.get("body")));
  },
};
