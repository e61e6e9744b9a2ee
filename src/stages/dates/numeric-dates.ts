/**
 * Numeric date formats, read by regular expressions over the sentence text before the token grammar
 * runs: 2015-08-12, 20161016, 02/22/2016, 13.5.2015, 23/Sep/2020, Dec-2018, 2016-11, 3/2015 …
 */
import type { Range } from "../../schema.js";
import { type Cal, twoDigitYear, ymd } from "./calendar.js";
import DATE_WORDS from "../../lexicons/date-words.json" with { type: "json" };
import NOT_NUMBERS from "../../lexicons/not-numbers.json" with { type: "json" };
import { MONTHS } from "./date-words.js";

const MON = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** no digit (or digit + separator) glued before, none after */
const B = String.raw`(?<![\d.])(?<!\d[-/])`;
const E = String.raw`(?![\d])(?![-/.]\d)(?!,\d)`;

export interface NumericHit {
  start: number;
  end: number;
  /** the date; a month and day without a year ("3/14") leaves the year to the document date */
  cal: Cal;
  yearless?: boolean;
}

type NumericRule = { re: RegExp; make: (m: RegExpExecArray) => Cal | null };

const monthNum = (s: string): number => MONTHS[s.toLowerCase().replace(/\.$/, "")] ?? 0;
const year4 = (s: string): number => Number(s);
const yearAny = (s: string): number => (s.length === 2 ? twoDigitYear(Number(s)) : Number(s));
export const okYear = (y: number): boolean => y >= 1000 && y <= 2999;

const NUMERIC_RULES: NumericRule[] = [
  // 2015-08-12, 2015/08/12, 2015.5.13
  {
    re: new RegExp(String.raw`${B}(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${E}`, "g"),
    make: (m) => ymd(year4(m[1]!), Number(m[3]), Number(m[4])),
  },
  // 20161016
  {
    re: /(?<![\d.,])(\d{4})(\d{2})(\d{2})(?![\d,]|\.\d)/g,
    make: (m) =>
      Number(m[1]) >= 1900 && Number(m[1]) <= 2099 ? ymd(year4(m[1]!), Number(m[2]), Number(m[3])) : null,
  },
  // 2016 10 16
  {
    re: new RegExp(String.raw`${B}(\d{4}) (\d{1,2}) (\d{1,2})(?=\s*(?:[,.;:!?)]|$))`, "g"),
    make: (m) => ymd(year4(m[1]!), Number(m[2]), Number(m[3])),
  },
  // 02/22/2016, 21/04/16, 9-18-15, 13.5.2015 (day first with dots), 08/12,2015
  {
    re: new RegExp(String.raw`${B}(\d{1,2})([-/.])(\d{1,2})(?:\2|, ?)(\d{4}|\d{2})${E}`, "g"),
    make: (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const y = yearAny(m[4]!);
      // dots are day first (13.5.2015) unless that is no date (12.25.2019); slashes and dashes month first
      // (02/22/2016) unless that is no date (21/04/2016)
      if (m[2] === ".") return ymd(y, b, a) ?? ymd(y, a, b);
      return ymd(y, a, b) ?? ymd(y, b, a);
    },
  },
  // 2019-sep-1, 2019/sep/01
  {
    re: new RegExp(String.raw`${B}(\d{4})([-/])(${MON})\.?\2(\d{1,2})${E}`, "gi"),
    make: (m) => ymd(year4(m[1]!), monthNum(m[3]!), Number(m[4])),
  },
  // 2020/23/Sep
  {
    re: new RegExp(String.raw`${B}(\d{4})([-/])(\d{1,2})\2(${MON})\b`, "gi"),
    make: (m) => ymd(year4(m[1]!), monthNum(m[4]!), Number(m[3])),
  },
  // 23/Sep/2020, 05-Aug-2016
  {
    re: new RegExp(String.raw`${B}(\d{1,2})([-/])(${MON})\.?\2(\d{4}|\d{2})${E}`, "gi"),
    make: (m) => ymd(yearAny(m[4]!), monthNum(m[3]!), Number(m[1])),
  },
  // Sep-23-2020
  {
    re: new RegExp(String.raw`\b(${MON})([-/])(\d{1,2})\2(\d{4})${E}`, "gi"),
    make: (m) => ymd(year4(m[4]!), monthNum(m[1]!), Number(m[3])),
  },
  // September-2020-23
  {
    re: new RegExp(String.raw`\b(${MON})-(\d{4})-(\d{1,2})${E}`, "gi"),
    make: (m) => ymd(year4(m[2]!), monthNum(m[1]!), Number(m[3])),
  },
  // 23-2020-September
  {
    re: new RegExp(String.raw`${B}(\d{1,2})-(\d{4})-(${MON})\b`, "gi"),
    make: (m) => ymd(year4(m[2]!), monthNum(m[3]!), Number(m[1])),
  },
  // Dec-2018, Dec/2018
  {
    re: new RegExp(String.raw`\b(${MON})[-/](\d{4})${E}`, "gi"),
    make: (m) => (monthNum(m[1]!) && okYear(year4(m[2]!)) ? { y: year4(m[2]!), m: monthNum(m[1]!) } : null),
  },
  // 2016-11, 2016 - 11, 2016/11, 2015.3
  {
    re: new RegExp(
      String.raw`${B}((?:1[89]|20)\d{2})(?:( ?[-/] ?)|\.)(\d{1,2})${E}(?!\s*(?:%|per\s?cent|percent))`,
      "g",
    ),
    make: (m) => {
      const mo = Number(m[3]);
      return mo >= 1 && mo <= 12 ? { y: year4(m[1]!), m: mo } : null;
    },
  },
  // 11-2016, 11 / 2016, 3/2015
  {
    re: new RegExp(String.raw`${B}(\d{1,2}) ?[-/] ?((?:1[89]|20)\d{2})${E}`, "g"),
    make: (m) => {
      const mo = Number(m[1]);
      return mo >= 1 && mo <= 12 ? { y: year4(m[2]!), m: mo } : null;
    },
  },
];

