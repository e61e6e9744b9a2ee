/**
 * Output helpers shared by the runner and the exports: atomic file writes (temp + fsync + rename),
 * back-pressured writes to a stream, and file concatenation.
 */
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir loops for ever on some paths (one under
 * /proc), and a level that exists as a file fails with ENOTDIR here as it should.
 */
export async function makeFolder(path: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    const parent = dirname(path);
    if (parent !== path) await makeFolder(parent);
    try {
      await mkdir(path);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  if (!(await stat(path)).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: "ENOTDIR", syscall: "mkdir", path });
  }
}

/** A file or folder the command is to write: its folder must exist (or be creatable) and be a folder. */
export async function checkWritablePath(flag: string, path: string, isFolder: boolean): Promise<string | null> {
  try {
    await makeFolder(isFolder ? path : dirname(path));
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return `${flag} ${path}: cannot create the folder (${e.code ?? "error"}: ${e.message.replace(/^[A-Z]+: /, "")})`;
  }
}

/** Writes `data` to `path` so that readers see the old file or the whole new one, never a part. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await open(tmp, "w");
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** Writes to a stream, waiting for 'drain' when its buffer is full; rejects on a stream error. */
export function writeTo(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    stream.once("error", onError);
    const ok = stream.write(chunk, (err) => {
      if (err) reject(err);
    });
    if (ok) {
      stream.removeListener("error", onError);
      resolve();
    } else {
      stream.once("drain", () => {
        stream.removeListener("error", onError);
        resolve();
      });
    }
  });
}

/** Concatenates files into `target` atomically (temp + fsync + rename). */
export async function concatFilesAtomic(sources: string[], target: string): Promise<void> {
  const tmp = `${target}.tmp-${process.pid}`;
  const out = await open(tmp, "w");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (const src of sources) {
      const fh = await open(src, "r");
      try {
        for (;;) {
          const { bytesRead } = await fh.read(buf, 0, buf.length, null);
          if (bytesRead === 0) break;
          await out.write(buf, 0, bytesRead);
        }
      } finally {
        await fh.close();
      }
    }
    await out.sync();
  } catch (err) {
    await out.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await out.close();
  await rename(tmp, target);
}

/** RFC 4180 CSV field: quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "number" ? String(value) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-16 index → Unicode code point index, for formats that count code points (brat, Label Studio). */
export function codePointIndex(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low one is one code point: its second unit maps to the same index
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** A reader that closed standard output (`… | head`) ends the command quietly, as SIGPIPE would (141). */
export function exitQuietlyOnClosedStdout(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(141);
  });
}
