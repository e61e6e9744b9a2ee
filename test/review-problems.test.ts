/**
 * Issue 21, the problems (most serious first), each driven in Debian's chromium through
 * playwright-core against a review server on runs of the project's corpus/ articles. Every test
 * waits on selectors, log lines or polls, never on fixed sleeps.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUi } from "../scripts/build-ui.js";
import type { Statement } from "../src/index.js";
import { exportGold } from "../src/review/gold-export.js";
import { startReviewServer } from "../src/review/server.js";
import { loadRun } from "../src/review/run.js";
import {
  ARTIFACTS,
  COUNCIL,
  corpusFiles,
  currentId,
  dragSelect,
  EUROPE,
  FEATURE,
  haveChromium,
  launchChromium,
  makeRun,
  openSession,
  queuePosition,
  SEED,
  type SessionOptions,
  type TestRun,
  tokens,
} from "./review-fixtures.js";

let ALL: TestRun;
let ONE_FEATURE: TestRun;
let ONE_COUNCIL: TestRun;
let ONE_EUROPE: TestRun;
let ONE_SEED: TestRun;
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
  ONE_COUNCIL = await makeRun([COUNCIL]);
  ONE_EUROPE = await makeRun([EUROPE]);
  ONE_SEED = await makeRun([SEED]);
  userData = mkdtempSync(join(tmpdir(), "review-chromium-"));
  ctx = await launchChromium(userData);
});

afterAll(async () => {
  await ctx?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

const open = (base: TestRun, o: SessionOptions = {}) => openSession(ctx, base, staticDir, o);

function statementOf(run: TestRun, id: string): { docId: string; s: Statement } {
  for (const r of run.records) {
    const s = r.statements.find((x) => x.id === id);
    if (s) return { docId: r.doc_id, s };
  }
  throw new Error(`no statement ${id}`);
}

function idWhere(run: TestRun, test: (s: Statement) => boolean): string {
  const found = run.records.flatMap((r) => r.statements).filter(test);
  if (found.length !== 1) throw new Error(`expected one statement, found ${found.length}`);
  return found[0]!.id;
}

/** Clicks a statement's card in the list beside the article (the current article's statements). */
async function pick(page: Page, id: string) {
  await page.locator(`.card[data-id="${id}"]`).click();
  await expect.poll(() => currentId(page)).toBe(id);
}

async function selectForEdit(page: Page, start: number, end: number, expected: string) {
  await dragSelect(page, start, end);
  await expect.poll(() => page.locator(".editbar .sel").textContent()).toContain(expected);
}

const at = (text: string, what: string, from = 0) => {
  const i = text.indexOf(what, from);
  if (i < 0) throw new Error(`"${what}" not in the text`);
  return i;
};

