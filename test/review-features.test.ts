/**
 * Issue 21, the features a reviewing desk needs, in Debian's chromium through playwright-core:
 * adding a statement the extractor missed, articles as the units of gold (list, done mark, export of
 * finished articles only), navigation and filters, and the unsure flag with a note.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUi } from "../scripts/build-ui.js";
import type { Statement } from "../src/index.js";
import { exportGold, type GoldDocument } from "../src/review/gold-export.js";
import {
  corpusFiles,
  currentId,
  dragSelect,
  FEATURE,
  haveChromium,
  INTERVIEW,
  launchChromium,
  makeRun,
  openSession,
  PRESS,
  queuePosition,
  ROOT,
  SCORER,
  SEED,
  type SessionOptions,
  type TestRun,
} from "./review-fixtures.js";

let ALL: TestRun;
let ONE_FEATURE: TestRun;
let THREE: TestRun;
let staticDir: string;
let ctx: BrowserContext;
let userData: string;
const featureText = readFileSync(FEATURE, "utf8");

beforeAll(async () => {
  if (!haveChromium) return;
  staticDir = mkdtempSync(join(tmpdir(), "review-static-"));
  await buildUi(staticDir, { minify: false });
  ALL = await makeRun(corpusFiles());
  ONE_FEATURE = await makeRun([FEATURE]);
  THREE = await makeRun([SEED, INTERVIEW, PRESS]);
  userData = mkdtempSync(join(tmpdir(), "review-chromium-"));
  ctx = await launchChromium(userData);
});

afterAll(async () => {
  await ctx?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

const open = (base: TestRun, o: SessionOptions = {}) => openSession(ctx, base, staticDir, o);
const at = (text: string, what: string) => {
  const i = text.indexOf(what);
  if (i < 0) throw new Error(`"${what}" not in the text`);
  return i;
};
const goldOf = (jsonl: string): GoldDocument[] =>
  jsonl
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GoldDocument);
/** Gold attributions per article: fragments of one interrupted quote are one attribution. */
const goldCount = (statements: readonly Statement[]) => statements.filter((s) => !s.fragment || s.fragment.index === 0).length;

