import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDay } from "../src/calendar-day.js";
import type { NumberMention, Range } from "../src/schema.js";
import { findDates } from "../src/stages/dates/dates.js";
import { findNumbers, type NumbersOptions, numbersStage } from "../src/stages/numbers/numbers.js";
import { annotate } from "./helpers.js";

/** findNumbers as the stages run it: after the date grammar has claimed its spans in the same sentences. */
function numbersIn(text: string, sentences: Range[], options: NumbersOptions = {}) {
  return findNumbers(text, sentences, findDates(text, sentences, null).claimed, options);
}

const whole = (text: string): Range[] => [{ start: 0, end: text.length }];

/** One sentence per non-empty line, trimmed (what the harness does). */
function lines(text: string): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) out.push({ start: at + lead, end: at + lead + body.length });
    at += line.length + 1;
  }
  return out;
}

const FIELDS = [
  "text",
  "kind",
  "value",
  "low",
  "high",
  "sides",
  "bound",
  "approx",
  "incremental",
  "unit",
] as const;

/** The mentions of one sentence, without offsets; `unit` only where the expectation names one. */
function read(text: string, expected: Array<Partial<NumberMention>>): Array<Partial<NumberMention>> {
  const { numbers } = numbersIn(text, lines(text));
  return numbers.map((m, i) => {
    const out: Partial<NumberMention> = {};
    for (const f of FIELDS) {
      if (f === "unit" && expected[i]?.unit === undefined) continue;
      if (m[f] !== undefined) (out as Record<string, unknown>)[f] = m[f];
    }
    return out;
  });
}

type Row = [string, Array<Partial<NumberMention>>];