describe.skipIf(!haveChromium)("issue 21: problems", () => {
  it("1. correcting an earlier decision keeps your place: the next statement in queue order", async () => {
    const s = await open(ALL);
    const { page } = s;
    for (let i = 1; i <= 16; i++) {
      await expect.poll(async () => (await queuePosition(page)).at).toBe(i);
      await page.keyboard.press("a");
      await s.waitLog(i);
    }
    await expect.poll(async () => (await queuePosition(page)).at).toBe(17);
    for (let i = 16; i >= 9; i--) {
      await page.keyboard.press("k");
      await expect.poll(async () => (await queuePosition(page)).at).toBe(i);
    }
    const ninth = await currentId(page);
    await page.keyboard.press("x");
    await s.waitLog(17);
    expect(s.log()[16]).toMatchObject({ decision: "reject", statement_id: ninth });
    await expect.poll(async () => (await queuePosition(page)).at).toBe(10);
    // a statement not decided before still goes on to the next undecided one
    for (let i = 10; i < 17; i++) {
      await page.keyboard.press("j");
      await expect.poll(async () => (await queuePosition(page)).at).toBe(i + 1);
    }
    await page.keyboard.press("a");
    await s.waitLog(18);
    await expect.poll(async () => (await queuePosition(page)).at).toBe(18);
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it("2. changing the source re-resolves the speaker (or marks it needed), on the card and in the gold file", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const docId = ONE_FEATURE.records[0]!.doc_id;
    // "For many families in the Flats, the buyouts feel more like an eviction notice …": source "the buyouts"
    const buyouts = idWhere(ONE_FEATURE, (x) => x.source?.text === "the buyouts");
    const everyone = idWhere(ONE_FEATURE, (x) => x.source?.text === "everyone");
    await pick(page, buyouts);
    await page.keyboard.press("e");
    await page.locator(".editbar").waitFor();
    const flats = at(featureText, "many families in the Flats");
    await selectForEdit(page, flats, flats + "many families in the Flats".length, "many families in the Flats");
    await page.keyboard.press("2");
    await s.waitLog(1);
    const card = page.locator(".card.current");
    await expect.poll(() => card.locator(".speaker").textContent()).toMatch(/speaker needed/i);
    expect(await card.locator(".speaker").textContent()).not.toContain("the buyouts");
    expect((await s.state(docId, buyouts))?.speaker).toBeNull();

    // a source naming someone the article quotes: the speaker follows it
    await page.keyboard.press("Escape");
    await pick(page, everyone); // "Not everyone sees a lifeline"
    await page.keyboard.press("e");
    await page.locator(".editbar").waitFor();
    const walter = at(featureText, "Walter Haskins");
    await selectForEdit(page, walter, walter + "Walter Haskins".length, "Walter Haskins");
    await page.keyboard.press("2");
    await s.waitLog(2);
    await expect.poll(() => card.locator(".speaker").textContent()).toContain("Walter Haskins");
    expect((await s.state(docId, everyone))?.speaker).toMatchObject({ name: "Walter Haskins" });

    const gold = await exportGold(s.run.dir, { includePartial: true });
    const byId = new Map(JSON.parse(gold.jsonl.trim()).attributions.map((a: { id: string }) => [a.id, a]));
    expect(byId.get(buyouts)).toMatchObject({ source: [{ text: "many families in the Flats" }], speaker: null });
    expect(byId.get(everyone)).toMatchObject({ source: [{ text: "Walter Haskins" }], speaker: { name: "Walter Haskins" } });
    await s.close();
  });

  it("3. span edits snap to whole words; span edges move from the keyboard", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const docId = ONE_FEATURE.records[0]!.doc_id;
    const id = idWhere(ONE_FEATURE, (x) => x.content.text.startsWith("she expected it to pass")); // "Pike said she expected …"
    const { s: st } = statementOf(ONE_FEATURE, id);
    await pick(page, id);
    await page.keyboard.press("e");
    await page.locator(".editbar").waitFor();
    const expected = at(featureText, "expected it to pass");
    // "xpecte": a sloppy drag inside the word
    await selectForEdit(page, expected + 1, expected + 7, "“expected”");
    await page.keyboard.press("3");
    await s.waitLog(1);
    expect((await s.state(docId, id))?.spans.cue).toEqual({ start: expected, end: expected + 8, text: "expected" });

    // Tab takes the content's span; { and } move its end by a word, [ and ] its start
    const words = tokens(featureText).filter(([a, b]) => a >= st.content.start && b <= st.content.end);
    const bar = page.locator(".editbar .sel");
    const pending = async () => [Number(await bar.getAttribute("data-start")), Number(await bar.getAttribute("data-end"))];
    await page.keyboard.press("Tab");
    await expect.poll(pending).toEqual([st.content.start, st.content.end]);
    await page.keyboard.press("{");
    await expect.poll(pending).toEqual([st.content.start, words.at(-2)![1]]);
    await page.keyboard.press("}");
    await expect.poll(pending).toEqual([st.content.start, st.content.end]);
    await page.keyboard.press("{");
    await page.keyboard.press("{");
    await page.keyboard.press("]");
    await expect.poll(pending).toEqual([words[1]![0], words.at(-3)![1]]);
    await page.keyboard.press("[");
    await expect.poll(pending).toEqual([st.content.start, words.at(-3)![1]]);
    await page.keyboard.press("1");
    await s.waitLog(2);
    expect((await s.state(docId, id))?.spans.content).toMatchObject({ start: st.content.start, end: words.at(-3)![1] });
    // the source: } takes in the next word
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(pending).toEqual([st.source!.start, st.source!.end]);
    await page.keyboard.press("}");
    await expect.poll(pending).toEqual([st.source!.start, st.cue!.end]);
    await page.keyboard.press("2");
    await s.waitLog(3);
    expect((await s.state(docId, id))?.spans.source?.text).toBe("Pike said");
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it("4. keys work again right after a choice in the order menu (keyboard or mouse)", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const menu = page.locator('select[aria-label="Queue order"]');
    await menu.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => menu.inputValue()).not.toBe("confidence");
    await page.keyboard.press("a");
    await s.waitLog(1);
    await menu.selectOption("confidence");
    await page.keyboard.press("x");
    await s.waitLog(2);
    expect(s.log().map((l) => l.decision)).toEqual(["accept", "reject"]);
    await s.close();
  });

  it("5. 'lowest confidence within each article' keeps to one article until it is finished", async () => {
    const s = await open(ALL);
    const { page } = s;
    const here = await currentId(page);
    await page.locator('select[aria-label="Queue order"]').selectOption("article");
    // the reviewer keeps their statement; the queue around it is the article's
    expect(await currentId(page)).toBe(here);
    const start = (await queuePosition(page)).at;
    const seen: { doc: string; id: string }[] = [];
    for (let i = 0; i < 20; i++) {
      await expect.poll(async () => (await queuePosition(page)).at).toBe(start + i);
      seen.push({ doc: (await page.locator("nav.queue .doc-id").textContent()) ?? "", id: (await currentId(page)) ?? "" });
      if (i < 19) await page.keyboard.press("j");
    }
    const switches = seen.filter((x, i) => i > 0 && x.doc !== seen[i - 1]!.doc).length;
    expect(switches).toBeLessThanOrEqual(1);
    for (let i = 1; i < seen.length; i++) {
      if (seen[i]!.doc !== seen[i - 1]!.doc) continue;
      expect(statementOf(ALL, seen[i]!.id).s.confidence).toBeGreaterThanOrEqual(statementOf(ALL, seen[i - 1]!.id).s.confidence);
    }
    // the article's own progress is in view, and deciding moves on within the article
    const total = ALL.records.find((r) => r.doc_id === seen[19]!.doc)!.statements.length;
    await expect.poll(() => page.locator("nav.queue .article-progress").textContent()).toContain(`0 of ${total}`);
    await page.keyboard.press("a");
    await s.waitLog(1);
    await expect.poll(() => page.locator("nav.queue .article-progress").textContent()).toContain(`1 of ${total}`);
    expect(await page.locator("nav.queue .doc-id").textContent()).toBe(seen[19]!.doc);
    await s.close();
  });

  it("6a. undo remembers: after the tab is closed and reopened, and after a server restart", async () => {
    const s = await open(ONE_FEATURE);
    await s.page.keyboard.press("a");
    await s.waitLog(1);
    await expect.poll(async () => (await queuePosition(s.page)).at).toBe(2);
    await s.page.keyboard.press("a");
    await s.waitLog(2);
    const url = s.page.url();
    await s.page.close();
    const again = await ctx.newPage();
    await again.goto(url);
    await again.locator(".card.current").waitFor();
    await again.keyboard.press("z");
    await s.waitLog(3);
    expect(s.log()[2]).toMatchObject({ decision: "undo", undoes: 1 });
    await again.close();

    // a restart: another port, another origin, nothing kept in the browser
    await s.server.close();
    const server = await startReviewServer({ run: await loadRun(s.run.dir), staticDir });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.locator(".card.current").waitFor();
    await page.keyboard.press("z");
    await s.waitLog(4);
    expect(s.log()[3]).toMatchObject({ decision: "undo", undoes: 0 });
    await expect.poll(() => page.locator(".toast").textContent()).toMatch(/Undid accept/);
    await page.close();
    await server.close();
  });

  it("6b. a reload stays where you were (the statement is in the URL)", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    for (let i = 2; i <= 5; i++) {
      await page.keyboard.press("j");
      await expect.poll(async () => (await queuePosition(page)).at).toBe(i);
    }
    const here = await currentId(page);
    expect(page.url()).toContain(encodeURIComponent(here!));
    await page.reload();
    await page.locator(".card.current").waitFor();
    expect(await currentId(page)).toBe(here);
    expect((await queuePosition(page)).at).toBe(5);
    await s.close();
  });

  it("6c. accepted and edited statements look reviewed in the article text, not only rejected ones", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const first = await currentId(page);
    await page.keyboard.press("a");
    await s.waitLog(1);
    await expect.poll(() => currentId(page)).not.toBe(first);
    const key = JSON.stringify([ONE_FEATURE.records[0]!.doc_id, first]);
    const mark = page.locator(`.text .m[data-key='${key}']`).first();
    await expect.poll(() => mark.getAttribute("data-st")).toBe("accepted");
    const style = (sel: string) =>
      page.evaluate(`(() => { const e = document.querySelector(${JSON.stringify(sel)}); const c = getComputedStyle(e);
        return [c.textDecorationLine, c.textDecorationColor, c.backgroundColor, c.borderBottomStyle, c.borderBottomColor].join("|"); })()`);
    const unreviewed = await style(".text .m.oth[data-st='unreviewed']");
    expect(await style(`.text .m[data-key='${key}']`)).not.toBe(unreviewed);
    await s.close();
  });

  it("6d. the list header shows the article's progress", async () => {
    const s = await open(ONE_FEATURE);
    const total = ONE_FEATURE.records[0]!.statements.length;
    await expect.poll(() => s.page.locator(".list-pane h2").textContent()).toContain(`0 of ${total} decided`);
    await s.page.keyboard.press("a");
    await s.waitLog(1);
    await expect.poll(() => s.page.locator(".list-pane h2").textContent()).toContain(`1 of ${total} decided`);
    await s.close();
  });

  it("7. the speaker box filters as you type, reaches every entry, merges near-duplicates", async () => {
    const s = await open(ONE_COUNCIL);
    const { page } = s;
    const docId = ONE_COUNCIL.records[0]!.doc_id;
    const options = page.locator(".dialog .speaker-option");
    await page.keyboard.press("s");
    await page.locator(".dialog").waitFor();
    const all = await options.allTextContents();
    expect(all.filter((t) => /Osei/.test(t))).toHaveLength(1);
    expect(all.length).toBeGreaterThan(10);
    const input = page.locator(".dialog input").first();
    await input.pressSequentially("osei");
    await expect.poll(async () => (await options.allTextContents()).filter((t) => !/no speaker|new speaker/i.test(t))).toHaveLength(1);
    // a typed name that is one of the article's speakers (past the ninth entry) picks that speaker
    await input.fill("");
    await input.pressSequentially("Dana Ruiz");
    await page.keyboard.press("Enter");
    await s.waitLog(1);
    const ruiz = ONE_COUNCIL.records[0]!.statements.find((x) => x.speaker?.name === "Dana Ruiz")!.speaker!;
    expect(s.log()[0]!.speaker).toMatchObject({ entity: ruiz.entity, name: "Dana Ruiz" });
    // the arrow keys reach entries without a number key
    await page.keyboard.press("s");
    await page.locator(".dialog").waitFor();
    for (let i = 0; i < 11; i++) await page.keyboard.press("ArrowDown");
    const chosen = (await page.locator(".dialog .speaker-option.hl").textContent()) ?? "";
    await page.keyboard.press("Enter");
    await s.waitLog(2);
    expect(s.log()[1]!.speaker?.entity).not.toMatch(/^manual:/);
    expect(chosen).toContain(s.log()[1]!.speaker?.name ?? s.log()[1]!.speaker?.role ?? "?");
    expect((await s.state(docId, s.log()[1]!.statement_id))?.speaker?.entity).toBe(s.log()[1]!.speaker?.entity);
    await s.close();

    const eu = await open(ONE_EUROPE);
    await eu.page.keyboard.press("s");
    await eu.page.locator(".dialog").waitFor();
    const names = await eu.page.locator(".dialog .speaker-option").allTextContents();
    expect(names.filter((t) => /^\s*\d?\s*diplomats\b/i.test(t.replace(/unnamed/, "")))).toHaveLength(1);
    await eu.close();
  });

  it("8a. random-sample order at 1400 px: the header keeps to one line, the card's buttons stay on screen", async () => {
    const s = await open(ALL, { viewport: { width: 1400, height: 800 }, order: "sample" });
    const { page } = s;
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press("a");
      await s.waitLog(i);
      await expect.poll(async () => (await queuePosition(page)).at).toBe(i + 1);
    }
    await expect.poll(() => page.locator(".estimate").textContent()).toContain("n=3");
    const header = (await page.locator("header.top").boundingBox())!;
    expect(header.height).toBeLessThan(56);
    for (const sel of [".card.current button.accept", ".card.current button.reject"]) {
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.y, sel).toBeGreaterThanOrEqual(header.y + header.height);
      expect(b.y + b.height, sel).toBeLessThanOrEqual(800);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "review-sample-1400.png") });
    await s.close();
  });

  it("8b. the edit bar does not cover or push the article's lines", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    const line = page.locator(".text .m.cur").first();
    const before = (await line.boundingBox())!;
    await page.keyboard.press("e");
    await page.locator(".editbar").waitFor();
    const after = (await line.boundingBox())!;
    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(1);
    const bar = (await page.locator(".editbar").boundingBox())!;
    const pane = (await page.locator(".article-pane").boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(pane.y + 0.5);
    await page.screenshot({ path: join(ARTIFACTS, "review-edit.png") });
    await s.close();
  });

  it("8c. at 900×700 the speaker box opens on its first entries", async () => {
    const s = await open(ONE_COUNCIL, { viewport: { width: 900, height: 700 } });
    const { page } = s;
    await page.keyboard.press("s");
    await page.locator(".dialog").waitFor();
    const first = (await page.locator(".dialog .speaker-option").first().boundingBox())!;
    const dialog = (await page.locator(".dialog").boundingBox())!;
    expect(first.y).toBeGreaterThanOrEqual(dialog.y);
    expect(first.y).toBeGreaterThanOrEqual(0);
    expect(first.y + first.height).toBeLessThanOrEqual(Math.min(700, dialog.y + dialog.height));
    const visible = await page.evaluate(`(() => {
      const o = document.querySelector(".dialog .speaker-option"); const r = o.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
      return !!hit && o.contains(hit);
    })()`);
    expect(visible).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "review-speaker-900.png") });
    await s.close();
  });

  it("8d. the `date …` header line is not shown as article text (offsets still hold)", async () => {
    const s = await open(ONE_FEATURE);
    const shown = (await s.page.evaluate(`document.querySelector(".text").innerText`)) as string;
    expect(shown.trimStart().startsWith("date 2025-05-02")).toBe(false);
    expect(shown).toContain("In Calder Falls, a river town weighs the price of staying dry");
    expect(await s.page.locator("nav.queue").textContent()).toContain("2025-05-02");
    await s.close();
  });

  it("8e. Accept has a contrast of at least 4.5:1", async () => {
    const s = await open(ONE_FEATURE);
    const ratio = (await s.page.evaluate(`(() => {
      const b = document.querySelector(".card.current button.accept");
      const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      let bg = "rgba(0, 0, 0, 0)"; for (let e = b; e && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
      const [l1, l2] = [lum(getComputedStyle(b).color), lum(bg)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    })()`)) as number;
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await s.close();
  });

  it("8f. help takes the focus, keeps it, and gives it back", async () => {
    const s = await open(ONE_FEATURE);
    const { page } = s;
    await page.keyboard.press("?");
    await page.locator(".dialog.help").waitFor();
    const inDialog = () => page.evaluate(`!!document.activeElement && !!document.activeElement.closest(".dialog")`);
    await expect.poll(inDialog).toBe(true);
    await page.keyboard.press("Tab");
    expect(await inDialog()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".dialog").count()).toBe(0);
    await page.keyboard.press("a");
    await s.waitLog(1);
    await s.close();
  });

  it("8g. J at the end of the queue says so", async () => {
    const s = await open(ONE_SEED);
    const { page } = s;
    const n = ONE_SEED.records[0]!.statements.length;
    for (let i = 2; i <= n; i++) {
      await page.keyboard.press("j");
      await expect.poll(async () => (await queuePosition(page)).at).toBe(i);
    }
    await page.keyboard.press("j");
    await expect.poll(() => page.locator(".toast").textContent(), { timeout: 5000 }).toMatch(/end of the queue/i);
    await s.close();
  });
});
