/** sentences: news-grade sentence ranges over the body (the scan in split.ts, its parts beside it). */
import type { Stage } from "../../stage.js";
import { splitSentences } from "./split.js";

export const sentencesStage: Stage = {
  name: "sentences",
  requires: ["body"],
  provides: "sentences",
  run(doc) {
    doc.set("sentences", splitSentences(doc.text, doc.get("body")));
  },
};