const RULES: Record<string, Row[]> = {
  exchanges: [
    [
      "They agreed on an exchange of 1,200-1,200 prisoners of war.",
      [{ text: "1,200-1,200", kind: "exchange", sides: [1200, 1200], unit: "prisoners of war" }],
    ],
    [
      "Kyiv offered a 1,200-for-1,200 swap.",
      [{ text: "1,200-for-1,200", kind: "exchange", sides: [1200, 1200] }],
    ],
    [
      "The sides traded prisoners 1,000 for 1,000.",
      [{ text: "1,000 for 1,000", kind: "exchange", sides: [1000, 1000] }],
    ],
    ["They carried out an 84-for-84 exchange.", [{ text: "84-for-84", kind: "exchange", sides: [84, 84] }]],
    [
      "Moscow and Kyiv traded 95 for 40 captives.",
      [{ text: "95 for 40", kind: "exchange", sides: [95, 40] }],
    ],
    [
      "A 2-2 draw ended the match.",
      [
        { text: "2", kind: "cardinal", value: 2 },
        { text: "2", kind: "cardinal", value: 2 },
      ],
    ],
  ],
  increments: [
    [
      "Russia is prepared to return 3,000 more.",
      [{ text: "3,000 more", kind: "cardinal", value: 3000, incremental: true }],
    ],
    [
      "The Pentagon will send another 500 troops.",
      [{ text: "another 500", kind: "cardinal", value: 500, incremental: true, unit: "troops" }],
    ],
    [
      "An additional 20 trucks crossed the border.",
      [{ text: "An additional 20", kind: "cardinal", value: 20, incremental: true, unit: "trucks" }],
    ],
    [
      "The bank will cut a further 300 jobs.",
      [{ text: "a further 300", kind: "cardinal", value: 300, incremental: true, unit: "jobs" }],
    ],
    ["He earned 300 more than his rival.", [{ text: "300", kind: "cardinal", value: 300 }]],
  ],
  hedges: [
    [
      "The plan covers approximately 30 civilians.",
      [{ text: "approximately 30", kind: "cardinal", value: 30, approx: true, unit: "civilians" }],
    ],
    [
      "Nearly 7,000 bodies were returned.",
      [{ text: "Nearly 7,000", kind: "cardinal", value: 7000, approx: true }],
    ],
    ["Some 2,000 people gathered.", [{ text: "Some 2,000", kind: "cardinal", value: 2000, approx: true }]],
    [
      "Roughly half of the families returned.",
      [{ text: "Roughly half", kind: "cardinal", value: 0.5, approx: true, unit: "families" }],
    ],
    ["About 150 drones were launched.", [{ text: "About 150", kind: "cardinal", value: 150, approx: true }]],
    [
      "Almost 60 percent backed the plan.",
      [{ text: "Almost 60 percent", kind: "percent", value: 60, approx: true }],
    ],
    ["How about 20 of them?", [{ text: "20", kind: "cardinal", value: 20 }]],
  ],
  bounds: [
    [
      "The talks lasted less than an hour.",
      [{ text: "less than an hour", kind: "duration", value: 1, bound: "<", unit: "hour" }],
    ],
    [
      "More than 100 people were injured.",
      [{ text: "More than 100", kind: "cardinal", value: 100, bound: ">" }],
    ],
    ["Over 200 buildings were damaged.", [{ text: "Over 200", kind: "cardinal", value: 200, bound: ">" }]],
    [
      "At least 12 civilians were killed.",
      [{ text: "At least 12", kind: "cardinal", value: 12, bound: ">=" }],
    ],
    [
      "Convoys may move for up to 48 hours.",
      [{ text: "up to 48 hours", kind: "duration", value: 48, bound: "<=", unit: "hours" }],
    ],
    [
      "Fewer than 10 aid workers remain.",
      [{ text: "Fewer than 10", kind: "cardinal", value: 10, bound: "<", unit: "workers" }],
    ],
    [
      "No more than 50 delegates attended.",
      [{ text: "No more than 50", kind: "cardinal", value: 50, bound: "<=" }],
    ],
    [
      "Donors gave $200 or less.",
      [{ text: "$200 or less", kind: "money", value: 200, bound: "<=", unit: "USD" }],
    ],
    ["The value is x>10 here.", [{ text: ">10", kind: "cardinal", value: 10, bound: ">" }]],
    ["The grant was spread over two years.", [{ text: "two years", kind: "duration", value: 2 }]],
    [
      "Larger than 10 and smaller than 20 is the band.",
      [{ text: "Larger than 10 and smaller than 20", kind: "range", low: 10, high: 20 }],
    ],
    [
      "More than 40 and less than 10 are two bounds.",
      [
        { text: "More than 40", kind: "cardinal", value: 40, bound: ">" },
        { text: "less than 10", kind: "cardinal", value: 10, bound: "<" },
        { text: "two", kind: "cardinal", value: 2 },
      ],
    ],
  ],
  ranges: [
    [
      "A ceasefire of 24 to 48 hours was discussed.",
      [{ text: "24 to 48 hours", kind: "range", low: 24, high: 48, unit: "hours" }],
    ],
    [
      "A pause of 24-48 hours was discussed.",
      [{ text: "24-48 hours", kind: "range", low: 24, high: 48, unit: "hours" }],
    ],
    [
      "Between 20 and 30 detainees could be released.",
      [{ text: "Between 20 and 30", kind: "range", low: 20, high: 30, unit: "detainees" }],
    ],
    [
      "The levy will range from 5 to 10 percent.",
      [{ text: "from 5 to 10 percent", kind: "range", low: 5, high: 10, unit: "percent" }],
    ],
    [
      "Figures were revised up by 10–15 per cent.",
      [{ text: "10–15 per cent", kind: "range", low: 10, high: 15, unit: "per cent" }],
    ],
    [
      "Salaries ran from $30,000 to $60,000 a year.",
      [{ text: "from $30,000 to $60,000", kind: "range", low: 30000, high: 60000, unit: "USD" }],
    ],
    [
      "The plan needs 2 to 3 million doses.",
      [{ text: "2 to 3 million", kind: "range", low: 2000000, high: 3000000 }],
    ],
    [
      "The motion passed 5 to 4.",
      [
        { text: "5", kind: "cardinal", value: 5 },
        { text: "4", kind: "cardinal", value: 4 },
      ],
    ],
  ],
  money: [
    [
      "The EU pledged $1.5 billion in aid.",
      [{ text: "$1.5 billion", kind: "money", value: 1_500_000_000, unit: "USD" }],
    ],
    [
      "Kyiv will receive €50 billion.",
      [{ text: "€50 billion", kind: "money", value: 50_000_000_000, unit: "EUR" }],
    ],
    ["The project costs US$4.5bn.", [{ text: "US$4.5bn", kind: "money", value: 4_500_000_000, unit: "USD" }]],
    ["The firm raised £3m from investors.", [{ text: "£3m", kind: "money", value: 3_000_000, unit: "GBP" }]],
    [
      "The fine was 40 million euros.",
      [{ text: "40 million euros", kind: "money", value: 40_000_000, unit: "EUR" }],
    ],
  ],
  scaled: [
    [
      "The war has displaced 2.3 million people.",
      [{ text: "2.3 million", kind: "cardinal", value: 2_300_000, unit: "people" }],
    ],
    [
      "The petition gathered 7k signatures.",
      [{ text: "7k", kind: "cardinal", value: 7000, unit: "signatures" }],
    ],
  ],
  percent: [
    ["Exports fell by 12% in the spring.", [{ text: "12%", kind: "percent", value: 12 }]],
    ["Inflation reached 12.5 per cent.", [{ text: "12.5 per cent", kind: "percent", value: 12.5 }]],
    ["The margin of error is +/- 4 percent.", [{ text: "4 percent", kind: "percent", value: 4 }]],
  ],
  written: [
    [
      "Russia proposed three online working groups.",
      [{ text: "three", kind: "cardinal", value: 3, unit: "groups" }],
    ],
    [
      "Twenty-five journalists were accredited.",
      [{ text: "Twenty-five", kind: "cardinal", value: 25, unit: "journalists" }],
    ],
    [
      "A dozen delegates left the hall.",
      [{ text: "A dozen", kind: "cardinal", value: 12, unit: "delegates" }],
    ],
    [
      "Forces hold about two-thirds of the region.",
      [{ text: "about two-thirds", kind: "cardinal", value: 2 / 3, approx: true }],
    ],
    ["The two sides met again.", [{ text: "two", kind: "cardinal", value: 2, unit: "sides" }]],
    [
      "He counted 4 thousand 3 hundred and 21 votes.",
      [{ text: "4 thousand 3 hundred and 21", kind: "cardinal", value: 4321 }],
    ],
    [
      "The population is 3 million and a half.",
      [{ text: "3 million and a half", kind: "cardinal", value: 3_500_000 }],
    ],
    [
      "One in five voters stayed home.",
      [{ text: "One in five", kind: "cardinal", value: 0.2, unit: "voters" }],
    ],
  ],
  vague: [
    [
      "Hundreds of residents were evacuated.",
      [{ text: "Hundreds", kind: "cardinal", value: 100, bound: ">=", unit: "residents" }],
    ],
    [
      "Thousands of prisoners of war were exchanged.",
      [{ text: "Thousands", kind: "cardinal", value: 1000, bound: ">=", unit: "prisoners of war" }],
    ],
    [
      "Tens of thousands of people fled.",
      [{ text: "Tens of thousands", kind: "cardinal", value: 10000, bound: ">=" }],
    ],
    ["He scores goals every week.", []],
  ],
  ordinals: [
    ["The EU adopted its 18th sanctions package.", [{ text: "18th", kind: "ordinal", value: 18 }]],
    ["The parties will meet for a fourth round.", [{ text: "fourth", kind: "ordinal", value: 4 }]],
    ["They held a third round of talks.", [{ text: "third", kind: "ordinal", value: 3 }]],
    ["A third of the budget went to defence.", [{ text: "A third", kind: "cardinal", value: 1 / 3 }]],
    ["It was the four-hundredth performance.", [{ text: "four-hundredth", kind: "ordinal", value: 400 }]],
    ["Water flowed at 48 cubic meters per second.", [{ text: "48", kind: "cardinal", value: 48 }]],
  ],
  durations: [
    [
      "Washington proposed a 30-day ceasefire.",
      [{ text: "30-day", kind: "duration", value: 30, unit: "day" }],
    ],
    [
      "The meeting lasted more than three hours.",
      [{ text: "more than three hours", kind: "duration", value: 3, bound: ">" }],
    ],
    ["The 12-year-old boy was rescued.", [{ text: "12", kind: "cardinal", value: 12, unit: "years old" }]],
  ],
  units: [
    [
      "Russia returned the bodies of 7,000 deceased Ukrainian soldiers.",
      [{ text: "7,000", kind: "cardinal", value: 7000, unit: "soldiers" }],
    ],
    [
      "Clinton called half of Donald Trump's supporters deplorable.",
      [{ text: "half", kind: "cardinal", value: 0.5, unit: "supporters" }],
    ],
  ],
  years: [
    ["Many said 2022 was a hard year.", [{ text: "2022", kind: "year", value: 2022 }]],
    ["The army deployed 2000 soldiers.", [{ text: "2000", kind: "cardinal", value: 2000, unit: "soldiers" }]],
  ],
  "counting words": [
    ["The talks stalled for a couple of days.", [{ text: "a couple", kind: "cardinal", value: 2 }]],
    ["Police arrested a pair of smugglers.", [{ text: "a pair", kind: "cardinal", value: 2 }]],
    [
      "Only a handful of protesters remained.",
      [{ text: "a handful", kind: "cardinal", value: 5, approx: true }],
    ],
    ["A dozen delegates left the hall.", [{ text: "A dozen", kind: "cardinal", value: 12 }]],
    ["Two dozen boats sank.", [{ text: "Two dozen", kind: "cardinal", value: 24 }]],
    ["Dozens of villages flooded.", [{ text: "Dozens", kind: "cardinal", value: 12, bound: ">=" }]],
    ["Scores of houses burned.", [{ text: "Scores", kind: "cardinal", value: 20, bound: ">=" }]],
  ],
  "decimals and multipliers in words": [
    [
      "The deficit reached three point four billion.",
      [{ text: "three point four billion", kind: "cardinal", value: 3.4e9 }],
    ],
    ["Inflation eased to point five.", [{ text: "point five", kind: "cardinal", value: 0.5 }]],
    ["The index rose 1 point 1.", [{ text: "1 point 1", kind: "cardinal", value: 1.1 }]],
    [
      "The journey took one and a half years.",
      [{ text: "one and a half years", kind: "duration", value: 1.5 }],
    ],
    [
      "The city has two and a half million people.",
      [{ text: "two and a half million", kind: "cardinal", value: 2.5e6 }],
    ],
    ["The start-up raised .5M in seed money.", [{ text: ".5M", kind: "cardinal", value: 5e5 }]],
    ["The scheme costs Rs 2.5 lakh crore.", [{ text: "Rs 2.5 lakh crore", kind: "money", value: 2.5e12 }]],
    [
      "About 12 lakhs visited the fair.",
      [{ text: "About 12 lakhs", kind: "cardinal", value: 1.2e6, approx: true }],
    ],
    [
      "The dam cost three thousand million.",
      [{ text: "three thousand million", kind: "cardinal", value: 3e9 }],
    ],
  ],
  "ordinals written with dashes or run together": [
    ["She lives on the thirty–second floor.", [{ text: "thirty–second", kind: "ordinal", value: 32 }]],
    ["It was the twenty—first attempt.", [{ text: "twenty—first", kind: "ordinal", value: 21 }]],
    ["He finished fortyfirst.", [{ text: "fortyfirst", kind: "ordinal", value: 41 }]],
  ],
  "particles are not bounds": [
    ["Russia handed over 6,000 bodies.", [{ text: "6,000", kind: "cardinal", value: 6000 }]],
    ["The rebels took over 12 towns.", [{ text: "12", kind: "cardinal", value: 12 }]],
    ["The clerk turned over 40 files.", [{ text: "40", kind: "cardinal", value: 40 }]],
    ["Prices rose by over 5%.", [{ text: "over 5%", kind: "percent", value: 5, bound: ">" }]],
    ["Over 200 buildings collapsed.", [{ text: "Over 200", kind: "cardinal", value: 200, bound: ">" }]],
  ],
  ratios: [
    [
      "He found that one in five children had missed school.",
      [{ text: "one in five", kind: "cardinal", value: 0.2 }],
    ],
    ["Three out of four voters agreed.", [{ text: "Three out of four", kind: "cardinal", value: 0.75 }]],
  ],
  "not numbers": [
    ["Umerov was one of the delegates who spoke.", []],
    ["A Boeing 737 landed.", []],
    ["Apollo 11 reached the moon.", []],
    ["The 49ers won again.", []],
    ["The board passed it in a 3-2 vote.", []],
    ["The court ruled 5–4.", []],
    [
      "Rustem Umerov, Secretary of the National Security and Defence Council of Ukraine, led the delegation.",
      [],
    ],
    [
      "Russia lost two Su-35 fighter jets, and an F-16 was shot down.",
      [{ text: "two", kind: "cardinal", value: 2, unit: "jets" }],
    ],
    ["For accreditation, call +380 44 256 7890.", []],
    ["Call 555-123-4567 for details.", []],
    ["The COVID-19 pandemic delayed the G7 summit.", []],
    ["Portraits of Louis XIV hang in the palace.", []],
    ["King Charles III met Pope Leo XIV in 2025.", []],
    ["The server at 192.168.1.2 went down.", []],
    ["Under Article 5, allies must respond.", []],
    ["No one was hurt in the blast.", []],
    ["The MiG-29 and the T-72 were displayed.", []],
    ["The new 5G network opened.", []],
    ["The clinic at 2417 W. Colorado Ave. opened.", []],
    ["The meeting began at 4 p.m. and ended at 10:30.", []],
    ["He left Ground Zero before noon.", []],
    ["The first lady spoke.", []],
    ["Beethoven's Fifth was played.", []],
    ["He fought in the First World War.", []],
    ["Formula One returned to Monaco.", []],
    ["It is a zero-sum game with zero tolerance.", []],
    ["At one point the talks stalled.", []],
    ["Call 020 7946 0958 for tickets.", []],
    ["The attack came after 9/11; the shop is open 24/7.", []],
    ["She made a one-day visit.", [{ text: "one-day", kind: "duration", value: 1, unit: "day" }]],
  ],
};

