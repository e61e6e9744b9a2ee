/** sentences: news-grade sentence ranges over the body (rules in sentence-split.ts). */
import type { Stage } from "../stage.js";
import { splitSentences } from "./sentence-split.js";

export const sentencesStage: Stage = {
  name: "sentences",
  requires: ["body"],
  provides: "sentences",
  run(doc) {
    doc.set("sentences", splitSentences(doc.text, doc.get("body")));
  },
};
