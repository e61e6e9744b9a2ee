/**
 * The review app end to end: a run on the seed article, the server in-process, a real browser
 * (Debian's chromium through playwright-core) accepting, rejecting, editing a span and changing a
 * speaker, then reload, two tabs, the gold export scored by ../shared/tools/score-statements.mjs,
 * the token and path-traversal checks with raw HTTP, and the CLI.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUi } from "../scripts/build-ui.js";
import type { DocumentRecord } from "../src/index.js";
import type { ReviewsInfo } from "../src/review/api.js";
import { statementKey } from "../src/review/decisions.js";
import { exportGold, type GoldDocument } from "../src/review/gold-export.js";
import { readReviewLog } from "../src/review/review-log.js";
import { loadRun } from "../src/review/run.js";
import { type ReviewServer, startReviewServer } from "../src/review/server.js";
import { ARTIFACTS, CHROMIUM, copyRun, dragSelect, haveChromium, launchChromium, makeRun, ROOT, rawRequest, SCORER, SEED } from "./review-fixtures.js";

/** A raw HTTP/1.1 GET, so that no client normalises the path. */
const rawGet = (port: number, path: string) => rawRequest(port, `GET ${path} HTTP/1.1\nHost: 127.0.0.1:${port}`);

let run: { dir: string; record: DocumentRecord };
let server: ReviewServer;
let staticDir: string;

beforeAll(async () => {
  const made = await makeRun([SEED], { errorRecord: true });
  run = { dir: made.dir, record: made.records[0]! };
  staticDir = mkdtempSync(join(tmpdir(), "review-static-"));
  await buildUi(staticDir, { minify: false });
  server = await startReviewServer({ run: await loadRun(run.dir), staticDir });
});

afterAll(async () => {
  await server?.close();
});

describe("review server security", () => {
  it("answers 403 without the token, on every route", async () => {
    for (const path of ["/", "/static/app.js", "/static/app.css", "/api/run", "/api/reviews", "/api/doc/0", "/nope"]) {
      const res = await fetch(`${server.origin}${path}`);
      expect(res.status, path).toBe(403);
      const wrong = await fetch(`${server.origin}${path}?token=${server.token.slice(0, -1)}x`);
      expect(wrong.status, `${path} with a wrong token`).toBe(403);
    }
    const post = await fetch(`${server.origin}/api/decision`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ doc_id: run.record.doc_id, statement_id: run.record.statements[0]!.id, decision: "accept", client: "x" }),
    });
    expect(post.status).toBe(403);
    expect(readReviewLog(join(run.dir, "reviews.jsonl")).lines).toHaveLength(0);
    const ok = await fetch(server.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("refuses path traversal, plain and encoded", async () => {
    const t = `token=${server.token}`;
    const attempts = [
      `/static/../../etc/passwd?${t}`,
      `/static/../../../../../../etc/passwd?${t}`,
      `/static/..%2f..%2f..%2f..%2fetc%2fpasswd?${t}`,
      `/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd?${t}`,
      `/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd?${t}`,
      `/static/..%252f..%252fetc%252fpasswd?${t}`,
      `/static/..\\..\\..\\etc\\passwd?${t}`,
      `/static/%2e%2e%5c%2e%2e%5cetc%5cpasswd?${t}`,
      `/static/....//....//etc/passwd?${t}`,
      `/..%2f..%2f..%2fetc%2fpasswd?${t}`,
      `/static/records.jsonl?${t}`,
      `/static/..%2freviews.jsonl?${t}`,
      `/static/%2Fetc%2Fpasswd?${t}`,
    ];
    for (const path of attempts) {
      const res = await rawGet(server.port, path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.body, path).not.toMatch(/root:|schema_version/);
    }
    // without the token: 403 before anything else
    expect((await rawGet(server.port, "/static/../../etc/passwd")).status).toBe(403);
    // the allowlisted asset is served
    expect((await rawGet(server.port, `/static/app.js?${t}`)).status).toBe(200);
  });

  it("validates decisions: unknown statements, spans out of bounds, whitespace", async () => {
    const post = (body: unknown) =>
      fetch(`${server.origin}/api/decision`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-review-token": server.token },
        body: JSON.stringify(body),
      });
    const s = run.record.statements[0]!;
    const base = { doc_id: run.record.doc_id, statement_id: s.id, client: "t1" };
    expect((await post({ ...base, statement_id: "nope", decision: "accept" })).status).toBe(400);
    expect((await post({ ...base, decision: "maybe" })).status).toBe(400);
    expect((await post({ ...base, decision: "edit", spans: { cue: { start: 5, end: 10_000_000 } } })).status).toBe(400);
    expect((await post({ ...base, decision: "edit", spans: { content: null } })).status).toBe(400);
    expect((await post({ ...base, client: "../../x", decision: "accept" })).status).toBe(400);
    expect(readReviewLog(join(run.dir, "reviews.jsonl")).lines).toHaveLength(0);
  });
});

