import { describe, expect, it } from "vitest";
import { clauseTense } from "../src/stages/dates/clause-tense.js";
import { findDateCandidates } from "../src/stages/dates/find-date-candidates.js";
import { parseDay } from "../src/calendar-day.js";
import type { NumberMention, Range } from "../src/schema.js";
import { datesStage, findDates } from "../src/stages/dates/dates.js";
import { numbersStage } from "../src/stages/numbers/numbers.js";
import { annotate } from "./helpers.js";

/** The document date of every table row: Thursday 24 July 2025. */
const DOC_DATE = "2025-07-24";

const whole = (text: string): Range[] => [{ start: 0, end: text.length }];

type Expect = Pick<NumberMention, "text" | "date"> & { bound?: NumberMention["bound"] };

function read(text: string, docDate: string | null = DOC_DATE): Expect[] {
  const { mentions } = findDates(text, whole(text), docDate ? parseDay(docDate) : null);
  return mentions.map((d) => {
    expect(d.kind).toBe("date");
    const out: Expect = { text: d.text, date: d.date! };
    if (d.bound) out.bound = d.bound;
    return out;
  });
}

type Row = [string, Expect[]];

const TABLES: Record<string, Row[]> = {
  "day and month, nearest occurrence": [
    [
      "Earlier rounds were held in Istanbul on 16 May and 2 June.",
      [
        { text: "16 May", date: "2025-05-16" },
        { text: "2 June", date: "2025-06-02" },
      ],
    ],
    ["The next round is expected on 9 August.", [{ text: "9 August", date: "2025-08-09" }]],
    ["The invasion began on 24 February 2022.", [{ text: "24 February 2022", date: "2022-02-24" }]],
    ["The treaty was signed on July 4, 1995.", [{ text: "July 4, 1995", date: "1995-07-04" }]],
    ["The council meets on Dec. 4 at 6 p.m.", [{ text: "Dec. 4", date: "2025-12-04" }]],
    ["Clinics open on Monday, Oct. 20.", [{ text: "Monday, Oct. 20", date: "2025-10-20" }]],
  ],
  "months, past tense looks back": [
    ["Fighting intensified in December, according to the report.", [{ text: "December", date: "2024-12" }]],
    ["Elections are due in December.", [{ text: "December", date: "2025-12" }]],
    ["In June the sides carried out an exchange.", [{ text: "June", date: "2025-06" }]],
    ["He was born in April 1987.", [{ text: "April 1987", date: "1987-04" }]],
    [
      "The next round is expected in Warsaw in November, though officials cautioned that nothing was set.",
      [{ text: "November", date: "2025-11" }],
    ],
  ],
  weekdays: [
    [
      "Russia and Ukraine held a third round of talks on Wednesday.",
      [{ text: "Wednesday", date: "2025-07-23" }],
    ],
    ["On Monday, Russian forces shelled Kharkiv.", [{ text: "Monday", date: "2025-07-21" }]],
    ["Aid crossed the border on Tuesday.", [{ text: "Tuesday", date: "2025-07-22" }]],
    ["The ministers met on Thursday.", [{ text: "Thursday", date: "2025-07-24" }]],
    ["Zelenskyy and Putin could meet next Monday.", [{ text: "next Monday", date: "2025-07-28" }]],
    ["The delegations will meet on Friday.", [{ text: "Friday", date: "2025-07-25" }]],
    ["The report came out last Friday.", [{ text: "last Friday", date: "2025-07-18" }]],
    ["The parliament meets every Monday.", []],
  ],
  "tense of the clause: the governing verb first": [
    [
      "The ambassador said on Tuesday that his country would retaliate.",
      [{ text: "Tuesday", date: "2025-07-22" }],
    ],
    ["The ministry said Monday it will reopen the crossing.", [{ text: "Monday", date: "2025-07-21" }]],
    ["The board declared a dividend payable Aug. 15.", [{ text: "Aug. 15", date: "2025-08-15" }]],
    ["The bank extended its offer to Aug. 4.", [{ text: "Aug. 4", date: "2025-08-04" }]],
    ["The reduced fee is payable Sept. 1.", [{ text: "Sept. 1", date: "2025-09-01" }]],
    [
      "The airline will double its flights by December to meet demand untouched by the crisis.",
      [{ text: "by December", date: "2025-12", bound: "<=" }],
    ],
    ["Talks resume in March, officials said.", [{ text: "March", date: "2025-03" }]],
    ["The plant closed in January.", [{ text: "January", date: "2025-01" }]],
  ],
  "possessive dates": [
    ["Shares slid in Friday's trading.", [{ text: "Friday", date: "2025-07-18" }]],
    ["Today's vote was delayed.", [{ text: "Today", date: "2025-07-24" }]],
    ["Investigators linked it to last month's blast.", [{ text: "last month", date: "2025-06" }]],
    ["The company's results were weak.", []],
  ],
  "relative periods": [
    ["Exports fell by 12% last year.", [{ text: "last year", date: "2024" }]],
    ["The parties will meet next month.", [{ text: "next month", date: "2025-08" }]],
    [
      "Inflation reached 12.5 per cent earlier this month.",
      [{ text: "earlier this month", date: "2025-07" }],
    ],
    ["The air force shot down 40 drones yesterday.", [{ text: "yesterday", date: "2025-07-23" }]],
    ["The vote is scheduled for tomorrow.", [{ text: "tomorrow", date: "2025-07-25" }]],
    ["The embassy reopened two weeks ago.", [{ text: "two weeks ago", date: "2025-07-10" }]],
    ["A decision is expected in three weeks.", [{ text: "in three weeks", date: "2025-08-14" }]],
    ["It was the first recording in a decade.", []],
    ["The envoy travels early next week.", []],
  ],
  "granularity: an offset names a day, a month or a year, as its unit does": [
    ["The embassy reopened two years ago.", [{ text: "two years ago", date: "2023" }]],
    ["Sales began to fall five months ago.", [{ text: "five months ago", date: "2025-02" }]],
    ["The mine will reopen in two years.", [{ text: "in two years", date: "2027" }]],
    ["The envoy visited a week or so ago.", []],
    ["The plant closed about two weeks ago.", []],
    ["The mine may reopen in a year or two.", []],
    ["They met one or two years ago.", []],
  ],
  "anaphora: counted from the date the story named last, else the document date": [
    [
      "On 14 July the talks began; they ended three days later.",
      [
        { text: "14 July", date: "2025-07-14" },
        { text: "three days later", date: "2025-07-17" },
      ],
    ],
    [
      "In 2019 the plant opened, and the following year it doubled its output.",
      [
        { text: "2019", date: "2019" },
        { text: "the following year", date: "2020" },
      ],
    ],
    [
      "Imports reached $3 million in 2021, a small share of the market that year.",
      [
        { text: "2021", date: "2021" },
        { text: "that year", date: "2021" },
      ],
    ],
    [
      "He arrived on 3 May. The next day he left.",
      [
        { text: "3 May", date: "2025-05-03" },
        { text: "The next day", date: "2025-05-04" },
      ],
    ],
    ["Profit rose to $5 million from $4 million a year earlier.", [{ text: "a year earlier", date: "2024" }]],
    ["The year-ago results were restated.", [{ text: "year-ago", date: "2024" }]],
    ["The vote came the day after the election.", []],
  ],
  "parts of a month or year name it; quarters and halves name nothing": [
    ["The statement came in mid-2023.", [{ text: "mid-2023", date: "2023" }]],
    ["Results are due in early November.", [{ text: "early November", date: "2025-11" }]],
    ["The deal should close by year-end.", [{ text: "by year-end", date: "2025", bound: "<=" }]],
    ["Shares have risen 8% since year-end.", [{ text: "since year-end", date: "2024", bound: ">=" }]],
    ["Profit for the year rose 4%.", [{ text: "the year", date: "2025" }]],
    ["Sales in the fiscal year will rise.", [{ text: "the fiscal year", date: "2025" }]],
    ["Last June the court ruled on the case.", [{ text: "Last June", date: "2025-06" }]],
    ["Output fell in the third quarter of 2024.", []],
    ["Profit in the 2024 period was flat.", []],
    ["The outlook for next year's first quarter is weak.", []],
    [
      "For the year ended March 31, revenue rose.",
      [
        { text: "the year", date: "2025" },
        { text: "March 31", date: "2025-03-31" },
      ],
    ],
    [
      "Rainfall in May was twice the mean for the month.",
      [
        { text: "May", date: "2025-05" },
        { text: "the month", date: "2025-05" },
      ],
    ],
    ["Clinics keep the Sunday hours.", []],
    ["Crews worked at any hour of the day or night.", []],
    [
      "Shareholders tendered their shares by the Tuesday deadline.",
      [{ text: "Tuesday", date: "2025-07-22" }],
    ],
  ],
  "bounds and years": [
    [
      "Kyiv proposed a meeting by the end of August.",
      [{ text: "by the end of August", date: "2025-08", bound: "<=" }],
    ],
    ["Thousands have been exchanged since 2022.", [{ text: "since 2022", date: "2022", bound: ">=" }]],
    ["Receipts have lagged since July.", [{ text: "since July", date: "2025-07", bound: ">=" }]],
    ["The mission will run until 2027.", [{ text: "until 2027", date: "2027", bound: "<=" }]],
    [
      "He will leave after 2018 or before 2016.",
      [
        { text: "after 2018", date: "2018", bound: ">" },
        { text: "before 2016", date: "2016", bound: "<" },
      ],
    ],
    ["Crimea was annexed by Russia in 2014.", [{ text: "2014", date: "2014" }]],
    [
      "Budgets for 2025 and 2026 were approved.",
      [
        { text: "2025", date: "2025" },
        { text: "2026", date: "2026" },
      ],
    ],
    ["Emissions must fall 32 percent below 2005 levels.", [{ text: "2005", date: "2005" }]],
    ["It happened in the year before 2015.", [{ text: "the year before 2015", date: "2014" }]],
    [
      "The 1991–2020 mean was lower.",
      [
        { text: "1991", date: "1991" },
        { text: "2020", date: "2020" },
      ],
    ],
    ["Obama's 2008 campaign set the template.", [{ text: "2008", date: "2008" }]],
    ["The army sent 2000 soldiers.", []],
  ],
  "numeric forms": [
    ["The data for 2024-03-15 were released.", [{ text: "2024-03-15", date: "2024-03-15" }]],
    ["The law took effect on 02/22/2016.", [{ text: "02/22/2016", date: "2016-02-22" }]],
    ["The law took effect on 21/04/2016.", [{ text: "21/04/2016", date: "2016-04-21" }]],
    ["The survey ran September 16-19, 2016.", []],
    ["The ssn is 123-12-1234.", []],
    ["The date 2015-1-32 is wrong.", []],
  ],
  "years in words, fiscal years": [
    [
      "Atlanta, nineteen ninety-six: a bomb shook the games.",
      [{ text: "nineteen ninety-six", date: "1996" }],
    ],
    ["It was a nineteen ninety-seven attack.", [{ text: "nineteen ninety-seven", date: "1997" }]],
    [
      "He promised results by the year two thousand.",
      [{ text: "by the year two thousand", date: "2000", bound: "<=" }],
    ],
    ["The firm was founded in two thousand and eight.", [{ text: "two thousand and eight", date: "2008" }]],
    ["Sales in fiscal 1989 rose.", [{ text: "fiscal 1989", date: "1989" }]],
    ["The FY2019 budget passed.", [{ text: "FY2019", date: "2019" }]],
    ["Nineteen people came.", []],
    ["They cut two thousand jobs.", []],
    ["The clock read ten fifteen.", []],
  ],
  "numeric month and day, lower-case months": [
    ["Pi day falls on 3/14.", [{ text: "3/14", date: "2025-03-14" }]],
    ["The order is dated 12.25.2019.", [{ text: "12.25.2019", date: "2019-12-25" }]],
    ["The order is dated 15.02.2013.", [{ text: "15.02.2013", date: "2013-02-15" }]],
    ["Polls closed on 3/15.", [{ text: "3/15", date: "2025-03-15" }]],
    ["The hearing moved to june 5.", [{ text: "june 5", date: "2025-06-05" }]],
    ["The deal closed on jan 3.", [{ text: "jan 3", date: "2025-01-03" }]],
    ["A 9/11 memorial opened.", []],
    ["Only 3/15 of the ballots were valid.", []],
    ["They march 3 miles a day.", []],
  ],
  "named days": [
    ["Shops reopen on Boxing Day.", [{ text: "Boxing Day", date: "2025-12-26" }]],
    ["Markets were shut at Christmas.", [{ text: "Christmas", date: "2024-12-25" }]],
    ["Fireworks are planned for New Year's Day.", [{ text: "New Year's Day", date: "2026-01-01" }]],
    [
      "Turkey prices rose before Thanksgiving 2024.",
      [{ text: "before Thanksgiving 2024", date: "2024-11-28", bound: "<" }],
    ],
    ["Good Friday was quiet.", [{ text: "Good Friday", date: "2025-04-18" }]],
    ["The store opens on Labor Day 2025.", [{ text: "Labor Day 2025", date: "2025-09-01" }]],
    ["He left last Christmas.", [{ text: "last Christmas", date: "2024-12-25" }]],
  ],
  "not dates": [
    ["You may leave now.", []],
    ["May I ask a question?", []],
    ["The May protests were peaceful.", []],
    ["Super Tuesday was quiet.", []],
    ["Mortgages were at 6.45 percent.", []],
  ],
};

