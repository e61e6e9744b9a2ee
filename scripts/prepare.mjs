// npm "prepare" (runs on `npm ci`, and again when `npx statements` sets up this checkout's own bin):
// builds dist/ with `npm run build` only when it is missing or older than the sources, then makes the
// CLI executable. A fresh clone always builds; a second run costs a directory scan, not a rebuild.
import { execSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist/.build-stamp");

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const sources = ["src", "scripts", "tsconfig.json", "package.json"].map((p) => join(root, p)).filter(existsSync);
const stale = !existsSync(stamp) || Math.max(...sources.map(newest)) > statSync(stamp).mtimeMs;
if (stale) {
  execSync("npm run build", { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
chmodSync(join(root, "dist/cli/main.js"), 0o755);
