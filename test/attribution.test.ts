import { describe, expect, it } from "vitest";
import { rows, statementsOf } from "./extract-helper.js";

describe("attribution: direct quotes", () => {
  it.each([
    ["cue after, pronoun", '"The new line will open next spring," she said.', { source: "she", cue: "said", content: '"The new line will open next spring,"' }],
    ["cue after, inverted name", "“We expect the vote to pass easily,” said Tomas Berg.", { source: "Tomas Berg", cue: "said", content: "“We expect the vote to pass easily,”" }],
    ["inverted with appositive", "“Costs keep going up,” said Ana Ruiz, a baker in the old town.", { source: "Ana Ruiz, a baker in the old town", cue: "said", content: "“Costs keep going up,”" }],
    ["cue before with colon", "The chairman told reporters: “Nothing has been decided yet.”", { source: "The chairman", cue: "told", content: "“Nothing has been decided yet.”" }],
    ["cue before with comma", "He added, “We are not leaving the table.”", { source: "He", cue: "added", content: "“We are not leaving the table.”" }],
    ["two apostrophes", "''Our members are tired of waiting,'' the organiser said.", { source: "the organiser", cue: "said", content: "''Our members are tired of waiting,''" }],
    ["single quotes", "'We will rebuild the school,' the governor said.", { source: "the governor", cue: "said", content: "'We will rebuild the school,'" }],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)[0]).toMatchObject(expected);
  });

  it("a quote after the cue's sentence in the same paragraph joins the statement", () => {
    const text = "“The ferry is late again,” Mara Olsen said on Friday. “Nobody tells us why it happens.”";
    const parts = statementsOf(text).statements;
    expect(parts.map((s) => s.source?.text)).toEqual(["Mara Olsen", "Mara Olsen"]);
    expect(parts.map((s) => s.content.text)).toEqual(["“The ferry is late again,”", "“Nobody tells us why it happens.”"]);
    expect(parts.map((s) => s.fragment?.index)).toEqual([0, 1]);
    expect(parts[1]?.fragment?.group).toBe(parts[0]?.id);
  });

  it("a quote split around its cue is one statement", () => {
    const parts = statementsOf("“We tried,” he said, “but the money ran out before the summer.”").statements;
    expect(parts).toHaveLength(2);
    expect(parts.map((s) => s.cue?.text)).toEqual(["said", "said"]);
    expect(parts.every((s) => s.fragment?.count === 2 && s.fragment.group === parts[0]?.id)).toBe(true);
  });

  it("a clause running into the quote is mixed content", () => {
    const [s] = statementsOf("The plan was never meant for “people like us,” said Jon Pike.").statements;
    expect(s?.kind).toBe("mixed");
    expect(s?.content.text).toBe("The plan was never meant for “people like us,”");
  });

  it("an em dash attribution", () => {
    expect(rows("“Art is a conversation with strangers.” — Lena Varga")[0]).toMatchObject({ source: "Lena Varga", content: "“Art is a conversation with strangers.”" });
  });
});

describe("attribution: indirect speech", () => {
  it.each([
    ["that-clause", "The mayor said that the bridge would close in June.", { source: "The mayor", cue: "said", content: "that the bridge would close in June" }],
    ["bare clause", "Pia Lund said the results were disappointing.", { source: "Pia Lund", cue: "said", content: "the results were disappointing" }],
    ["adjunct before clause", "Pia Lund said on Tuesday she would run again.", { source: "Pia Lund", cue: "said", content: "she would run again" }],
    ["content before cue", "The strike will end soon, the union said.", { source: "the union", cue: "said", content: "The strike will end soon" }],
    ["according to", "According to the ministry, exports fell by a fifth.", { source: "the ministry", cue: "According to", content: "exports fell by a fifth" }],
    ["subject with appositive", "Rita Holm, a lawyer for the tenants, said the eviction was unlawful.", { source: "Rita Holm, a lawyer for the tenants", content: "the eviction was unlawful" }],
    ["participle shares the subject", "The governor closed the office on Monday, saying that the budget had run out.", { source: "The governor", cue: "saying", content: "that the budget had run out" }],
    ["nominal source", "Local officials said the road would reopen.", { source: "Local officials", content: "the road would reopen" }],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)[0]).toMatchObject(expected);
  });

  it("agentless passive: no source, no speaker, a message", () => {
    const rec = statementsOf("A request was made to postpone the hearing until autumn.");
    expect(rec.statements[0]?.source).toBeNull();
    expect(rec.statements[0]?.speaker).toBeNull();
    expect(rec.messages.some((m) => m.rule === "agentless")).toBe(true);
  });

  it("cue types", () => {
    const types = statementsOf("Most voters believe the tax is unfair. According to the poll, support fell. The study found that bees recover.").statements.map((s) => s.cue_type);
    expect(types).toEqual(["belief", "according-to", "report"]);
  });
});

describe("attribution: false positives", () => {
  it.each([
    ["so-called", "The so-called miracle cure was withdrawn from shops."],
    ["book title", "She spent the winter reading “The Long Road Home” by the fire."],
    ["scare quotes", "The “reform” left most families worse off than before."],
    ["said no to", "The committee said no to the proposal last week."],
    ["no attribution", "The river rose two metres overnight and flooded the square."],
  ])("%s", (_name, text) => {
    expect(rows(text)).toEqual([]);
  });
});