describe.skipIf(!haveChromium)("issue 21: features", () => {
  it("adds a statement the extractor missed: content, source, cue and speaker; logged, shown, exported, undoable", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const docId = ONE_FEATURE.records[0]!.doc_id;
    const before = await page.locator(".card").count();
    // "If fewer than 40 of the 60 households agree, the plan’s designers concede, the channel widening may have to be scaled back."
    const parts = {
      content: "the channel widening may have to be scaled back",
      source: "the plan’s designers",
      cue: "concede",
    };
    await page.keyboard.press("m");
    await page.locator(".editbar.adding").waitFor();
    for (const [key, role] of [["1", "content"], ["2", "source"], ["3", "cue"]] as const) {
      const i = at(featureText, parts[role]);
      await dragSelect(page, i, i + parts[role].length);
      await expect.poll(() => page.locator(".editbar .sel").textContent()).toContain(parts[role]);
      await page.keyboard.press(key);
      await expect.poll(() => page.locator(`.editbar .new-${role}`).textContent()).toContain(parts[role]);
    }
    await page.keyboard.press("s");
    await page.locator(".dialog input").first().pressSequentially("River Authority planners");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".editbar .new-speaker").textContent()).toContain("River Authority planners");
    await page.keyboard.press("Enter");
    await s.waitLog(1);
    const line = s.log()[0]!;
    expect(line).toMatchObject({
      decision: "add",
      doc_id: docId,
      kind: "indirect",
      spans: { content: { text: parts.content }, source: { text: parts.source }, cue: { text: parts.cue } },
      speaker: { name: "River Authority planners" },
    });
    const card = page.locator(".card.current");
    await expect.poll(() => card.getAttribute("data-id")).toBe(line.statement_id);
    expect(await card.textContent()).toContain(parts.content);
    expect(await card.locator(".chip.st-added").count()).toBe(1);
    expect(await page.locator(".card").count()).toBe(before + 1);
    expect(await page.locator(`.text .m.cur.m-cue`).first().textContent()).toBe(parts.cue);

    await page.reload();
    await page.locator(`.card[data-id="${line.statement_id}"]`).waitFor();

    const gold = goldOf((await exportGold(s.run.dir, { includePartial: true })).jsonl);
    expect(gold[0]!.attributions).toContainEqual(
      expect.objectContaining({
        id: line.statement_id,
        review: "added",
        kind: "indirect",
        content: [expect.objectContaining({ text: parts.content })],
        source: [expect.objectContaining({ text: parts.source })],
        cue: [expect.objectContaining({ text: parts.cue })],
        speaker: { name: "River Authority planners", role: null },
      }),
    );

    await page.keyboard.press("z");
    await s.waitLog(2);
    expect(s.log()[1]).toMatchObject({ decision: "undo", undoes: line.seq });
    await expect.poll(() => page.locator(".card").count()).toBe(before);
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it("articles are the units of gold: a list with progress, a done mark, export of finished articles only", async () => {
    const [seed, interview, press] = THREE.records as [(typeof THREE.records)[0], (typeof THREE.records)[0], (typeof THREE.records)[0]];
    const s = await open(THREE, { order: "article" });
    const { page } = s;
    // the first article in full
    for (let i = 1; i <= seed.statements.length; i++) {
      await expect.poll(() => page.locator("nav.queue .doc-id").textContent()).toBe(seed.doc_id);
      await page.keyboard.press("a");
      await s.waitLog(i);
    }
    let n = seed.statements.length;
    await expect.poll(() => page.locator(".toast").textContent()).toMatch(/finished/i);
    await expect.poll(() => page.locator("nav.queue .doc-id").textContent()).toBe(interview.doc_id);
    await page.keyboard.press("l");
    const row = (doc: string) => page.locator(`.dialog.articles [data-doc="${doc}"]`);
    await row(seed.doc_id).waitFor();
    expect(await row(seed.doc_id).textContent()).toContain(`${seed.statements.length} / ${seed.statements.length}`);
    expect(await row(seed.doc_id).getAttribute("data-state")).toBe("finished");
    expect(await row(interview.doc_id).getAttribute("data-state")).toBe("open");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".dialog").count()).toBe(0);

    // the second: two decisions, then marked done (the rest go to gold as extracted)
    for (let i = 1; i <= 2; i++) {
      await page.keyboard.press("a");
      await s.waitLog(++n);
    }
    await page.keyboard.press("d");
    await page.locator(".dialog.confirm").waitFor();
    expect(await page.locator(".dialog.confirm").textContent()).toContain(`${interview.statements.length - 2}`);
    await page.keyboard.press("Enter");
    await s.waitLog(++n);
    expect(s.log().at(-1)).toMatchObject({ decision: "done", doc_id: interview.doc_id, done: true });
    await expect.poll(() => page.locator("nav.queue .doc-id").textContent()).toBe(press.doc_id);

    // the third: one decision, not finished
    await page.keyboard.press("a");
    await s.waitLog(++n);
    await page.keyboard.press("l");
    await row(interview.doc_id).waitFor();
    expect(await row(interview.doc_id).getAttribute("data-state")).toBe("done");
    expect(await row(press.doc_id).getAttribute("data-state")).toBe("open");
    expect(await row(press.doc_id).textContent()).toContain(`1 / ${press.statements.length}`);
    await page.keyboard.press("Escape");

    const finished = goldOf((await exportGold(s.run.dir)).jsonl);
    expect(finished.map((d) => d.id)).toEqual([seed.doc_id, interview.doc_id]);
    expect(finished[0]!.attributions).toHaveLength(goldCount(seed.statements));
    const iv = finished[1]!.attributions;
    expect(iv).toHaveLength(goldCount(interview.statements));
    const decidedHere = new Set(s.log().filter((l) => l.doc_id === interview.doc_id).map((l) => l.statement_id));
    expect(iv.filter((a) => a.review === "accepted").length).toBeGreaterThanOrEqual(1);
    for (const a of iv) expect(a.review, a.id).toBe(decidedHere.has(a.id) ? "accepted" : "article-done");
    const partial = goldOf((await exportGold(s.run.dir, { includePartial: true })).jsonl);
    expect(partial.map((d) => d.id)).toEqual([seed.doc_id, interview.doc_id, press.doc_id]);
    expect(partial[2]!.attributions).toHaveLength(1);

    // the CLI: export --gold, and --include-partial
    const cli = ["--import", "tsx", join(ROOT, "src", "cli", "main.ts")];
    const goldPath = join(s.run.dir, "gold.jsonl");
    const out = spawnSync(process.execPath, [...cli, "export", s.run.dir, "--gold", "-o", goldPath], { cwd: ROOT, encoding: "utf8" });
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/2 document\(s\).*1 unfinished article\(s\) left out/s);
    expect(goldOf(readFileSync(goldPath, "utf8")).map((d) => d.id)).toEqual([seed.doc_id, interview.doc_id]);
    const all = spawnSync(process.execPath, [...cli, "export", s.run.dir, "--gold", "--include-partial"], { cwd: ROOT, encoding: "utf8" });
    expect(all.status, all.stderr).toBe(0);
    expect(goldOf(all.stdout)).toHaveLength(3);

    // … and the scorer reads it, against the run's records
    if (existsSync(SCORER)) {
      const scored = spawnSync(process.execPath, [SCORER, "--gold", goldPath, "--pred", join(s.run.dir, "records.jsonl"), "--json"], { encoding: "utf8" });
      expect(scored.status, scored.stderr).toBe(0);
      const score = JSON.parse(scored.stdout);
      expect(score.docs).toMatchObject({ gold: 2, missing: 0 });
      expect(score.text_mismatches).toBe(0);
      expect(score.attribution.all.found).toBe(goldCount(seed.statements) + goldCount(interview.statements));
    }

    // Z takes back the last decision, then the done mark
    await page.keyboard.press("z");
    await s.waitLog(n + 1);
    await page.keyboard.press("z");
    await s.waitLog(n + 2);
    expect(s.log().at(-1)).toMatchObject({ decision: "undo", doc_id: interview.doc_id, statement_id: "" });
    await page.keyboard.press("l");
    await row(interview.doc_id).waitFor();
    await expect.poll(() => row(interview.doc_id).getAttribute("data-state")).toBe("open");
    await page.keyboard.press("Escape");
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it("navigation: a link to a statement, a jump to an article, filters by speaker, kind, cue type, confidence and status", async () => {
    const s = await open(ALL);
    const { page } = s;
    const wire = ALL.records.find((r) => r.doc_id.includes("port-strike"))!;
    const target = wire.statements[3]!;
    // a link (URL fragment) to a statement
    const linked = await ctx.newPage();
    await linked.goto(`${s.server.url}#${new URLSearchParams({ doc: wire.doc_id, s: target.id })}`);
    await linked.locator(".card.current").waitFor();
    expect(await currentId(linked)).toBe(target.id);
    const href = await linked.locator(".card.current a.link").getAttribute("href");
    expect(href).toContain(encodeURIComponent(target.id));
    await linked.close();

    // jump to an article from the list
    const europe = ALL.records.find((r) => r.doc_id.includes("europe"))!;
    await page.keyboard.press("l");
    await page.locator(`.dialog.articles [data-doc="${europe.doc_id}"]`).click();
    await expect.poll(() => page.locator("nav.queue .doc-id").textContent()).toBe(europe.doc_id);
    await expect.poll(() => page.locator(".dialog").count()).toBe(0);

    const everything = ALL.records.flatMap((r) => r.statements);
    const byId = new Map(everything.map((x) => [x.id, x]));
    const walk = async (n: number, test: (st: Statement) => boolean) => {
      const { of } = await queuePosition(page);
      for (let i = 0; i < Math.min(n, of); i++) {
        const id = (await currentId(page))!;
        expect(test(byId.get(id)!), `statement ${id}`).toBe(true);
        if (i + 1 < Math.min(n, of)) {
          await page.keyboard.press("j");
          await expect.poll(async () => (await queuePosition(page)).at).toBe(i + 2);
        }
      }
    };
    await page.keyboard.press("f");
    const filter = (name: string) => page.locator(`.filters select[name="${name}"]`);
    await filter("kind").selectOption("direct");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(everything.filter((x) => x.kind === "direct").length);
    await walk(6, (x) => x.kind === "direct");
    await filter("kind").selectOption("");
    await filter("speaker").selectOption("Rosalind Pike");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(everything.filter((x) => x.speaker?.name === "Rosalind Pike").length);
    await walk(10, (x) => x.speaker?.name === "Rosalind Pike");
    await filter("speaker").selectOption("");
    await filter("cue_type").selectOption("according-to");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(everything.filter((x) => x.cue_type === "according-to").length);
    await walk(10, (x) => x.cue_type === "according-to");
    await filter("cue_type").selectOption("");
    await filter("band").selectOption("low");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(everything.filter((x) => x.confidence < 0.5).length);
    await walk(10, (x) => x.confidence < 0.5);
    // decide two, then only the accepted ones
    const first = await currentId(page);
    await page.keyboard.press("a");
    await s.waitLog(1);
    await expect.poll(() => currentId(page)).not.toBe(first);
    await page.keyboard.press("a");
    await s.waitLog(2);
    await filter("band").selectOption("");
    await filter("status").selectOption("accepted");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(2);
    const accepted = new Set(s.log().map((l) => l.statement_id));
    await walk(2, (x) => accepted.has(x.id));
    await filter("status").selectOption("");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(everything.length);
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it("flags a statement unsure with a note: kept apart from the decision, shown, filtered, exported", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const docId = ONE_FEATURE.records[0]!.doc_id;
    const total = ONE_FEATURE.records[0]!.statements.length;
    const id = (await currentId(page))!;
    await page.keyboard.press("u");
    const box = page.locator(".dialog.note textarea");
    await box.waitFor();
    await expect.poll(() => page.evaluate(`document.activeElement?.tagName`)).toBe("TEXTAREA");
    await box.pressSequentially("Is it the state, or the State River Authority?");
    await page.keyboard.press("Enter");
    await s.waitLog(1);
    expect(s.log()[0]).toMatchObject({ decision: "flag", statement_id: id, unsure: true, note: "Is it the state, or the State River Authority?" });
    const card = page.locator(`.card[data-id="${id}"]`);
    await expect.poll(() => card.locator(".chip.unsure").count()).toBe(1);
    expect(await card.locator(".note").textContent()).toContain("State River Authority?");
    expect(await page.locator(".list-pane h2").textContent()).toContain(`0 of ${total} decided`);
    expect(await currentId(page)).toBe(id);
    await page.keyboard.press("a");
    await s.waitLog(2);
    expect((await s.state(docId, id))?.status).toBe("accepted");

    await page.reload();
    await card.locator(".chip.unsure").waitFor();
    await page.keyboard.press("f");
    await page.locator('.filters select[name="status"]').selectOption("unsure");
    await expect.poll(async () => (await queuePosition(page)).of).toBe(1);
    expect(await currentId(page)).toBe(id);

    const gold = goldOf((await exportGold(s.run.dir, { includePartial: true })).jsonl);
    expect(gold[0]!.attributions.find((a) => a.id === id)).toMatchObject({
      review: "accepted",
      unsure: true,
      note: "Is it the state, or the State River Authority?",
    });

    // cleared again: an empty note
    await page.keyboard.press("u");
    await box.waitFor();
    await box.fill("");
    await page.keyboard.press("Enter");
    await s.waitLog(3);
    expect(s.log()[2]).toMatchObject({ decision: "flag", unsure: false });
    await expect.poll(() => card.locator(".chip.unsure").count()).toBe(0);
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
