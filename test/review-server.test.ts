/**
 * The review server beyond its token: the Host allowlist (DNS rebinding), same-origin and JSON-only
 * state changes, a body limit that rejects early, 400 for bodies that are not a decision.
 */
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readReviewLog } from "../src/review/review-log.js";
import { loadRun } from "../src/review/run.js";
import { type ReviewServer, startReviewServer } from "../src/review/server.js";
import { copyRun, makeRun, rawRequest, SEED, type TestRun } from "./review-fixtures.js";

let base: TestRun;
let run: TestRun;
let server: ReviewServer;
const staticDir = mkdtempSync(join(tmpdir(), "review-static-"));
const logLines = () => readReviewLog(join(run.dir, "reviews.jsonl")).lines.length;

beforeAll(async () => {
  base = await makeRun([SEED]);
  run = copyRun(base);
  server = await startReviewServer({ run: await loadRun(run.dir), staticDir });
});

afterAll(async () => {
  await server?.close();
});

function decisionBody(): string {
  const rec = base.records[0]!;
  return JSON.stringify({ doc_id: rec.doc_id, statement_id: rec.statements[0]!.id, decision: "accept", client: "t1" });
}

function post(head: string[], body: string) {
  return rawRequest(
    server.port,
    [`POST /api/decision HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `x-review-token: ${server.token}`, `Content-Length: ${Buffer.byteLength(body)}`, ...head].join("\n"),
    body,
  );
}

describe("Host allowlist", () => {
  it("serves only Host 127.0.0.1 / localhost with the server's port, even with the token (DNS rebinding)", async () => {
    const get = (host: string | null) =>
      rawRequest(server.port, [`GET /api/run?token=${server.token} HTTP/1.1`, ...(host === null ? [] : [`Host: ${host}`])].join("\n"));
    for (const host of ["evil.example", `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `127.0.0.2:${server.port}`, "127.0.0.1"]) {
      const res = await get(host);
      expect(res.status, host).toBe(403);
      expect(res.body, host).toMatch(/Host/);
      expect(res.body, host).not.toMatch(/statements/);
    }
    expect((await get(`127.0.0.1:${server.port}`)).status).toBe(200);
    expect((await get(`localhost:${server.port}`)).status).toBe(200);
    expect((await get(`LOCALHOST:${server.port}`)).status).toBe(200);
  });
});

describe("state changes", () => {
  it("refuses a cross-origin POST, a text/plain body and a cross-site fetch; writes nothing", async () => {
    const body = decisionBody();
    const evil = await post(["Origin: http://evil.example", "Content-Type: text/plain"], body);
    expect(evil.status).toBe(403);
    expect(evil.body).toMatch(/origin/i);
    expect((await post(["Origin: http://evil.example", "Content-Type: application/json"], body)).status).toBe(403);
    expect((await post([`Origin: http://127.0.0.1:${server.port + 1}`, "Content-Type: application/json"], body)).status).toBe(403);
    expect((await post(["Sec-Fetch-Site: cross-site", "Content-Type: application/json"], body)).status).toBe(403);
    const plain = await post([`Origin: http://127.0.0.1:${server.port}`, "Content-Type: text/plain"], body);
    expect(plain.status).toBe(415);
    expect((await post(["Content-Type: application/x-www-form-urlencoded"], body)).status).toBe(415);
    expect((await post([], body)).status).toBe(415);
    expect(logLines()).toBe(0);
    // the page's own requests: same origin, JSON
    expect((await post([`Origin: http://127.0.0.1:${server.port}`, "Sec-Fetch-Site: same-origin", "Content-Type: application/json; charset=utf-8"], body)).status).toBe(200);
    expect(logLines()).toBe(1);
  });

  it("answers 400 to bodies that are not a decision, never 500", async () => {
    const rec = base.records[0]!;
    const ok = { doc_id: rec.doc_id, statement_id: rec.statements[0]!.id, decision: "accept", client: "t1" };
    const before = logLines();
    const bodies = [
      "null",
      "[]",
      '"accept"',
      "1",
      "{}",
      "{",
      "",
      JSON.stringify({ decision: "accept" }),
      JSON.stringify({ ...ok, client: 7 }),
      JSON.stringify({ ...ok, doc_id: null }),
      JSON.stringify({ ...ok, decision: "edit", spans: "x" }),
      JSON.stringify({ ...ok, decision: "edit", spans: { cue: "x" } }),
      JSON.stringify({ ...ok, decision: "edit", spans: { cue: { start: "1", end: 4 } } }),
      JSON.stringify({ ...ok, decision: "speaker", speaker: 5 }),
      JSON.stringify({ ...ok, queue: "x" }),
    ];
    for (const b of bodies) {
      const res = await post(["Content-Type: application/json"], b);
      expect(res.status, b).toBe(400);
      expect(JSON.parse(res.body).error, b).toEqual(expect.any(String));
    }
    for (const b of ["null", "[]", "{}"]) {
      const res = await rawRequest(
        server.port,
        [`POST /api/undo HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `x-review-token: ${server.token}`, "Content-Type: application/json", `Content-Length: ${b.length}`].join("\n"),
        b,
      );
      expect(res.status, `undo ${b}`).toBe(400);
    }
    expect(logLines()).toBe(before);
  });

  it("refuses a body over 1 MB with 413: at once by Content-Length, early when chunked", async () => {
    const big = `{"pad":"${"a".repeat(2_000_000)}"}`;
    const res = await post(["Content-Type: application/json"], big);
    expect(res.status).toBe(413);

    // A chunked body of up to 64 MB: the answer must come long before the client has sent it all.
    const limit = 64 * 1024 * 1024;
    const req = request({
      host: "127.0.0.1",
      port: server.port,
      method: "POST",
      path: "/api/decision",
      headers: { host: `127.0.0.1:${server.port}`, "content-type": "application/json", "x-review-token": server.token, "transfer-encoding": "chunked" },
    });
    let status = 0;
    const answered = new Promise<void>((resolveP) => {
      req.on("response", (r) => {
        status = r.statusCode ?? 0;
        r.resume();
        resolveP();
      });
      req.on("error", () => resolveP());
    });
    let stop = false;
    void answered.then(() => {
      stop = true;
    });
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    let sent = 0;
    req.write('{"pad":"');
    while (!stop && sent < limit) {
      sent += chunk.length;
      if (!req.write(chunk)) await Promise.race([once(req, "drain"), answered]);
    }
    if (!stop) req.end('"}');
    await answered;
    req.destroy();
    expect(status).toBe(413);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect(logLines()).toBe(1);
  });
});
