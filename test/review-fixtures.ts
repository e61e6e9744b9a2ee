/**
 * Shared by the review tests: runs made from the project's corpus/ articles, a chromium launched
 * through playwright-core (Debian's /usr/bin/chromium, no network), and page helpers that wait on
 * selectors and events, never on fixed sleeps.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { createPipeline, type DocumentRecord, loadPipeline, type Pipeline, processDocument } from "../src/index.js";
import { isReadError, readInputs } from "../src/io/readers.js";
import type { ReviewsInfo } from "../src/review/api.js";
import { type DecisionLine, type ReviewState, statementKey } from "../src/review/decisions.js";
import { readReviewLog } from "../src/review/review-log.js";
import { loadRun } from "../src/review/run.js";
import { type ReviewServer, startReviewServer } from "../src/review/server.js";
import { expect, vi } from "vitest";

// A loaded 2-core CI machine: polls wait on the page for up to 15 s (the default is 1 s), never on sleeps.
vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 50 } } });

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS = join(ROOT, "corpus");
export const SEED = join(CORPUS, "seed-2025-07-24-istanbul-talks.txt");
export const SCORER = resolve(ROOT, "..", "shared", "tools", "score-statements.mjs");
export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = join(ROOT, "test-artifacts");
export const haveChromium = existsSync(CHROMIUM);

/** The default pipeline; while its numbers/dates stages are being written, the same without them. */
function pipeline(): Pipeline {
  try {
    return loadPipeline("default");
  } catch {
    return createPipeline({
      name: "nonum",
      stages: ["ingest", "paragraphs", "sentences", "tokens", "mentions", "quotes", "cues", "attribution", "coreference"],
    });
  }
}

export interface TestRun {
  dir: string;
  records: DocumentRecord[];
  inputs: string[];
}

/** Extracts `inputs` into a new run folder (records.jsonl + summary.json); `errorRecord` adds an error line. */
export async function makeRun(inputs: string[], options: { errorRecord?: boolean } = {}): Promise<TestRun> {
  const dir = mkdtempSync(join(tmpdir(), "review-run-"));
  const lines: string[] = [];
  const records: DocumentRecord[] = [];
  const p = pipeline();
  for await (const item of readInputs(inputs)) {
    if (isReadError(item)) throw new Error(item.error.message);
    const rec = processDocument({ ...item, date: item.date ?? null }, p);
    if ("error" in rec) throw new Error(`${rec.error.code}: ${rec.error.message}`);
    records.push(rec);
    lines.push(JSON.stringify(rec));
  }
  if (options.errorRecord) {
    lines.push(JSON.stringify({ schema_version: "1", doc_id: "broken.txt", error: { code: "empty-document", message: "the document is empty" } }));
  }
  writeFileSync(join(dir, "records.jsonl"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, "summary.json"), `${JSON.stringify({ inputs })}\n`);
  return { dir, records, inputs };
}

/** A fresh run folder holding the same records (no reviews yet): cheaper than extracting again. */
export function copyRun(run: TestRun): TestRun {
  const dir = mkdtempSync(join(tmpdir(), "review-run-"));
  for (const f of ["records.jsonl", "summary.json"]) copyFileSync(join(run.dir, f), join(dir, f));
  return { ...run, dir };
}

/** A raw HTTP/1.1 request, so that no client normalises the path or the headers. */
export function rawRequest(
  port: number,
  head: string,
  body = "",
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolveP, reject) => {
    const sock = connect(port, "127.0.0.1", () => {
      sock.write(`${head.replace(/\r?\n/g, "\r\n").replace(/(\r\n)*$/, "")}\r\nConnection: close\r\n\r\n${body}`);
    });
    let data = "";
    sock.setEncoding("utf8");
    sock.on("data", (d) => {
      data += d;
    });
    sock.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      const cut = data.indexOf("\r\n\r\n");
      resolveP({ status, headers: data.slice(0, cut), body: data.slice(cut + 4) });
    });
    sock.on("error", reject);
  });
}

export async function launchChromium(userData: string, viewport = { width: 1440, height: 900 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userData, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport,
  });
}

/** Runs in the page (a string: the test is type-checked without the DOM lib): where the characters at two offsets are. */
const CHAR_BOXES = `(s, e) => {
  const root = document.querySelector(".text");
  const rect = (offset, scroll) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent.length;
      if (offset < seen + len) {
        if (scroll) n.parentElement.scrollIntoView({ block: "center" });
        const r = document.createRange();
        r.setStart(n, offset - seen);
        r.setEnd(n, offset - seen + 1);
        return r.getBoundingClientRect();
      }
      seen += len;
    }
    throw new Error("offset " + offset + " past the text");
  };
  rect(s, true);
  const a = rect(s, false);
  const b = rect(e - 1, false);
  return { ax: a.left + 1, ay: a.top + a.height / 2, bx: b.right - 1, by: b.top + b.height / 2 };
}`;

