import { describe, expect, it } from "vitest";
import { annotate } from "./helpers.js";

function cues(text: string): Array<[string, string]> {
  const doc = annotate(text, "cues");
  return doc.get("cues").map((c) => [c.text, c.type]);
}

describe("cues", () => {
  it.each([
    ["said", "The minister said the talks would resume.", [["said", "speech"]]],
    ["according to", "According to the ministry, prices fell.", [["According to", "according-to"]]],
    ["belief", "Voters believe the plan will fail.", [["believe", "belief"]]],
    ["report", "The survey found that rents rose.", [["found", "report"]]],
    ["agentless", "A proposal was made to delay the vote.", [["A proposal was made", "speech"]]],
    // the learned tagger (models/cue-model.json): spans with auxiliaries, cues beyond the lexicon
    ["auxiliary in the span", "The governor has repeatedly said that taxes will not rise.", [["has repeatedly said", "speech"]]],
    ["quote then cue", "\u201CWe are ready,\u201D Jones said.", [["said", "speech"]]],
    ["colon", "Smith: The vote is next week.", [[":", "speech"]]],
  ])("%s", (_name, text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it("beyond the lexicon: the tagger finds a verb the lexicon lacks (its span may take the particle)", () => {
    const found = cues("The chairman referred to the plan as a mistake.");
    expect(found).toHaveLength(1);
    expect(found[0]![0]).toMatch(/^referred( to)?$/);
  });

  it.each([
    ["so-called", "The so-called reform plan stalled."],
    ["said no to", "The board said no to the merger."],
    ["needless to say", "Needless to say, the bus was late."],
    ["called a number", "The mayor called the office on Monday."],
    ["a participle inside a noun phrase", "Several trucking firms raised prices."],
    ["naming a person", "Her first boss was a carpenter in Bergen called Mr. Aas."],
  ])("no cue: %s", (_name, text) => {
    expect(cues(text)).toEqual([]);
  });
});
