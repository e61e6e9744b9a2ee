/** The pipeline a bench run uses: `--pipeline <name|path.json>`, else "default". */
import { resolve } from "node:path";

export function benchPipeline(args: string[]): string {
  const i = args.indexOf("--pipeline");
  const value = i >= 0 ? args[i + 1] : undefined;
  if (!value) return "default";
  return value.endsWith(".json") ? resolve(value) : value;
}
