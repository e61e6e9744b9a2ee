/** The stage contract: a small object that reads layers and adds one. */
import type { DocView, LayerName, Range } from "./doc.js";

export interface StageContext {
  /** this stage's options from the pipeline config (validated by the stage) */
  options: Record<string, unknown>;
  /** Adds a message stamped with this stage's name: `rule` is a short id, `reason` says why. */
  report(rule: string, reason: string, span?: Range): void;
}

export interface Stage {
  name: string;
  requires: LayerName[];
  provides: LayerName;
  /**
   * Synchronous and pure per document: reads the layers it requires, sets `provides`, reports
   * messages through `ctx`. The doc it gets lets it read only what it declared.
   */
  run(doc: DocView, ctx: StageContext): void;
}
