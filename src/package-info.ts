/** Where the package lives and its version, read once. */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;
let version: string | undefined;

/** The package root: the folder holding package.json (works from src/ under tsx and from dist/). */
export function packageRoot(): string {
  root ??= resolve(dirname(fileURLToPath(import.meta.url)), "..");
  return root;
}

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(`${packageRoot()}/package.json`, "utf8")) as { version: string }).version;
  return version;
}
