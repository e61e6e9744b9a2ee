/**
 * Bundles the review UI (src/review/ui, preact) with esbuild into dist/review/static/app.js and
 * app.css; `npm run build` runs it after tsc. Everything is bundled: no CDN, no network at run time.
 *   tsx scripts/build-ui.ts [outdir]
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const UI_ENTRY = join(root, "src", "review", "ui", "main.tsx");
export const UI_OUTDIR = join(root, "dist", "review", "static");

export async function buildUi(outdir: string = UI_OUTDIR, options: { minify?: boolean } = {}): Promise<string[]> {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { app: UI_ENTRY },
    outdir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  });
  return Object.keys(result.metafile.outputs);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : UI_OUTDIR;
  const files = await buildUi(out);
  process.stderr.write(`review UI → ${files.join(", ")}\n`);
}