describe("findNumbers rules", () => {
  for (const [rule, rows] of Object.entries(RULES)) {
    describe(rule, () => {
      it.each(rows)("%s", (text, expected) => {
        expect(read(text, expected)).toEqual(expected);
      });
    });
  }
});

describe("findNumbers messages and layers", () => {
  it("explains what it leaves out", () => {
    const text = "Russia lost two Su-35 jets; call +380 44 256 7890; one of them fled.";
    const { messages } = numbersIn(text, lines(text));
    const rules = messages.map((m) => m.rule);
    expect(rules).toContain("not-a-number:code");
    expect(rules).toContain("not-a-number:phone");
    expect(rules).toContain("not-a-quantity");
    for (const m of messages) {
      expect(m.stage).toBe("numbers");
      expect(m.start).toBeLessThan(m.end!);
    }
  });

  it("leaves date spans to the dates stage", () => {
    const text = "Talks on 2 June and in 2014 drew 300 delegates.";
    const { numbers } = numbersIn(text, lines(text));
    expect(numbers.map((n) => n.text)).toEqual(["300"]);
  });

  it("reads only inside the sentences", () => {
    const text = "date 2025-07-24\n\nAbout 30 people came.";
    const body = [{ start: 17, end: text.length }];
    const { numbers } = numbersIn(text, body);
    expect(numbers.map((n) => n.text)).toEqual(["About 30"]);
  });

  it("gives the same result with and without the pre-filter", () => {
    const text = [
      "Nobody spoke at the ceremony.",
      "The talks lasted less than an hour.",
      "Hundreds of residents left on 16 May.",
      "Some 2,000 people gathered, and another 500 arrived.",
    ].join("\n");
    const a = numbersIn(text, lines(text));
    const b = numbersIn(text, lines(text), { prefilter: false });
    expect(b).toEqual(a);
  });
});

