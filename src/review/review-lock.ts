/**
 * One review server per run: reviews.jsonl.lock beside the log, created exclusively (O_EXCL) and
 * holding the server's pid, host and URL. A second server on the same run is refused with the first
 * one's URL. A lock is stale, and taken over, when its process is gone (same host, no such pid) or
 * when its pid lives but nothing answers at its URL (the pid was reused). The lock is removed when
 * the server closes; a killed server leaves a stale lock, which the next start takes over.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { request } from "node:http";
import { hostname } from "node:os";
import { ReviewUsageError } from "./run.js";

export interface LockInfo {
  pid: number;
  host: string;
  /** The origin of the server holding the lock (the token is not written to disk). */
  url: string;
  started: string;
}

export class ReviewLocked extends ReviewUsageError {
  override name = "ReviewLocked";
}

export function lockPathFor(reviewsPath: string): string {
  return `${reviewsPath}.lock`;
}

function readLock(path: string): LockInfo | null {
  try {
    const o = JSON.parse(readFileSync(path, "utf8")) as Partial<LockInfo>;
    return { pid: Number(o.pid), host: String(o.host ?? ""), url: String(o.url ?? ""), started: String(o.started ?? "") };
  } catch {
    return null; // being written right now, or garbage
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether an HTTP server answers at `url` (any status) within a second. */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(false);
      return;
    }
    const req = request({ host: target.hostname.replace(/^\[|\]$/g, ""), port: target.port, path: "/", method: "HEAD", timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
    req.end();
  });
}

/** Why the lock's holder is alive (a message for the user), or null when the lock is stale. */
async function holder(info: LockInfo | null): Promise<string | null> {
  if (!info) return null;
  if (info.host !== hostname()) {
    return `by a server on host ${info.host} (pid ${info.pid}, ${info.url})`;
  }
  if (!pidAlive(info.pid)) return null;
  if (!(await answers(info.url))) return null;
  return `by another statements review at ${info.url} (pid ${info.pid}, since ${info.started})`;
}

function create(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

export interface ReviewLock {
  path: string;
  release(): void;
}

/** Takes the run's lock for the server at `url`, or throws ReviewLocked naming the server that has it. */
export async function acquireReviewLock(reviewsPath: string, url: string): Promise<ReviewLock> {
  const path = lockPathFor(reviewsPath);
  const info: LockInfo = { pid: process.pid, host: hostname(), url, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (create(path, info)) {
      return {
        path,
        release: () => {
          const now = readLock(path);
          if (now && now.pid === info.pid && now.url === info.url) rmSync(path, { force: true });
        },
      };
    }
    const seen = readLock(path);
    if (!seen && ageMs(path) < 2000) {
      // another server is writing its lock this very moment: look again shortly
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const held = await holder(seen);
    if (held) {
      throw new ReviewLocked(
        `${reviewsPath} is already being reviewed ${held}: open that URL (its token was printed where it was started) ` +
          `or stop it first; two servers would write the same seq numbers. If it is gone, remove ${path}.`,
      );
    }
    // Stale: move it aside and check that what moved is the lock judged stale; a fresh lock that
    // another process wrote in between goes back (link fails if yet another one is there).
    const aside = `${path}.stale-${process.pid}-${attempt}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readLock(aside);
    if (moved && seen && (moved.pid !== seen.pid || moved.started !== seen.started)) {
      try {
        linkSync(aside, path);
      } catch {
        // a third lock is already there; it wins
      }
    }
    rmSync(aside, { force: true });
  }
  throw new ReviewLocked(`could not take the review lock ${path}: it keeps changing; is another statements review starting?`);
}