/** Drags the mouse over [start, end) of the article text, like a reviewer selecting words. */
export async function dragSelect(page: Page, start: number, end: number): Promise<void> {
  await page.locator(".text").waitFor();
  const boxes = (await page.evaluate(`(${CHAR_BOXES})(${start}, ${end})`)) as { ax: number; ay: number; bx: number; by: number };
  await page.mouse.move(boxes.ax, boxes.ay);
  await page.mouse.down();
  await page.mouse.move((boxes.ax + boxes.bx) / 2, boxes.by, { steps: 5 });
  await page.mouse.move(boxes.bx, boxes.by, { steps: 5 });
  await page.mouse.up();
}

export const FEATURE = join(CORPUS, "feature-2025-05-02-river-town.txt");
export const COUNCIL = join(CORPUS, "council-2025-11-20-budget.txt");
export const EUROPE = join(CORPUS, "europe-2025-09-04-summit.txt");
export const INTERVIEW = join(CORPUS, "interview-2025-06-19-orchestra.txt");
export const PRESS = join(CORPUS, "press-release-2025-10-15-clinic.txt");

/** Every .txt article of corpus/, in name order (as extract reads a folder). */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(CORPUS, f));
}

export interface Session {
  run: TestRun;
  server: ReviewServer;
  page: Page;
  /** Page errors seen so far (uncaught exceptions in the UI). */
  errors: string[];
  log: () => DecisionLine[];
  waitLog: (n: number) => Promise<void>;
  reviews: () => Promise<ReviewsInfo>;
  state: (docId: string, statementId: string) => Promise<ReviewState | undefined>;
  close: () => Promise<void>;
}

export interface SessionOptions {
  viewport?: { width: number; height: number };
  /** Stored queue order, as a reviewer's earlier choice (localStorage), before the page loads. */
  order?: string;
  /** Appended to the URL (a fragment). */
  hash?: string;
  /** Use this run folder as it is (default: a fresh copy of the base run). */
  reuse?: boolean;
}

/** A fresh copy of `base`, a server on it, and a page of `ctx` showing it (waits for the current card and the article). */
export async function openSession(ctx: BrowserContext, base: TestRun, staticDir: string, o: SessionOptions = {}): Promise<Session> {
  const run = o.reuse ? base : copyRun(base);
  const server = await startReviewServer({ run: await loadRun(run.dir), staticDir });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (o.viewport) await page.setViewportSize(o.viewport);
  if (o.order) await page.addInitScript(`try { localStorage.setItem("review-order", ${JSON.stringify(o.order)}); } catch {}`);
  await page.goto(`${server.url}${o.hash ?? ""}`);
  await page.locator(".card.current").waitFor();
  await page.locator(".text").waitFor(); // the article's text comes in its own request
  const logPath = join(run.dir, "reviews.jsonl");
  const log = () => readReviewLog(logPath).lines;
  const reviews = async () =>
    (await (await fetch(`${server.origin}/api/reviews`, { headers: { "x-review-token": server.token } })).json()) as ReviewsInfo;
  return {
    run,
    server,
    page,
    errors,
    log,
    waitLog: async (n) => {
      await expect.poll(() => log().length, { timeout: 15_000 }).toBe(n);
    },
    reviews,
    state: async (docId, id) => (await reviews()).states[statementKey(docId, id)],
    close: async () => {
      await page.close();
      await server.close();
    },
  };
}

/** The cursor's position in the queue (1-based) and the queue length, from the queue line. */
export async function queuePosition(page: Page): Promise<{ at: number; of: number }> {
  const m = /(\d+|–) \/ (\d+) in queue/.exec((await page.locator("nav.queue").textContent()) ?? "");
  return { at: m?.[1] === "–" ? 0 : Number(m?.[1] ?? -1), of: Number(m?.[2] ?? -1) };
}

export const currentId = (page: Page) => page.locator(".card.current").getAttribute("data-id");

/** Word and punctuation tokens, an implementation independent of the app's: [start, end) pairs. */
export function tokens(text: string): [number, number][] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+|\S/gu)].map((m) => [m.index!, m.index! + m[0].length]);
}