const ARTICLE = [
  "date 2025-07-24",
  "Russia and Ukraine held a third round of talks in Istanbul on Wednesday.",
  "  The talks lasted less than an hour, and both sides agreed on an exchange of 1,200-1,200 prisoners of war.  ",
  "Russia has returned the bodies of 7,000 deceased soldiers and is prepared to return 3,000 more.",
  "Kyiv proposed a 30-day ceasefire and a meeting of the two presidents by the end of August.",
  "Roughly 10–15 per cent of the $1.5 billion pledged since 2022 has arrived; call +380 44 256 7890.",
  "Earlier rounds were held on 16 May and 2 June, when thousands of prisoners were exchanged.",
].join("\n");

describe("invariants", () => {
  const sentences = lines(ARTICLE).slice(1);
  const { mentions: dates } = findDates(ARTICLE, sentences, parseDay("2025-07-24"));
  const { numbers } = numbersIn(ARTICLE, sentences);

  it("spans are trimmed, verified, sorted and do not overlap within or across layers", () => {
    for (const layer of [numbers, dates]) {
      for (let i = 0; i < layer.length; i++) {
        const m = layer[i]!;
        expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
        expect(m.text).toBe(m.text.trim());
        expect(m.text.length).toBeGreaterThan(0);
        if (i > 0) expect(layer[i - 1]!.end).toBeLessThanOrEqual(m.start);
      }
    }
    const all = [...numbers, ...dates].sort((a, b) => a.start - b.start);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.end).toBeLessThanOrEqual(all[i]!.start);
    expect(numbers.length).toBeGreaterThan(8);
    expect(dates.length).toBeGreaterThan(4);
  });

  it("is deterministic", () => {
    const again = numbersIn(ARTICLE, sentences);
    expect(JSON.stringify(again.numbers)).toBe(JSON.stringify(numbers));
  });

  it("runs as a stage on a Doc, after the dates stage", () => {
    const doc = annotate(ARTICLE, "numbers");
    expect(doc.get("sentences").map((r) => ARTICLE.slice(r.start, r.end))).toEqual(
      sentences.map((r) => ARTICLE.slice(r.start, r.end).trim()),
    );
    expect(doc.get("numbers")).toEqual(numbers);
    expect(doc.get("dates").mentions).toEqual(dates);
    expect(doc.messages.some((m) => m.stage === "numbers" && m.rule === "not-a-number:phone")).toBe(true);
    expect(numbersStage.provides).toBe("numbers");
    expect(numbersStage.requires).toEqual(["sentences", "dates"]);
  });

  it("reads no number inside a claimed date span, and drops one that runs across it", () => {
    const text = "On 2 June 300 people met.";
    expect(findNumbers(text, whole(text), []).numbers.map((n) => n.text)).toEqual(["2", "300"]);
    expect(findNumbers(text, whole(text), [{ start: 3, end: 9 }]).numbers.map((n) => n.text)).toEqual([
      "300",
    ]);
    const across = "They sent 3,000 soon more.";
    const soon = { start: across.indexOf("soon"), end: across.indexOf("soon") + 4 };
    const r = findNumbers(across, whole(across), [soon]);
    expect(r.numbers).toEqual([]);
    expect(r.messages.map((m) => m.rule)).toContain("overlaps-date");
  });
});

