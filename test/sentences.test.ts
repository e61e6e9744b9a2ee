import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Range } from "../src/schema.js";
import { splitSentences } from "../src/stages/sentences/split.js";

const whole = (text: string): Range => ({ start: 0, end: text.length });
const split = (text: string, body: Range = whole(text)): string[] =>
  splitSentences(text, body).map((r) => text.slice(r.start, r.end));

/** Input → expected sentences. All texts written for these tests. */
const CASES: [rule: string, text: string, expected: string[]][] = [
  // basics
  ["full stop", "The ferry left early. Nobody was on it.", ["The ferry left early.", "Nobody was on it."]],
  ["question mark", "Who paid for it? The city did.", ["Who paid for it?", "The city did."]],
  ["exclamation mark", "It worked! Everyone cheered.", ["It worked!", "Everyone cheered."]],
  ["doubled punctuation", "Really?! Yes. Wow!! Fine.", ["Really?!", "Yes.", "Wow!!", "Fine."]],
  [
    "no space after full stop",
    "The hall was full.Then the lights went out.",
    ["The hall was full.", "Then the lights went out."],
  ],
  ["full-width full stop", "First part．Second part．", ["First part．", "Second part．"]],
  // line breaks
  [
    "newline ends a sentence",
    "Port reopens after storm\nShips queued overnight.",
    ["Port reopens after storm", "Ships queued overnight."],
  ],
  ["CRLF and blank lines", "One line\r\n\r\nAnother line.\r\n", ["One line", "Another line."]],
  [
    "newline inside a would-be sentence",
    "The mayor said the plan\nwas final.",
    ["The mayor said the plan", "was final."],
  ],
  // titles and abbreviations that do not end a sentence
  ["Sen. before a name", "Sen. Maya Ortiz voted no.", ["Sen. Maya Ortiz voted no."]],
  [
    "chained titles",
    "Lt. Col. Ruth Abara and Gov. Ed Lane met Dr. Pia Holm.",
    ["Lt. Col. Ruth Abara and Gov. Ed Lane met Dr. Pia Holm."],
  ],
  ["Mr. Mrs. Ms.", "Mr. and Mrs. Kent met Ms. Lowe.", ["Mr. and Mrs. Kent met Ms. Lowe."]],
  [
    "No. before a number",
    "The No. 4 seed lost. It was a shock.",
    ["The No. 4 seed lost.", "It was a shock."],
  ],
  [
    "St. as saint and as street",
    "He lives near St. Anne's on Elm St. and walks.",
    ["He lives near St. Anne's on Elm St. and walks."],
  ],
  [
    "St. ending a sentence after a street name",
    "The shop is on Elm St. It opens at nine.",
    ["The shop is on Elm St.", "It opens at nine."],
  ],
  ["vs.", "The match, Rovers vs. United, was delayed.", ["The match, Rovers vs. United, was delayed."]],
  [
    "month before a day",
    "The law took effect Aug. 12 and expires Dec. 31.",
    ["The law took effect Aug. 12 and expires Dec. 31."],
  ],
  [
    "month before a year",
    "It began in Sept. 2021 and ended in Feb. 2023. Few noticed.",
    ["It began in Sept. 2021 and ended in Feb. 2023.", "Few noticed."],
  ],
  [
    "state tag in parentheses",
    "Rep. Lee Park (D-Ore.) objected to the rule.",
    ["Rep. Lee Park (D-Ore.) objected to the rule."],
  ],
  [
    "e.g. and i.e. inside",
    "Some fruit, e.g. plums, spoiled, i.e. most of it.",
    ["Some fruit, e.g. plums, spoiled, i.e. most of it."],
  ],
  ["Inc. before lower case", "Northwind Inc. said profits rose.", ["Northwind Inc. said profits rose."]],
  [
    "Corp. before a job title",
    "Globex Corp. Chief Executive Amy Lin resigned.",
    ["Globex Corp. Chief Executive Amy Lin resigned."],
  ],
  ["Jr. before a comma", "Sam Reed Jr., the founder, retired.", ["Sam Reed Jr., the founder, retired."]],
  // abbreviations that can end a sentence
  [
    "Inc. at the end",
    "The stake went to Northwind Inc. The price was not disclosed.",
    ["The stake went to Northwind Inc.", "The price was not disclosed."],
  ],
  [
    "etc. at the end",
    "They sold hats, scarves, etc. Sales doubled.",
    ["They sold hats, scarves, etc.", "Sales doubled."],
  ],
  [
    "U.S. at the end",
    "She moved back to the U.S. It was 2019.",
    ["She moved back to the U.S.", "It was 2019."],
  ],
  [
    "U.K. at the end before a starter",
    "Exports fell in the U.K. However, imports rose.",
    ["Exports fell in the U.K.", "However, imports rose."],
  ],
  [
    "D.C. at the end before a quotation",
    'He flew to Washington, D.C. "Good trip," he said.',
    ["He flew to Washington, D.C.", '"Good trip," he said.'],
  ],
  [
    "p.m. at the end",
    "Doors close at 9 p.m. Guests must leave by then.",
    ["Doors close at 9 p.m.", "Guests must leave by then."],
  ],
  ["a.m. at the end before a pronoun", "We met at 6 a.m. It was cold.", ["We met at 6 a.m.", "It was cold."]],
  // multi-period abbreviations and initials that do not end a sentence
  [
    "U.S. officials",
    "U.S. officials denied it. U.N. staff agreed.",
    ["U.S. officials denied it.", "U.N. staff agreed."],
  ],
  [
    "U.S. before a capitalised noun",
    "The U.S. Navy and the U.K. Parliament reacted.",
    ["The U.S. Navy and the U.K. Parliament reacted."],
  ],
  [
    "a.m. before a day",
    "The vote opens at 8 a.m. Friday in all districts.",
    ["The vote opens at 8 a.m. Friday in all districts."],
  ],
  [
    "a time phrase alone is not a sentence",
    "At 7 a.m. Dr. Ng opened the clinic.",
    ["At 7 a.m. Dr. Ng opened the clinic."],
  ],
  ["a.m. mid-sentence", "Trains ran from 5 a.m. until late.", ["Trains ran from 5 a.m. until late."]],
  [
    "middle initial",
    "Author Mary K. Dunn and Harry S. Truman were cited.",
    ["Author Mary K. Dunn and Harry S. Truman were cited."],
  ],
  [
    "initials",
    "The poet W.H. Auden and C.S. Lewis were friends.",
    ["The poet W.H. Auden and C.S. Lewis were friends."],
  ],
  // numbers
  ["decimal", "Growth was 3.5 percent.", ["Growth was 3.5 percent."]],
  [
    "money with a final full stop",
    "The deal was worth $1.2 billion. Shares rose.",
    ["The deal was worth $1.2 billion.", "Shares rose."],
  ],
  [
    "cents at the end",
    "A ticket costs $4.25. Children ride free.",
    ["A ticket costs $4.25.", "Children ride free."],
  ],
  ["a sentence starting with digits", "Sales fell. 2023 was worse.", ["Sales fell.", "2023 was worse."]],
  [
    "number at the end",
    "The count reached 412. Then it stopped.",
    ["The count reached 412.", "Then it stopped."],
  ],
  // quotations
  [
    "closing quote belongs to the sentence",
    'She said, "We are ready." Then she left.',
    ['She said, "We are ready."', "Then she left."],
  ],
  [
    "curly quotes",
    "He called it “a mistake.” “It will not happen again,” he said.",
    ["He called it “a mistake.”", "“It will not happen again,” he said."],
  ],
  [
    "two sentences in one quotation",
    '"We tried. It failed," the chief said.',
    ['"We tried.', 'It failed," the chief said.'],
  ],
  [
    "question in quotes, lower-case attribution",
    '"Where is the money?" she asked. Nobody knew.',
    ['"Where is the money?" she asked.', "Nobody knew."],
  ],
  [
    "exclamation in quotes, named speaker",
    '"Stop the vote!" Alvarez shouted. The session ended.',
    ['"Stop the vote!" Alvarez shouted.', "The session ended."],
  ],
  [
    "question in quotes, then a new sentence",
    '"Why now?" The answer came later.',
    ['"Why now?"', "The answer came later."],
  ],
  ["single quotes", "He said 'enough.' Then he sat.", ["He said 'enough.'", "Then he sat."]],
  ["comma after exclamation", "Go home!, they yelled.", ["Go home!, they yelled."]],
  ["brand with exclamation mark", "He worked at Yahoo! for years.", ["He worked at Yahoo! for years."]],
  ["guillemets with French spacing", "« C'est fini. » Il est parti.", ["« C'est fini. »", "Il est parti."]],
  // parentheses
  [
    "parenthesised sentence",
    "The vote passed. (Two members abstained.) The bill goes on.",
    ["The vote passed.", "(Two members abstained.)", "The bill goes on."],
  ],
  [
    "parenthesis inside a sentence",
    "The plan (it was drafted in May.) was dropped.",
    ["The plan (it was drafted in May.) was dropped."],
  ],
  // ellipses
  ["ellipsis inside a sentence", "He paused... then went on.", ["He paused... then went on."]],
  [
    "ellipsis ending a sentence",
    "It was only the start... Prices rose again.",
    ["It was only the start...", "Prices rose again."],
  ],
  [
    "unicode ellipsis in a quotation",
    '"Maybe…" she said. It was late.',
    ['"Maybe…" she said.', "It was late."],
  ],
  ["spaced ellipsis before I", "It was . . . I cannot say.", ["It was . . . I cannot say."]],
  ["bracketed ellipsis", '"The report [...] was late," he said.', ['"The report [...] was late," he said.']],
  // datelines
  [
    "AP dateline",
    "BOSTON (AP) — The mayor resigned Monday. A vote follows.",
    ["BOSTON (AP) — The mayor resigned Monday.", "A vote follows."],
  ],
  [
    "dateline with country",
    "LVIV, Ukraine — Sirens sounded at dawn. No damage was reported.",
    ["LVIV, Ukraine — Sirens sounded at dawn.", "No damage was reported."],
  ],
  [
    "dateline with abbreviation",
    "ST. PAUL, Minn. (AP) — Snow closed schools.",
    ["ST. PAUL, Minn. (AP) — Snow closed schools."],
  ],
  // lower-case brand and list items
  [
    "lower-case brand starts a sentence",
    "Sales slowed. eBay shares fell.",
    ["Sales slowed.", "eBay shares fell."],
  ],
  [
    "bullet lines",
    "Measures:\n• a curfew;\n• more patrols.",
    ["Measures:", "• a curfew;", "• more patrols."],
  ],
  [
    "numbered items on one line",
    "1) Fix roads 2) Build homes 3) Cut taxes",
    ["1) Fix roads", "2) Build homes", "3) Cut taxes"],
  ],
  ["numbered items with full stops", "1. Fix roads. 2. Build homes.", ["1. Fix roads.", "2. Build homes."]],
  ["lettered items", "a. roads b. homes c. taxes", ["a. roads", "b. homes", "c. taxes"]],
  ["bullets on one line", "• 1. Roads • 2. Homes", ["• 1. Roads", "• 2. Homes"]],
  [
    "numbers mid-sentence are not a list",
    "Items 1. and 2. were approved.",
    ["Items 1. and 2. were approved."],
  ],
  // URLs and e-mail
  [
    "URL at the end",
    "Read it at https://example.org/report.html. It is long.",
    ["Read it at https://example.org/report.html.", "It is long."],
  ],
  [
    "e-mail at the end",
    "Write to desk@example.org. Replies take a day.",
    ["Write to desk@example.org.", "Replies take a day."],
  ],
  [
    "domain with a capital",
    "See www.news.Example.com for details.",
    ["See www.news.Example.com for details."],
  ],
];