if (!haveChromium) {
  console.warn(`review browser test skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
}

describe.skipIf(!haveChromium)("review app in chromium", () => {
  let ctx: BrowserContext;
  let userData: string;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), "review-chromium-"));
    ctx = await launchChromium(userData);
  });

  afterAll(async () => {
    await ctx?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  const reviews = async (): Promise<ReviewsInfo> =>
    (await fetch(`${server.origin}/api/reviews`, { headers: { "x-review-token": server.token } })).json() as Promise<ReviewsInfo>;
  const stateOf = async (id: string) => (await reviews()).states[statementKey(run.record.doc_id, id)];
  const currentId = (page: Page) => page.locator(".card.current").getAttribute("data-id") as Promise<string>;
  const waitForLog = async (n: number) => {
    await expect.poll(() => readReviewLog(join(run.dir, "reviews.jsonl")).lines.length, { timeout: 10_000 }).toBe(n);
  };

  it("accept, reject, edit a span, change a speaker, undo; reload keeps it; two tabs; gold export scores", async () => {
    const statements = run.record.statements;
    expect(statements.length).toBeGreaterThanOrEqual(4);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.locator(".card.current").waitFor();
    await expect.poll(() => page.locator(".progress .count").textContent()).toContain(`of ${statements.length}`);

    // The default queue: lowest confidence first.
    const byConfidence = [...statements].sort((a, b) => a.confidence - b.confidence || a.content.start - b.content.start);
    const [first, second, third, fourth] = byConfidence as [(typeof statements)[0], (typeof statements)[0], (typeof statements)[0], (typeof statements)[0]];
    expect(await currentId(page)).toBe(first.id);

    // A: accept → the next unreviewed comes up
    await page.keyboard.press("a");
    await waitForLog(1);
    await expect.poll(() => currentId(page)).toBe(second.id);
    expect((await stateOf(first.id))?.status).toBe("accepted");

    // X (mouse this time): reject
    await page.locator(".card.current button.reject").click();
    await waitForLog(2);
    await expect.poll(() => currentId(page)).toBe(third.id);
    expect((await stateOf(second.id))?.status).toBe("rejected");

    // E: select the first words of the content with the mouse, 1 sets it as the content
    const c = third.content;
    const cut = c.text.lastIndexOf(" ", Math.min(c.text.length - 1, 45));
    const newEnd = c.start + (cut > 5 ? cut : c.text.length);
    await page.keyboard.press("e");
    await page.locator(".editbar").waitFor();
    await dragSelect(page, c.start, newEnd);
    await expect.poll(() => page.locator(".editbar .sel").textContent()).toContain(run.record.statements.length ? c.text.slice(0, 10) : "");
    await page.keyboard.press("1");
    await waitForLog(3);
    const edited = await stateOf(third.id);
    expect(edited?.status).toBe("edited");
    expect(edited?.spans.content).toMatchObject({ start: c.start, end: newEnd });
    // Keys that change the mode wait behind the pending command (actions.serial), so the bar closes
    // once the edit's response is in: poll rather than read it once.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".editbar").count()).toBe(0);

    // J to the fourth, S: type a speaker; Z undoes it; S again
    await page.keyboard.press("j");
    await expect.poll(() => currentId(page)).toBe(fourth.id);
    await page.keyboard.press("s");
    await page.locator(".dialog input").first().fill("Jane Reviewer");
    await page.keyboard.press("Enter");
    await waitForLog(4);
    expect((await stateOf(fourth.id))?.speaker?.name).toBe("Jane Reviewer");
    await page.keyboard.press("z");
    await waitForLog(5);
    expect(await stateOf(fourth.id)).toBeUndefined();
    await page.keyboard.press("s");
    await page.locator(".dialog").waitFor();
    await page.locator(".dialog input").first().fill("Jane Reviewer");
    await page.keyboard.press("Enter");
    await waitForLog(6);
    expect((await stateOf(fourth.id))?.speaker).toMatchObject({ name: "Jane Reviewer", role: null });

    // ? shows the keys
    await page.keyboard.press("?");
    await page.locator(".dialog.help").waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "review-keys.png") });
    await page.keyboard.press("Escape");

    // Reload: the state comes back from reviews.jsonl
    await page.reload();
    await page.locator(".card.current").waitFor();
    await expect.poll(() => page.locator(".progress .count").textContent()).toBe(`Reviewed 4 of ${statements.length}`);
    expect(await page.locator(".card.status-accepted").count()).toBe(1);
    expect(await page.locator(".card.status-rejected").count()).toBe(1);
    expect(await page.locator(".card.status-edited").count()).toBe(2);
    await page.locator(`.card[data-id="${third.id}"]`).click();
    await expect.poll(() => currentId(page)).toBe(third.id);
    await page.screenshot({ path: join(ARTIFACTS, "review.png") });

    // A second tab: its decision shows up in the first (server is the single writer; tabs re-fetch)
    const tab2 = await ctx.newPage();
    await tab2.goto(server.url);
    await tab2.locator(".card.current").waitFor();
    const fifth = await currentId(tab2);
    expect([first.id, second.id, third.id, fourth.id]).not.toContain(fifth);
    await tab2.keyboard.press("a");
    await waitForLog(7);
    await expect.poll(() => page.locator(".progress .count").textContent(), { timeout: 10_000 }).toBe(`Reviewed 5 of ${statements.length}`);
    // Z in tab 2 undoes tab 2's decision, not tab 1's
    await tab2.keyboard.press("z");
    await waitForLog(8);
    expect(await stateOf(fifth)).toBeUndefined();
    expect((await stateOf(fourth.id))?.speaker?.name).toBe("Jane Reviewer");
    await expect.poll(() => page.locator(".progress .count").textContent(), { timeout: 10_000 }).toBe(`Reviewed 4 of ${statements.length}`);
    await tab2.close();
    expect(errors).toEqual([]);

    // The log: append-only, one line per decision, every field there
    const log = readFileSync(join(run.dir, "reviews.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(log.map((l) => l.decision)).toEqual(["accept", "reject", "edit", "speaker", "undo", "speaker", "accept", "undo"]);
    for (const l of log) {
      expect(l).toMatchObject({ doc_id: run.record.doc_id, statement_id: expect.any(String), ts: expect.any(String), client: expect.any(String) });
    }
    expect(log[2].spans.content).toMatchObject({ start: c.start, end: newEnd, text: c.text.slice(0, newEnd - c.start) });
    expect(new Set(log.map((l) => l.client)).size).toBe(2);

    // Gold export: the article is not finished, so by default nothing goes to gold …
    expect(await exportGold(run.dir)).toMatchObject({ documents: 0, attributions: 0, unfinished: 1 });
    // … and with includePartial exactly those decisions
    const goldPath = join(run.dir, "gold.jsonl");
    const res = await exportGold(run.dir, { output: goldPath, includePartial: true });
    expect(res).toMatchObject({ documents: 1, attributions: 3, rejected: 1, unreviewed: statements.length - 4, unfinished: 1 });
    const gold = readFileSync(goldPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as GoldDocument);
    expect(gold).toHaveLength(1);
    const doc = gold[0]!;
    expect(doc.id).toBe(run.record.doc_id);
    const byId = new Map(doc.attributions.map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual([first.id, third.id, fourth.id].sort());
    expect(byId.has(second.id)).toBe(false);
    expect(byId.get(first.id)).toMatchObject({
      review: "accepted",
      content: [first.content],
      source: first.source ? [first.source] : [],
      cue: first.cue ? [first.cue] : [],
    });
    expect(byId.get(third.id)).toMatchObject({ review: "edited", content: [{ start: c.start, end: newEnd }] });
    expect(byId.get(fourth.id)).toMatchObject({ review: "edited", speaker: { name: "Jane Reviewer", role: null } });
    for (const a of doc.attributions) {
      for (const f of [...a.content, ...a.source, ...a.cue]) expect(doc.text.slice(f.start, f.end)).toBe(f.text);
    }

    // … and the shared scorer reads it as --gold against the run's records
    if (existsSync(SCORER)) {
      const scored = spawnSync(process.execPath, [SCORER, "--gold", goldPath, "--pred", join(run.dir, "records.jsonl"), "--json"], {
        encoding: "utf8",
      });
      expect(scored.status, scored.stderr).toBe(0);
      const score = JSON.parse(scored.stdout);
      expect(score.docs).toMatchObject({ gold: 1, missing: 0 });
      expect(score.gold_attributions).toBe(3);
      expect(score.pred_statements).toBe(statements.length);
      // the accepted and speaker-changed statements are found as they are; the edited one too (≥ 50% inside)
      expect(score.attribution.all.found).toBe(3);
      expect(score.text_mismatches).toBe(0);
    } else {
      console.warn(`gold scoring skipped: ${SCORER} not found`);
    }

    // with --include-unreviewed every statement but the rejected one is written, flagged
    const all = await exportGold(run.dir, { includeUnreviewed: true });
    expect(all.attributions).toBe(statements.length - 1);
    expect(all.jsonl).toContain('"review":"unreviewed"');
  });
});

describe("CLI", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && child.exitCode === null) child.kill("SIGTERM");
  });

  it("statements review prints a tokened URL on 127.0.0.1; export-gold writes gold JSONL", async () => {
    // a copy of the run: the in-process server above holds this run's lock
    const copy = copyRun({ dir: run.dir, records: [run.record], inputs: [SEED] }).dir;
    const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    const cli = join(ROOT, "src", "cli", "main.ts");
    child = spawn(process.execPath, ["--import", "tsx", cli, "review", copy, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d) => {
      out += d;
    });
    child.stderr?.on("data", (d) => {
      err += d;
    });
    await expect.poll(() => out, { timeout: 60_000 }).toMatch(/\n/);
    const url = out.trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(err).toMatch(/statement\(s\) to review, 1 error record\(s\) skipped/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(new URL("/api/run", url))).status).toBe(403);
    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGTERM");
    await exited;

    const refused = spawnSync(process.execPath, [tsx, cli, "review", copy, "--host", "0.0.0.0"], { cwd: ROOT, encoding: "utf8" });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/loopback/);

    const gold = spawnSync(process.execPath, [tsx, cli, "export-gold", run.dir], { cwd: ROOT, encoding: "utf8" });
    expect(gold.status, gold.stderr).toBe(0);
    expect(gold.stderr).toMatch(/gold attribution\(s\)/);
    for (const l of gold.stdout.trim().split("\n").filter(Boolean)) expect(JSON.parse(l)).toHaveProperty("attributions");
  });
});
