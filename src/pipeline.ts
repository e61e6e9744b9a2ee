/**
 * Runs stages in order over one Doc. Checks each stage's `requires` when the pipeline is built and
 * before it runs, hands it a view of the Doc that reads only the layers it declared, stamps its name
 * on the messages it reports, and names the stage in every error. Pipeline configs
 * (pipelines/*.json) are validated with zod.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Doc, LayerName, Range } from "./doc.js";
import { buildRecord } from "./record.js";
import type { DocumentRecord } from "./schema.js";
import type { Stage } from "./stage.js";
import { STAGES } from "./stages/index.js";
import { packageRoot, packageVersion } from "./package-info.js";

export const PipelineConfigSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "lower-case letters, digits, '.', '_' or '-'"),
    description: z.string().optional(),
    stages: z.array(z.string()).min(1),
    options: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  })
  .strict();

export type PipelineConfig = z.infer<typeof PipelineConfigSchema>;

export class PipelineError extends Error {
  constructor(
    readonly stage: string,
    message: string,
  ) {
    super(`stage "${stage}": ${message}`);
    this.name = "PipelineError";
  }
}

export interface Pipeline {
  config: PipelineConfig;
  info: DocumentRecord["pipeline"];
  stages: Stage[];
  /**
   * Runs all stages on a doc, adding their layers (no record). Throws PipelineError. `timed`, when
   * given, hears each stage's name and milliseconds (the bench's per-stage table).
   */
  annotate(doc: Doc, timed?: (stage: string, ms: number) => void): Doc;
  /** Runs all stages on a doc and returns the validated record. Throws PipelineError. */
  run(doc: Doc): DocumentRecord;
}

/** Canonical JSON (sorted keys) so the config hash does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** `registry` maps stage names to stages (the built-in STAGES by default; tests add their own). */
export function createPipeline(input: unknown, registry: Readonly<Record<string, Stage>> = STAGES): Pipeline {
  const parsed = PipelineConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PipelineError("config", `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const config = parsed.data;
  const stages: Stage[] = [];
  const provided = new Set<LayerName>();
  for (const name of config.stages) {
    const stage = registry[name];
    if (!stage) {
      throw new PipelineError(name, `unknown stage; known stages: ${Object.keys(registry).join(", ")}`);
    }
    const missing = stage.requires.filter((r) => !provided.has(r));
    if (missing.length > 0) {
      throw new PipelineError(
        name,
        `requires layer(s) ${missing.join(", ")}, which no earlier stage provides (order: ${config.stages.join(" → ")})`,
      );
    }
    provided.add(stage.provides);
    stages.push(stage);
  }
  for (const opt of Object.keys(config.options)) {
    if (!config.stages.includes(opt)) throw new PipelineError(opt, "options given for a stage not in the pipeline");
  }
  const info = {
    name: config.name,
    version: packageVersion(),
    config_sha256: createHash("sha256").update(canonical(config)).digest("hex"),
  };
  return {
    config,
    info,
    stages,
    annotate(doc: Doc, timed?: (stage: string, ms: number) => void): Doc {
      for (const stage of stages) {
        const started = timed ? performance.now() : 0;
        const missing = stage.requires.filter((r) => !doc.has(r));
        if (missing.length > 0) throw new PipelineError(stage.name, `layer(s) ${missing.join(", ")} missing`);
        const view = doc.view(stage.requires, stage.provides);
        const report = (rule: string, reason: string, span?: Range) => doc.message(stage.name, rule, reason, span);
        try {
          stage.run(view, { options: config.options[stage.name] ?? {}, report });
        } catch (err) {
          if (err instanceof PipelineError) throw err;
          throw new PipelineError(stage.name, err instanceof Error ? err.message : String(err));
        }
        if (!doc.has(stage.provides)) throw new PipelineError(stage.name, `did not provide layer "${stage.provides}"`);
        timed?.(stage.name, performance.now() - started);
      }
      return doc;
    },
    run(doc: Doc): DocumentRecord {
      this.annotate(doc);
      try {
        return buildRecord(doc, info);
      } catch (err) {
        throw new PipelineError("record", err instanceof Error ? err.message : String(err));
      }
    },
  };
}

/** Loads a named config from pipelines/<name>.json, or a path to a .json file. */
export function loadPipelineConfig(nameOrPath = "default"): unknown {
  const path = nameOrPath.endsWith(".json") ? nameOrPath : `${packageRoot()}/pipelines/${nameOrPath}.json`;
  if (!nameOrPath.endsWith(".json") && !/^[a-z0-9][a-z0-9._-]*$/.test(nameOrPath)) {
    throw new PipelineError("config", `Expected a pipeline name like "default" or a .json path, got "${nameOrPath}"`);
  }
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    throw new PipelineError("config", `no pipeline config at ${path}`);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new PipelineError("config", `${path} is not valid JSON: ${(err as Error).message}`);
  }
}