describe("splitSentences: rules", () => {
  it.each(CASES)("%s", (_rule, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it("splits only inside the body and keeps full-text offsets", () => {
    const text = " date 2025-03-01 First. Second one.\nThird.";
    const body = { start: " date 2025-03-01".length, end: text.length };
    const ranges = splitSentences(text, body);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(["First.", "Second one.", "Third."]);
    expect(ranges[0]?.start).toBe(text.indexOf("First."));
    expect(split(text, { start: body.start, end: text.indexOf("\n") })).toEqual(["First.", "Second one."]);
  });

  it("handles empty and blank input", () => {
    expect(split("")).toEqual([]);
    expect(split("  \n\t\r\n ")).toEqual([]);
    expect(split("word")).toEqual(["word"]);
  });
});

/** Trimmed, in order, non-overlapping, inside the body, non-empty. */
function checkInvariants(text: string, body: Range, ranges: Range[]): void {
  let prev = body.start;
  for (const r of ranges) {
    expect(r.start).toBeGreaterThanOrEqual(prev);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(body.end);
    expect(text[r.start]).toMatch(/\S/);
    expect(text[r.end - 1]).toMatch(/\S/);
    expect(text.slice(r.start, r.end).trim()).not.toBe("");
    prev = r.end;
  }
  // nothing but whitespace is left out
  let covered = body.start;
  for (const r of ranges) {
    expect(text.slice(covered, r.start).trim()).toBe("");
    covered = r.end;
  }
  expect(text.slice(covered, body.end).trim()).toBe("");
}

describe("splitSentences: invariants", () => {
  it.each(CASES)("%s", (_rule, text) => {
    checkInvariants(text, whole(text), splitSentences(text, whole(text)));
  });

  it("hold on shuffled fragments of the table and on odd punctuation", () => {
    const pieces = CASES.flatMap(([, text]) => text.split(/(?<=[\s.!?])/));
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 200; n++) {
      let text = "";
      for (let k = 0; k < 12; k++) text += pieces[Math.floor(rnd() * pieces.length)] ?? "";
      text += [". . . .", "?!", "…", " \r\n", "• ", "(", "“", "1.) "][n % 8];
      const body = { start: Math.min(3, text.length), end: text.length - (n % 3) };
      checkInvariants(text, body, splitSentences(text, body));
    }
  });

  // (speed is measured by `npm run bench -- --workers`, which times this text; a quadratic splitter
  // would run into the test's timeout here rather than into a clock assertion)
  it("splits a 600,000-character line without breaks, and the ranges hold", () => {
    const text = "a. b. 1. c ".repeat(50_000) + "x".repeat(100_000);
    checkInvariants(text, whole(text), splitSentences(text, whole(text)));
  });
});

// ------------------------------------------------------------ regression floors on the shared gold data

const GOLD_DIR = fileURLToPath(new URL("../../shared/data/sentences/", import.meta.url));
const SCORER = fileURLToPath(new URL("../../shared/tools/score-sentences.mjs", import.meta.url));
const HAVE_GOLD = existsSync(GOLD_DIR) && existsSync(SCORER);
const HEADER = /^\s*date \d{4}-\d{2}-\d{2}\b/;

interface Score {
  case_accuracy: number;
  boundaries: { p: number; r: number; f1: number };
}

/** Runs the splitter on a gold file and scores it with the official scorer (--json). */
function scoreGold(file: string): Score {
  const dir = mkdtempSync(join(tmpdir(), "sentences-"));
  try {
    const pred = join(dir, "pred.jsonl");
    const lines = readFileSync(join(GOLD_DIR, file), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => {
        const { id, text } = JSON.parse(l) as { id: string; text: string };
        const header = HEADER.exec(text);
        const body = { start: header ? header[0].length : 0, end: text.length };
        return JSON.stringify({ doc_id: id, offsets: "utf16", sentences: splitSentences(text, body) });
      });
    writeFileSync(pred, lines.join("\n") + "\n");
    const run = spawnSync(
      process.execPath,
      [SCORER, "--gold", join(GOLD_DIR, file), "--pred", pred, "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Score;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const GOLD_SUITE = HAVE_GOLD
  ? "splitSentences: shared gold data"
  : "splitSentences: shared gold data (skipped: ../shared/data/sentences or the scorer not found)";

describe.skipIf(!HAVE_GOLD)(GOLD_SUITE, () => {
  it("golden rules: boundary F1 >= 0.95 and case accuracy >= 0.90", () => {
    const s = scoreGold("golden-rules.jsonl");
    expect(s.boundaries.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.case_accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("news: every case exactly right", () => {
    const s = scoreGold("news.jsonl");
    expect(s.case_accuracy).toBe(1);
    expect(s.boundaries.f1).toBe(1);
  });
});
