/**
 * The review server: hono on @hono/node-server, bound to a loopback address, every route behind a
 * random token (query `token` or header `x-review-token`), answering only to its own Host, taking
 * state changes only from its own origin as JSON of at most 1 MB (guards.ts). It serves the page,
 * the UI bundle (a fixed allowlist of files, nothing else from disk) and a JSON API; it is the only
 * writer of the review log (a lock keeps a second server off the run), so two tabs never lose each
 * other's decisions (each re-fetches the state).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { DocText, RunInfo } from "./api.js";
import { registerApiRoutes } from "./api-routes.js";
import { hostGuard, stateChangeGuard } from "./guards.js";
import { BadRequest } from "./requests.js";
import { acquireReviewLock, type ReviewLock } from "./review-lock.js";
import { ReviewLog } from "./review-log.js";
import type { LoadedRun } from "./run.js";

/** The files of the UI bundle; nothing else is served from disk. */
const STATIC_FILES: Record<string, string> = {
  "app.js": "text/javascript; charset=utf-8",
  "app.css": "text/css; charset=utf-8",
};

/** dist/review/static beside the compiled server, or the built one when running from src/ (tsx). */
export function defaultStaticDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "static"), join(here, "..", "..", "dist", "review", "static")];
  return candidates.find((d) => existsSync(join(d, "app.js"))) ?? candidates[0]!;
}

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

export interface ReviewAppOptions {
  run: LoadedRun;
  log: ReviewLog;
  token: string;
  staticDir: string;
  /** The address bound and the port listened on (read per request: known once listening). */
  host?: string;
  port: () => number;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function pageHtml(token: string, title: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="review-token" content="${esc(token)}">
<link rel="icon" href="data:,">
<title>${esc(title)} · statements review</title>
<link rel="stylesheet" href="/static/app.css?token=${esc(token)}">
</head>
<body>
<div id="app"><p class="loading">Loading…</p></div>
<script type="module" src="/static/app.js?token=${esc(token)}"></script>
</body>
</html>
`;
}

export function createReviewApp({ run, log, token, staticDir, host = "127.0.0.1", port }: ReviewAppOptions): Hono {
  const app = new Hono();

  app.use("*", hostGuard(host, port));
  app.use("*", async (c, next) => {
    if (!sameToken(c.req.query("token") ?? c.req.header("x-review-token"), token)) {
      return c.text("403 Forbidden: this review server needs the token of the URL it printed\n", 403);
    }
    await next();
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("X-Frame-Options", "DENY");
  });
  app.use("*", stateChangeGuard(host, port));

  app.get("/", (c) => {
    c.header(
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
    );
    return c.html(pageHtml(token, run.docs.length === 1 ? run.docs[0]!.doc_id : run.dir));
  });

  app.get("/static/:file", (c) => {
    const name = c.req.param("file");
    const type = Object.hasOwn(STATIC_FILES, name) ? STATIC_FILES[name] : undefined;
    if (!type) return c.text("404 Not Found\n", 404);
    const path = join(staticDir, name);
    if (!existsSync(path)) return c.text(`404 Not Found: the UI bundle is missing (${path}); run npm run build\n`, 404);
    return c.body(readFileSync(path), 200, { "Content-Type": type });
  });

  app.get("/api/run", (c) => {
    const info: RunInfo = {
      name: run.dir,
      records: run.recordsPath,
      reviews: run.reviewsPath,
      errors: run.errors,
      docs: run.docs.map((d) => ({
        index: d.index,
        doc_id: d.doc_id,
        date: d.date,
        available: d.text !== null,
        ...(d.problem ? { problem: d.problem } : {}),
        statements: d.statements,
        numbers: d.numbers,
      })),
    };
    return c.json(info);
  });

  app.get("/api/doc/:index", (c) => {
    const i = Number(c.req.param("index"));
    const doc = Number.isInteger(i) ? run.docs[i] : undefined;
    if (!doc) return c.json({ error: "no such document" }, 404);
    if (doc.text === null) return c.json({ error: doc.problem ?? "no text" }, 404);
    const body: DocText = { index: doc.index, doc_id: doc.doc_id, text: doc.text };
    return c.json(body);
  });

  registerApiRoutes(app, run.docs, log);

  app.notFound((c) => c.text("404 Not Found\n", 404));
  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: err.message }, 400);
    if (err instanceof HTTPException) return err.getResponse();
    return c.json({ error: `internal error: ${err.message}` }, 500);
  });
  return app;
}

export interface ReviewServerOptions {
  run: LoadedRun;
  port?: number;
  host?: string;
  token?: string;
  staticDir?: string;
}

export interface ReviewServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  log: ReviewLog;
  close(): Promise<void>;
}

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const host = options.host ?? "127.0.0.1";
  if (!isLoopback(host)) {
    throw new Error(`--host: the review server binds to a loopback address only (127.0.0.1, ::1, localhost), got "${host}"`);
  }
  const token = options.token ?? randomBytes(24).toString("base64url");
  const log = new ReviewLog(options.run.reviewsPath);
  let port = 0;
  const app = createReviewApp({ run: options.run, log, token, staticDir: options.staticDir ?? defaultStaticDir(), host, port: () => port });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const shut = () =>
    new Promise<void>((resolve) => {
      if ("closeAllConnections" in server) server.closeAllConnections();
      server.close(() => {
        log.close();
        resolve();
      });
    });
  let lock: ReviewLock;
  try {
    lock = await acquireReviewLock(options.run.reviewsPath, origin);
  } catch (err) {
    await shut();
    throw err;
  }
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    log,
    close: async () => {
      await shut();
      lock.release();
    },
  };
}
