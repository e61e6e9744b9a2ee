/**
 * What the review server checks before the token and the route: the Host header (DNS rebinding: a
 * page on evil.example resolved to 127.0.0.1 is not served), and for every state-changing request
 * the same origin (Origin, else Sec-Fetch-Site), a JSON content type (no simple cross-site form or
 * text/plain POST) and a body limit that answers 413 from Content-Length, or as soon as a chunked
 * body passes it, without buffering the rest.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The Host values this server answers to: its loopback names with its port. */
export function allowedHosts(bound: string, port: number): Set<string> {
  const names = new Set(["127.0.0.1", "localhost"]);
  if (bound === "::1") names.add("[::1]");
  else if (bound !== "localhost") names.add(bound);
  return new Set([...names].map((n) => `${n}:${port}`));
}

/** `port()` is read per request: the server is created before it listens on port 0. */
export function hostGuard(bound: string, port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header("host") ?? "").toLowerCase();
    if (!allowedHosts(bound, port()).has(host)) {
      return c.text(`403 Forbidden: Host ${JSON.stringify(host)} is not this review server; open the URL it printed\n`, 403);
    }
    await next();
  };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function stateChangeGuard(bound: string, port: () => number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: `Expected a body of at most ${MAX_BODY_BYTES} bytes` }, 413),
  });
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    const origins = new Set([...allowedHosts(bound, port())].map((h) => `http://${h}`));
    if (origin !== undefined ? !origins.has(origin.toLowerCase()) : !["same-origin", "none", undefined].includes(c.req.header("sec-fetch-site"))) {
      return c.json({ error: `cross-origin request refused (Origin ${JSON.stringify(origin ?? null)}); use the review page` }, 403);
    }
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") {
      return c.json({ error: `Expected Content-Type: application/json, got ${JSON.stringify(type || null)}` }, 415);
    }
    return limit(c, next);
  };
}