describe("findDates against Thursday 2025-07-24", () => {
  for (const [name, rows] of Object.entries(TABLES)) {
    describe(name, () => {
      it.each(rows)("%s", (text, expected) => {
        expect(read(text)).toEqual(expected);
      });
    });
  }
});

describe("without a document date", () => {
  it("leaves relative dates out with a message and keeps absolute ones", () => {
    const text =
      "Talks held on 16 May and yesterday resumed the process begun on 24 February 2022 and in 2014.";
    const { mentions, messages } = findDates(text, whole(text), null);
    expect(mentions.map((d) => [d.text, d.date])).toEqual([
      ["24 February 2022", "2022-02-24"],
      ["2014", "2014"],
    ]);
    const missing = messages.filter((m) => m.rule === "no-document-date");
    expect(missing.map((m) => text.slice(m.start, m.end))).toEqual(["16 May", "yesterday"]);
    for (const m of missing) expect(m.stage).toBe("dates");
  });

  it("never reads today's clock", () => {
    const text = "The vote was held last year and will be repeated next month.";
    expect(read(text, null)).toEqual([]);
  });
});

describe("grammar and tense", () => {
  it("finds spans without a document date", () => {
    const text = "On 9 August, after talks in June, the envoy left yesterday.";
    const spans = findDateCandidates(text, { start: 0, end: text.length }).map((c) =>
      text.slice(c.start, c.end),
    );
    expect(spans).toEqual(["9 August", "June", "yesterday"]);
  });

  it.each([
    ["Fighting intensified in December.", "December", "past"],
    ["The next round is expected in November, officials said.", "November", "future"],
    ["The vote is in June.", "June", "none"],
    ["A plan, unveiled in February, would raise the levee.", "February", "past"],
    ["The envoy said on Friday that talks would resume.", "Friday", "past"],
    ["Talks resume in March, officials said.", "March", "none"],
    ["The reduced fee is payable Sept. 1.", "Sept. 1", "future"],
    ["In June, the sides exchanged prisoners.", "June", "past"],
  ] as const)("%s", (text, word, tense) => {
    const at = text.indexOf(word);
    expect(clauseTense(text, { start: 0, end: text.length }, { start: at, end: at + word.length })).toBe(
      tense,
    );
  });
});

