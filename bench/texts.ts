/** The texts the benches run on: corpus/*.txt, then PolNeAR train (or dev when train is absent) from ../shared. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

export function benchTexts(): { texts: string[]; sources: string[] } {
  const texts: string[] = [];
  const sources: string[] = [];
  for (const f of readdirSync(join(ROOT, "corpus")).filter((x) => x.endsWith(".txt")).sort()) {
    texts.push(readFileSync(join(ROOT, "corpus", f), "utf8"));
  }
  sources.push(`corpus/*.txt (${texts.length})`);
  const polnear = ["train.jsonl", "dev.jsonl"].map((name) => join(ROOT, "..", "shared", "data", "polnear", name)).find(existsSync);
  if (polnear) {
    let n = 0;
    for (const line of readFileSync(polnear, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const t = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof t === "string" && t.trim()) {
        texts.push(t);
        n++;
      }
    }
    sources.push(`../shared/data/polnear/${polnear.split("/").pop()} (${n})`);
  }
  return { texts, sources };
}