/** A month and day without a year, "3/14", "12/25" (never inside "9/11"-like names, see not-numbers.json). */
const MONTH_DAY = new RegExp(
  String.raw`${B}(\d{1,2}) ?/ ?(\d{1,2})${E}(?!\s*(?:%|per\s?cent|percent|of\b|th\b|ths\b))`,
  "g",
);
/** words right before a month and day that make it a date: "on 3/14", "by 12/15", "Friday 3/14" */
const MONTH_DAY_CONTEXT = new RegExp(
  `(?:^|[^\\w])(?:${[...DATE_WORDS.numericDateContext, ...Object.keys(DATE_WORDS.weekdays)].join("|")}),?\\s*$`,
  "i",
);
const NAME_DATES = new RegExp(NOT_NUMBERS.patterns.find((p) => p.rule === "name")!.source);
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/**
 * Is "a/b" (no year) a month and day? After a date word ("on 3/14", "by 12/15", "Friday 2/15") always; else
 * when it cannot be a written fraction: fractions are written in lowest terms or over tens ("3/15" is
 * three fifteenths = 0.2 only as a fraction over a ratio, "2/10", "20/100"), and their denominators are
 * small or powers of two, so an irreducible a/b with a month first and a day of 13..31 second ("3/14",
 * "12/25", "2/15") is a date.
 */
function monthDayMeant(slice: string, m: RegExpExecArray): boolean {
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a < 1 || a > 12 || b < 1 || b > 31) return false;
  if (NAME_DATES.test(m[0].replace(/\s/g, ""))) return false;
  if (MONTH_DAY_CONTEXT.test(slice.slice(Math.max(0, m.index - 30), m.index))) return true;
  return b >= 13 && gcd(a, b) === 1 && ![16, 32].includes(b);
}

/** The numeric dates in text[range], longest first at each start, none inside another. */
export function numericHits(text: string, { start, end }: Range): NumericHit[] {
  const slice = text.slice(start, end);
  const hits: NumericHit[] = [];
  for (const rule of NUMERIC_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      const cal = rule.make(m);
      if (cal) hits.push({ start: start + m.index, end: start + m.index + m[0].length, cal });
    }
  }
  MONTH_DAY.lastIndex = 0;
  for (let m = MONTH_DAY.exec(slice); m; m = MONTH_DAY.exec(slice)) {
    if (!monthDayMeant(slice, m)) continue;
    const cal = { y: 2000, m: Number(m[1]), d: Number(m[2]) };
    if (ymd(2000, cal.m, cal.d))
      hits.push({ start: start + m.index, end: start + m.index + m[0].length, cal, yearless: true });
  }
  // longest first at each start; drop hits inside longer ones
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NumericHit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}