describe("layers", () => {
  it("claims every date expression, resolved or not, for the numbers stage to leave alone", () => {
    const text = "On 2 June and in the first half of 2022, 300 people met.";
    const { mentions, claimed } = findDates(text, whole(text), parseDay(DOC_DATE));
    expect(mentions.map((d) => d.text)).toEqual(["2 June"]);
    expect(claimed.map((r) => text.slice(r.start, r.end))).toEqual(["2 June", "the first half of 2022"]);
  });

  it("runs as a stage before numbers; the layers never overlap", () => {
    const text =
      "date 2025-07-24\nOn 16 May, 1,200 prisoners were swapped; in 2014 and since 2022, thousands more followed.";
    expect(datesStage.requires).toEqual(["body", "sentences"]);
    expect(numbersStage.requires).toEqual(["sentences", "dates"]);
    const doc = annotate(text, "numbers");
    const dates = doc.get("dates").mentions;
    const numbers = doc.get("numbers");
    expect(dates.map((d) => d.text)).toEqual(["16 May", "2014", "since 2022"]);
    expect(dates[0]!.date).toBe("2025-05-16");
    expect(numbers.map((n) => n.text)).toEqual(["1,200", "thousands more"]);
    expect(numbers[1]).toMatchObject({ kind: "cardinal", value: 1000, bound: ">=", incremental: true });
    for (const d of dates) {
      expect(text.slice(d.start, d.end)).toBe(d.text);
      for (const n of numbers) expect(d.end <= n.start || n.end <= d.start).toBe(true);
    }
    // the header is outside the sentences: nothing is read there
    expect(dates.every((d) => d.start >= 16)).toBe(true);
  });
});