// ---------------------------------------------------------------- regression on the shared data

const DATA = new URL("../../shared/data/numbers/", import.meta.url);
const SCORER = new URL("../../shared/tools/score-numbers.mjs", import.meta.url);
const haveData = existsSync(fileURLToPath(DATA)) && existsSync(fileURLToPath(SCORER));

/** value accuracy floors, per suite, at what the stages reach (raise them when they improve) */
const FLOORS: Record<string, Record<string, { value: number; cases: number }>> = {
  "news-phrases.jsonl": { "news-phrases": { value: 1, cases: 1 } },
  "ms-recognizers.jsonl": {
    "ms-number": { value: 0.991, cases: 0.99 },
    "ms-number-range": { value: 0.989, cases: 0.977 },
    "ms-ordinal": { value: 1, cases: 1 },
    "ms-percent": { value: 1, cases: 1 },
    "ms-date": { value: 0.928, cases: 0.937 },
  },
};

interface Scored {
  suites: Record<string, { value_accuracy: number; case_accuracy: number }>;
}

function score(file: string): Scored {
  const gold = fileURLToPath(new URL(file, DATA));
  const records = readFileSync(gold, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const g = JSON.parse(l) as { id: string; text: string; date?: string };
      const sentences = lines(g.text);
      const dates = findDates(g.text, sentences, g.date ? parseDay(g.date) : null);
      const found = findNumbers(g.text, sentences, dates.claimed).numbers;
      const numbers = [...found, ...dates.mentions].sort((a, b) => a.start - b.start);
      return JSON.stringify({ doc_id: g.id, offsets: "utf16", numbers });
    });
  const pred = join(mkdtempSync(join(tmpdir(), "numbers-test-")), "pred.jsonl");
  writeFileSync(pred, `${records.join("\n")}\n`);
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(SCORER), "--gold", gold, "--pred", pred, "--json", "--by-suite"],
    {
      encoding: "utf8",
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Scored;
}

describe.skipIf(!haveData)(
  "regression on ../shared/data/numbers (skipped when the shared data is absent)",
  () => {
    for (const [file, suites] of Object.entries(FLOORS)) {
      it(`${file} stays at or above its floors`, () => {
        const scored = score(file);
        for (const [suite, floor] of Object.entries(suites)) {
          const got = scored.suites[suite];
          expect(got, `suite ${suite}`).toBeDefined();
          expect(got!.value_accuracy, `${suite} value accuracy`).toBeGreaterThanOrEqual(floor.value);
          expect(got!.case_accuracy, `${suite} case accuracy`).toBeGreaterThanOrEqual(floor.cases);
        }
      });
    }
  },
);

if (!haveData)
  console.warn(
    "numbers.test: ../shared/data/numbers or the scorer is absent; the regression test is skipped",
  );
