/** The stage contract: a small object that reads layers and adds one. */
import type { Doc, LayerName } from "./doc.js";

export interface StageContext {
  /** this stage's options from the pipeline config (validated by the stage) */
  options: Record<string, unknown>;
}

export interface Stage {
  name: string;
  requires: LayerName[];
  provides: LayerName;
  /** Synchronous and pure per document: reads doc layers, sets `provides`, pushes messages. */
  run(doc: Doc, ctx: StageContext): void;
}
