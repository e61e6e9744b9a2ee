/**
 * The review server beyond its token: the Host allowlist (DNS rebinding), same-origin and JSON-only
 * state changes, a body limit that rejects early, 400 for bodies that are not a decision, and one
 * server per run (a lock naming the running server; a stale lock is taken over).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewsInfo } from "../src/review/api.js";
import { readReviewLog } from "../src/review/review-log.js";
import { loadRun } from "../src/review/run.js";
import { type ReviewServer, startReviewServer } from "../src/review/server.js";
import { copyRun, makeRun, ROOT, rawRequest, SEED, type TestRun } from "./review-fixtures.js";

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

describe("decision API", () => {
  const postJson = async (path: string, body: unknown) => {
    const res = await fetch(`${server.origin}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-review-token": server.token },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const rec = () => base.records[0]!;
  const text = () => readFileSync(SEED, "utf8");

  it("snaps edited spans to whole words on the server too", async () => {
    const s = rec().statements.find((x) => x.cue)!;
    const cue = s.cue!;
    const res = await postJson("/api/decision", {
      doc_id: rec().doc_id,
      statement_id: s.id,
      decision: "edit",
      spans: { cue: { start: cue.start + 1, end: cue.end - 1 } },
      client: "api1",
    });
    expect(res.status).toBe(200);
    expect((res.body.line as { spans: { cue: unknown } }).spans.cue).toEqual(cue);
  });

  it("a moved source re-resolves the speaker; an unknown one needs a speaker", async () => {
    const named = rec().statements.find((x) => x.speaker?.name && x.speaker.mention)!;
    const other = rec().statements.find((x) => x.speaker?.entity !== named.speaker!.entity)!;
    const m = named.speaker!.mention!;
    const moved = await postJson("/api/decision", {
      doc_id: rec().doc_id,
      statement_id: other.id,
      decision: "edit",
      spans: { source: { start: m.start, end: m.end } },
      client: "api1",
    });
    expect(moved.status).toBe(200);
    expect(moved.body.line).toMatchObject({ speaker: { entity: named.speaker!.entity } });
    expect(moved.body.line).not.toHaveProperty("speaker_needed");
    const t = text();
    const w = t.indexOf("talks") >= 0 ? "talks" : t.split(/\s+/)[5]!;
    const nobody = await postJson("/api/decision", {
      doc_id: rec().doc_id,
      statement_id: other.id,
      decision: "edit",
      spans: { source: { start: t.indexOf(w), end: t.indexOf(w) + w.length } },
      client: "api1",
    });
    expect(nobody.body.line).toMatchObject({ speaker: null, speaker_needed: true });
  });

  it("adds a statement (id from its seq, kind from its content), marks an article done, flags; refuses what is not there", async () => {
    const t = text();
    const quote = /“[^”]+”|"[^"]+"/.exec(t)!;
    const added = await postJson("/api/add", {
      doc_id: rec().doc_id,
      spans: { content: { start: quote.index, end: quote.index + quote[0].length } },
      client: "api1",
    });
    expect(added.status).toBe(200);
    const line = added.body.line as { seq: number; statement_id: string; kind: string; speaker: unknown };
    expect(line).toMatchObject({ statement_id: `added-${line.seq}`, kind: "direct", speaker: null });
    expect((await postJson("/api/add", { doc_id: rec().doc_id, spans: {}, client: "api1" })).status).toBe(400);
    expect((await postJson("/api/add", { doc_id: "nope", spans: { content: { start: 0, end: 4 } }, client: "api1" })).status).toBe(400);
    expect((await postJson("/api/done", { doc_id: rec().doc_id, done: true, client: "api1" })).body.mark).toMatchObject({ done: true });
    expect((await postJson("/api/done", { doc_id: rec().doc_id, client: "api1" })).status).toBe(400);
    const flagged = await postJson("/api/decision", {
      doc_id: rec().doc_id,
      statement_id: line.statement_id,
      decision: "flag",
      unsure: true,
      note: "  check the quote  ",
      client: "api1",
    });
    expect(flagged.body.line).toMatchObject({ decision: "flag", unsure: true, note: "check the quote" });
    const info = (await (await fetch(`${server.origin}/api/reviews`, { headers: { "x-review-token": server.token } })).json()) as ReviewsInfo;
    expect(info.added[rec().doc_id]?.map((s) => s.id)).toContain(line.statement_id);
    expect(info.articles[rec().doc_id]).toMatchObject({ done: true });
    expect(Object.keys(info.flags)).toContain(JSON.stringify([rec().doc_id, line.statement_id]));
  });

  it("undo: a tab's own decisions first; a tab that said goodbye leaves its decisions to the next", async () => {
    // a server of its own: no other tab's decisions in its log
    const own = await startReviewServer({ run: await loadRun(copyRun(base).dir), staticDir });
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${own.origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-review-token": own.token },
        body: JSON.stringify(body),
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const s = rec().statements[1]!;
    const mine = await post("/api/decision", { doc_id: rec().doc_id, statement_id: s.id, decision: "accept", client: "tabA" });
    // tabB has decided nothing; tabA is still open: nothing for tabB to undo
    expect((await post("/api/undo", { client: "tabB" })).undone).toBeNull();
    expect(await post("/api/bye", { client: "tabA" })).toEqual({ ok: true });
    const undone = await post("/api/undo", { client: "tabB" });
    expect(undone.undone).toMatchObject({ seq: (mine.line as { seq: number }).seq, client: "tabA" });
    await own.close();
  });
});

describe("one server per run", () => {
  it("refuses a second server on the same run, naming the first one's URL; takes over a stale lock", async () => {
    const other = copyRun(base);
    const first = await startReviewServer({ run: await loadRun(other.dir), staticDir });
    await expect(startReviewServer({ run: await loadRun(other.dir), staticDir })).rejects.toThrow(
      new RegExp(`already being reviewed.*${first.origin.replace(/[.]/g, "\\.")}`),
    );
    await first.close();
    const lock = join(other.dir, "reviews.jsonl.lock");
    expect(existsSync(lock)).toBe(false);

    // The lock of a process that is gone (killed without cleaning up): taken over.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout), host: (await import("node:os")).hostname(), url: "http://127.0.0.1:9" }));
    const second = await startReviewServer({ run: await loadRun(other.dir), staticDir });
    expect(JSON.parse(readFileSync(lock, "utf8"))).toMatchObject({ pid: process.pid, url: second.origin });
    await second.close();

    // A live pid whose server no longer answers (the pid was reused): taken over too.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), url: `http://127.0.0.1:${second.port}` }));
    const third = await startReviewServer({ run: await loadRun(other.dir), staticDir });
    await third.close();
  });

  describe("CLI", () => {
    let child: ChildProcess | undefined;
    afterAll(() => {
      if (child?.pid && child.exitCode === null) child.kill("SIGKILL");
    });

    it("a second statements review on the same run exits 2 with the first one's URL; after kill -9 the run can be reviewed again", async () => {
      const other = copyRun(base);
      // one process per server (node --import tsx, not the tsx launcher), so that a kill reaches the server itself
      const cli = ["--import", "tsx", join(ROOT, "src", "cli", "main.ts")];
      child = spawn(process.execPath, [...cli, "review", other.dir], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout?.on("data", (d) => {
        out += d;
      });
      await expect.poll(() => out, { timeout: 60_000 }).toMatch(/\n/);
      const origin = new URL(out.trim()).origin;
      const second = spawnSync(process.execPath, [...cli, "review", other.dir], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
      expect(second.status, second.stderr).toBe(2);
      expect(second.stderr).toContain(origin);
      expect(second.stdout).toBe("");

      const exited = once(child, "exit");
      child.kill("SIGKILL"); // no cleanup: the lock stays behind, stale
      await exited;
      expect(existsSync(join(other.dir, "reviews.jsonl.lock"))).toBe(true);
      expect(JSON.parse(readFileSync(join(other.dir, "reviews.jsonl.lock"), "utf8")).pid).toBe(child.pid);
      const third = spawn(process.execPath, [...cli, "review", other.dir], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      child = third;
      let out3 = "";
      third.stdout?.on("data", (d) => {
        out3 += d;
      });
      await expect.poll(() => out3, { timeout: 60_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const gone = once(third, "exit");
      third.kill("SIGTERM");
      await gone;
      expect(existsSync(join(other.dir, "reviews.jsonl.lock"))).toBe(false);
    });
  });
});
