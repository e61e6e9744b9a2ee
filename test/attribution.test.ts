import { describe, expect, it } from "vitest";
import { rows, statementsOf } from "./extract-helper.js";

describe("attribution: direct quotes", () => {
  it.each([
    [
      "cue after, pronoun",
      '"The new line will open next spring," she said.',
      { source: "she", cue: "said", content: '"The new line will open next spring,"' },
    ],
    [
      "cue after, inverted name",
      "“We expect the vote to pass easily,” said Tomas Berg.",
      { source: "Tomas Berg", cue: "said", content: "“We expect the vote to pass easily,”" },
    ],
    [
      "inverted with appositive",
      "“Costs keep going up,” said Ana Ruiz, a baker in the old town.",
      { source: "Ana Ruiz, a baker in the old town", cue: "said", content: "“Costs keep going up,”" },
    ],
    [
      "cue before with colon",
      "The chairman told reporters: “Nothing has been decided yet.”",
      { source: "The chairman", cue: "told", content: "“Nothing has been decided yet.”" },
    ],
    [
      "cue before with comma",
      "He added, “We are not leaving the table.”",
      { source: "He", cue: "added", content: "“We are not leaving the table.”" },
    ],
    [
      "said that before the quote",
      "The mayor said that “nothing will change before spring.”",
      { source: "The mayor", cue: "said", content: "that “nothing will change before spring.”", kind: "direct" },
    ],
    [
      "two apostrophes",
      "''Our members are tired of waiting,'' the organiser said.",
      { source: "the organiser", cue: "said", content: "''Our members are tired of waiting,''" },
    ],
    [
      "single quotes",
      "'We will rebuild the school,' the governor said.",
      { source: "the governor", cue: "said", content: "'We will rebuild the school,'" },
    ],
    [
      "according to before a quote",
      "According to the council, “The square will stay closed until the spring.”",
      {
        source: "the council",
        cue: "According to",
        content: "“The square will stay closed until the spring.”",
      },
    ],
    [
      "according to after a quote",
      "“The square will stay closed until the spring,” according to the council.",
      { source: "the council", cue: "according to" },
    ],
    [
      "inverted subject with a long appositive",
      "“We need more buses,” Karin Dahl, the head of the commuters’ association in the northern district, told the council.",
      { source: "Karin Dahl, the head of the commuters’ association in the northern district", cue: "told" },
    ],
    [
      "sentence goes on after the quote",
      "Nora Vik said “it makes me angry” every time the trains are cancelled.",
      {
        source: "Nora Vik",
        kind: "mixed",
        content: "“it makes me angry” every time the trains are cancelled",
      },
    ],
    [
      "clause between cue and quote",
      "Ivo Petrov says whatever the board decides next week, “the workers will not give up.”",
      {
        source: "Ivo Petrov",
        kind: "mixed",
        content: "whatever the board decides next week, “the workers will not give up.”",
      },
    ],
    [
      "an abbreviation in a parenthesis does not end the clause",
      "“The bridge has to be rebuilt,” Rep. Lena Ortiz (D-Wis.) said Friday.",
      { source: "Rep. Lena Ortiz (D-Wis.)", cue: "said", content: "“The bridge has to be rebuilt,”" },
    ],
    [
      "a curly opener closed by a straight mark",
      "“The rules are clear,\" Chairman Ivo Marek (R-Utah) said in a statement.",
      { source: "Chairman Ivo Marek (R-Utah)", content: "“The rules are clear,\"" },
    ],
    [
      "a first name the tagger reads as a verb",
      "“Now is the time,” said Don Halvorsen, who chaired the board from 1995 to 1997.",
      { source: "Don Halvorsen, who chaired the board from 1995 to 1997", cue: "said" },
    ],
    [
      "a hyphenated surname after the cue",
      "''That is no reform,'' said Mr. Holt-Eriksen.",
      { source: "Mr. Holt-Eriksen", cue: "said" },
    ],
    [
      "a day after the inverted source is no part of it",
      "“We will win,” said Ola Smith on Friday.",
      { source: "Ola Smith", cue: "said" },
    ],
    [
      "an “of” tail of the inverted source is part of it",
      "“We will win,” said Peter Vik, of Mayfield Church.",
      { source: "Peter Vik, of Mayfield Church", cue: "said" },
    ],
    [
      "an outlet name after the inverted source",
      "“The impact is small,” wrote Carla Easton for Morning Consult.",
      { source: "Carla Easton for Morning Consult", cue: "wrote" },
    ],
    [
      "an appositive with a participle between quote and cue",
      "“It is an overreach,” Sam Pruett, the attorney general of the state, one of the states suing the agency, said on Monday.",
      { source: "Sam Pruett, the attorney general of the state, one of the states suing the agency", cue: "said" },
    ],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)[0]).toMatchObject(expected);
  });

  it("speaker names survive a first name tagged as a verb and an outlet after the name", () => {
    const names = (text: string) => statementsOf(text).statements.map((s) => s.speaker?.name ?? null);
    expect(names("“Now is the time,” said Don Halvorsen, who chaired the board.")).toEqual(["Don Halvorsen"]);
    expect(names("“The impact is small,” wrote Carla Easton for Morning Consult.")).toEqual(["Carla Easton"]);
    expect(names("Said Ellis: “I do not get it.”")).toEqual(["Ellis"]);
  });

  it("a participle after the cue shares the speaker, not a subject inside the quote", () => {
    const text = "“We do not see any link to the storm,” the mayor said, adding that repairs would take “more weeks.”";
    const parts = statementsOf(text).statements;
    expect(parts.map((s) => [s.cue?.text, s.source?.text])).toEqual([
      ["said", "the mayor"],
      ["adding", "the mayor"],
    ]);
  });

  it("a quote after the cue's sentence in the same paragraph joins the statement", () => {
    const text = "“The ferry is late again,” Mara Olsen said on Friday. “Nobody tells us why it happens.”";
    const parts = statementsOf(text).statements;
    expect(parts.map((s) => s.source?.text)).toEqual(["Mara Olsen", "Mara Olsen"]);
    expect(parts.map((s) => s.content.text)).toEqual([
      "“The ferry is late again,”",
      "“Nobody tells us why it happens.”",
    ]);
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

  it("a quote closing its sentence does not take the next sentence's cue", () => {
    const parts = rows(
      "Lund says “the harbour is full” because “the boats have nowhere to go.” He says the port needs money.",
    );
    expect(parts.map((r) => r.source)).toEqual(["Lund", "Lund", "He"]);
    expect(parts[2]).toMatchObject({ cue: "says", content: "the port needs money" });
  });

  it("a quote paragraph carries on the statement before it, or its colon introducer", () => {
    expect(
      rows(
        "Jon Berg said that the school would close.\n\n“There is simply no money left for the building this year.”",
      )[1],
    ).toMatchObject({ source: "Jon Berg", cue: null });
    expect(
      rows(
        "Elsa Moreno then turned to the crowd:\n\n“Open the library on Sundays and hire two more teachers.”",
      )[0],
    ).toMatchObject({ source: "Elsa Moreno", cue: null });
    // a statement two paragraphs back gives no source
    const far = rows(
      "Ola Sund said the tram was late.\n\nThe weather turned cold in the evening.\n\n“Everyone went home early that night after the concert.”",
    );
    expect(far[1]).toMatchObject({ source: null, cue: null });
  });

  it("a coordinated verb after a quote is not its cue", () => {
    const parts = rows("Mira Falk praised the “bold new plan” and said it would pass.");
    expect(parts.find((r) => r.cue === "said")).toMatchObject({
      source: "Mira Falk",
      content: "it would pass",
    });
  });

  it("an em dash attribution", () => {
    expect(rows("“Art is a conversation with strangers.” — Lena Varga")[0]).toMatchObject({
      source: "Lena Varga",
      content: "“Art is a conversation with strangers.”",
    });
  });
});

describe("attribution: indirect speech", () => {
  it.each([
    [
      "that-clause",
      "The mayor said that the bridge would close in June.",
      { source: "The mayor", cue: "said", content: "that the bridge would close in June" },
    ],
    [
      "bare clause",
      "Pia Lund said the results were disappointing.",
      { source: "Pia Lund", cue: "said", content: "the results were disappointing" },
    ],
    [
      "adjunct before clause",
      "Pia Lund said on Tuesday she would run again.",
      { source: "Pia Lund", cue: "said", content: "she would run again" },
    ],
    [
      "content before cue",
      "The strike will end soon, the union said.",
      { source: "the union", cue: "said", content: "The strike will end soon" },
    ],
    [
      "according to",
      "According to the ministry, exports fell by a fifth.",
      { source: "the ministry", cue: "According to", content: "exports fell by a fifth" },
    ],
    [
      "subject with appositive",
      "Rita Holm, a lawyer for the tenants, said the eviction was unlawful.",
      { source: "Rita Holm, a lawyer for the tenants", content: "the eviction was unlawful" },
    ],
    [
      "participle shares the subject",
      "The governor closed the office on Monday, saying that the budget had run out.",
      { source: "The governor", cue: "saying", content: "that the budget had run out" },
    ],
    [
      "nominal source",
      "Local officials said the road would reopen.",
      { source: "Local officials", content: "the road would reopen" },
    ],
    [
      "parenthesis after the name",
      "Sen. Mia Holt (D-Ore.) said that the bill was dead.",
      { source: "Sen. Mia Holt (D-Ore.)", content: "that the bill was dead" },
    ],
    [
      "prepositional aside",
      "Holt, in Portland, said the bill was dead.",
      { source: "Holt", content: "the bill was dead" },
    ],
    [
      "dash appositive",
      "Lars Eng — a farmer from the valley — says the rain came too late.",
      { source: "Lars Eng — a farmer from the valley" },
    ],
    [
      "a dateline is not part of the source",
      "DENVER, Oct. 15, 2025 — Brightwell Health, a clinic operator, announced that it would open a clinic.",
      { source: "Brightwell Health, a clinic operator" },
    ],
    ["hyphenated number", "Twenty-four percent said they would vote.", { source: "Twenty-four percent" }],
    [
      "hyphenated appositive",
      "Ryan Moss, a policy-focused economist, insists the plan must change.",
      { source: "Ryan Moss, a policy-focused economist" },
    ],
    [
      "according to with a qualified source",
      "Turnout rose sharply in the north, according to early results of a survey conducted by the university.",
      {
        source: "early results of a survey conducted by the university",
        content: "Turnout rose sharply in the north",
      },
    ],
    [
      "content stops before ', which'",
      "The minister said the tax would rise, which angered farmers.",
      { source: "The minister", content: "the tax would rise" },
    ],
    [
      "a who-clause between the subject and its verb belongs to the source",
      "Two farmers who attended the hearing on Monday said the new dam would dry out their fields.",
      { source: "Two farmers who attended the hearing on Monday", content: "the new dam would dry out their fields" },
    ],
    [
      "a participle before a noun is part of the source",
      "Several trucking firms said they would raise prices.",
      { source: "Several trucking firms", cue: "said" },
    ],
    [
      "urge: the one urged belongs to the content",
      "The league urged both clubs to settle the dispute quickly.",
      { source: "The league", cue: "urged", content: "both clubs to settle the dispute quickly" },
    ],
    [
      "tell: the listener is not content",
      "The coach told reporters that the striker would miss the final.",
      { source: "The coach", cue: "told", content: "that the striker would miss the final" },
    ],
    [
      "content stops at a semicolon",
      "The mayor said the bridge was safe; the engineers disagreed.",
      { content: "the bridge was safe" },
    ],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)[0]).toMatchObject(expected);
  });

  it("a participle cue after a comma starts its own statement", () => {
    expect(rows("Pia Lund insisted that the plan was sound, claiming that costs had fallen.")).toMatchObject([
      { source: "Pia Lund", cue: "insisted", content: "that the plan was sound" },
      { source: "Pia Lund", cue: "claiming", content: "that costs had fallen" },
    ]);
  });

  it("cues beyond the lexicon: no object of a relative clause, no quantity source, no clause going on", () => {
    expect(rows("Ada Brink, the author of a book on buses, spent much of her speaking time on the new routes.")).toEqual([]);
    expect(rows("Lukas Berg, who presented the audit at the hearing, said the books were in order.")).toEqual([
      { source: "Lukas Berg, who presented the audit at the hearing", cue: "said", content: "the books were in order", kind: "indirect" },
    ]);
    expect(rows("“We will not sign,” the union leader said, though she stopped short of ruling out a deal.")).toEqual([
      { source: "the union leader", cue: "said", content: "“We will not sign,”", kind: "direct" },
    ]);
  });

  it("agentless passive: no source, no speaker, a message", () => {
    const rec = statementsOf("A request was made to postpone the hearing until autumn.");
    expect(rec.statements[0]?.source).toBeNull();
    expect(rec.statements[0]?.speaker).toBeNull();
    expect(rec.messages.some((m) => m.rule === "agentless")).toBe(true);
  });

  it("cue types", () => {
    const types = statementsOf(
      "Most voters believe the tax is unfair. According to the poll, support fell. The study found that bees recover.",
    ).statements.map((s) => s.cue_type);
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
    ["a participle before a noun", "The shipping lanes reopened after the storm passed."],
    ["naming, not a report", "Her first boss was a carpenter in Bergen called Mr. Aas."],
    ["naming a title", "The choir sang a new piece by a local composer, called “Winter Harbour.”"],
    ["a reduced passive relative", "The fund fell to about half the level recommended by the treasurer."],
  ])("%s", (_name, text) => {
    expect(rows(text)).toEqual([]);
  });
});

describe("transcript lines", () => {
  it("a paragraph opened by a name and a colon is that speaker's direct statement", () => {
    const text = "The conductor spoke after the rehearsal.\nAdaeze Nwosu: We rehearse six days a week now.\nQ: Is that too much?\nNote: the interview was edited for length.";
    const st = statementsOf(text).statements;
    expect(st.map((s) => [s.source?.text, s.cue?.text, s.content.text, s.kind])).toEqual([
      ["Adaeze Nwosu", ":", "We rehearse six days a week now.", "direct"],
    ]);
    expect(st[0]?.speaker?.name).toBe("Adaeze Nwosu");
  });
});

describe("attribution: quotes governed by a verb with no reporting cue", () => {
  it.each([
    [
      "naming with a quote",
      "Senator Ruth Alvarez called the proposal “a gift to landlords.”",
      { source: "Senator Ruth Alvarez", cue: "called", content: "the proposal “a gift to landlords.”" },
    ],
    [
      "a progressive the tagger reads as an adjective",
      "Alvarez is promising lower rents and “homes, homes, homes,” but the council is wary.",
      { source: "Alvarez", cue: "is promising", content: "lower rents and “homes, homes, homes,”" },
    ],
    [
      "quotes listed after the first belong to the same content",
      'Lind called the plan a "costly mistake," an "insult" and "unworkable." Then she left.',
      { source: "Lind", cue: "called", content: 'the plan a "costly mistake," an "insult" and "unworkable."' },
    ],
    [
      "a past form the tagger reads as an adjective",
      "Norway branded the plan an “outlaw scheme in the north.”",
      { source: "Norway", cue: "branded" },
    ],
    [
      "an infinitive passes the quote to the verb above it",
      "The union is stressing the need to protect workers from “constant pressure” on the floor.",
      { source: "The union", cue: "is stressing" },
    ],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)[0]).toMatchObject(expected);
  });

  it.each([
    ["a quote in the subject", "The “reform” left most families worse off than before."],
    ["a quoted title after a verb", "She spent the winter reading “The Long Road Home” by the fire."],
    ["a subject that cannot speak", "The storm brought what forecasters feared, a “once in a century” flood."],
  ])("no statement: %s", (_name, text) => {
    expect(rows(text).filter((r) => r.cue !== null && r.content.includes("“"))).toEqual([]);
  });
});

describe("attribution: where indirect content ends", () => {
  it("a second clause with its own subject and cue is a statement of its own", () => {
    const text = "The former minister said it was “a mistake” to close the mine, but she denied that she misled the council.";
    expect(rows(text).map((r) => [r.source, r.cue, r.content])).toEqual([
      ["The former minister", "said", "it was “a mistake” to close the mine"],
      ["she", "denied", "that she misled the council"],
    ]);
  });

  it("content ends before “, but …”", () => {
    expect(rows("The minister said the port would reopen in May, but repairs could take longer.")[0]?.content).toBe(
      "the port would reopen in May",
    );
  });

  it("content ends before a spaced dash and a word after which content usually stops", () => {
    expect(rows("She said the fund was growing -- a sign of confidence in the port.")[0]?.content).toBe("the fund was growing");
    expect(rows("She said the fund was growing -- including its reserves.")[0]?.content).toBe(
      "the fund was growing -- including its reserves",
    );
  });

  it("names joined by a bare “and” stay one subject inside the content", () => {
    const text = "He stated that Norway and Iceland had agreed on a new fishing quota.";
    expect(rows(text)[0]?.content).toBe("that Norway and Iceland had agreed on a new fishing quota");
  });

  it("a place name with two words is no person for “he”", () => {
    const text = "Foreign Secretary Ian Marsh said the United States would help, and he urged North Korea to return to talks.";
    const st = statementsOf(text).statements;
    expect(st.map((s) => s.speaker?.name)).toEqual(["Ian Marsh", "Ian Marsh"]);
  });
});

describe("attribution: subjects the tagger mislabels", () => {
  it.each([
    ["a surname that is also a verb", "Mara Lynch said the ferry would run again.", "Mara Lynch"],
    ["a noun read as an adjective", "The state attorney general is confirming that the charity is not registered.", "The state attorney general"],
    ["a possessive noun read as an adjective", "However, the company's brief said that was not its view.", "the company's brief"],
    ["“according to” with a tagger slip in the source", "According to police, officers saw the driver leave the car.", "police"],
    ["“according to” with a name set off by commas", "According to a report by the city auditor, Dr. Helen Osei, tax receipts fell.", "a report by the city auditor, Dr. Helen Osei"],
    ["the possessor of a nominal cue", "The mayor rejected the union’s claim that the plan was illegal.", "The mayor"],
    ["a compound whose first noun reads as a verb", "According to exit polls, the mayor had a ten-point lead.", "exit polls"],
    ["a quantifier as subject", "To varying degrees, all agreed that the plan would raise rents.", "all"],
    ["names followed by a quantifier", "Democrats all said the bill was rushed.", "Democrats all"],
    ["an -ing aside before the verb is left out", "Ines Varga, speaking after the vote, said the port would reopen.", "Ines Varga"],
    ["a subject with “in” or “by” inside it", "A 2014 study by the institute found that rents rose.", "A 2014 study by the institute"],
    ["a participle inside the subject after “of”", "Only 52 percent of registered voters agreed that the plan was fair.", "Only 52 percent of registered voters"],
    ["a “that” relative clause inside the subject", "The company that hired the workers said the plan was fair.", "The company that hired the workers"],
    ["a time between subject and verb", "Harbour Bank just this month announced it would close two branches.", "Harbour Bank"],
    ["a reduced relative with a time", "A county poll released in late August found that most voters want a new bridge.", "A county poll"],
  ])("%s", (_name, text, source) => {
    expect(rows(text)[0]?.source).toBe(source);
  });

  it("a name right before a participle cue is its subject, a day is not", () => {
    const asking = rows("The ad shows footage of Ines Varga asking, “Why are we not ahead?”").find((r) => r.cue === "asking");
    expect(asking?.source).toBe("Ines Varga");
    const urging = rows("Senator Ana Lind wrote to the council on Tuesday urging them to protect fire staffing.").find((r) => r.cue === "urging");
    expect(urging?.source).toBe("Senator Ana Lind");
  });

  it("a nominal cue's source is its possessor, with the “’s”", () => {
    const claim = statementsOf("Critics dismissed Ines Varga’s claim that the port was safe.").statements.find((s) => s.cue?.text === "claim");
    expect(claim?.source?.text).toBe("Ines Varga’s");
    expect(claim?.speaker?.name).toBe("Ines Varga");
  });

  it("a cue the tagger opened on its subject starts after it", () => {
    expect(rows("To varying degrees, all agreed that the plan would raise rents.")[0]?.cue).toBe("agreed");
  });

  it("a quote after “Then he laughed.” still carries on the speaker", () => {
    const text = "“Ask me in June,” Haldor Vik said. Then he laughed. “Or ask the river itself.”";
    const st = statementsOf(text).statements;
    expect(st.map((s) => [s.source?.text, s.content.text])).toEqual([
      ["Haldor Vik", "“Ask me in June,”"],
      ["Haldor Vik", "“Or ask the river itself.”"],
    ]);
  });
});

describe("attribution: archive and transcript forms", () => {
  it("two apostrophes close a quote before an inverted source", () => {
    expect(rows("''It is more tinkering at the edges,'' said Alma Cole, an economist at the institute.")[0]).toMatchObject({
      source: "Alma Cole, an economist at the institute",
      cue: "said",
    });
  });

  it("a transcript quoted paragraph by paragraph gives each labelled line its speaker", () => {
    const text =
      'Partial transcript as follows:\n\n"HOST: Let us start with the news. Why did the council do that?\n\n"MAYOR: Well, look, this is serious business.';
    expect(rows(text).map((r) => [r.source, r.cue, r.content])).toEqual([
      ["HOST", ":", "Let us start with the news. Why did the council do that?"],
      ["MAYOR", ":", "Well, look, this is serious business."],
    ]);
  });
});

describe("attribution: a cue set off by commas inside its sentence", () => {
  it("has content on both sides, as two fragments of one statement", () => {
    const st = statementsOf("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.").statements;
    expect(st.map((s) => [s.source?.text, s.cue?.text, s.content.text, s.fragment?.index])).toEqual([
      ["Mr. Clarke", "said", "Lenox was a juggernaut", 0],
      ["Mr. Clarke", "said", "until it went bankrupt in 1999", 1],
    ]);
  });

  it("a cue closing its sentence has one fragment", () => {
    expect(rows("The plan will fail, she said.").map((r) => r.content)).toEqual(["The plan will fail"]);
  });
});

describe("attribution: objects as content", () => {
  it.each([
    ["a noun phrase after any cue", "The mayor noted the council's objections.", { cue: "noted", content: "the council's objections" }],
    ["the object of a preposition, which joins the cue", "The union complained about the new rota.", { cue: "complained about", content: "the new rota" }],
    ["a one-word name object", "The nurses' union endorses Lindqvist.", { cue: "endorses", content: "Lindqvist" }],
    ["an adjunct ending at its day", "The ministry said on Tuesday the port would reopen.", { cue: "said", content: "the port would reopen" }],
    ["a prepositional object is no adjunct", "Oslo and Reykjavik had agreed on an exchange of fishing quotas.", { cue: "had agreed on", content: "an exchange of fishing quotas" }],
    ["a question clause", "The senator questioned whether the mayor was ready for a flood.", { cue: "questioned", content: "whether the mayor was ready for a flood" }],
    ["a negated infinitive", "The minister vowed not to repeat that mistake.", { cue: "vowed", content: "not to repeat that mistake" }],
    ["an aside with “as” before “that”", "Several experts cautioned, as did the campaign itself, that the plan might change.", { cue: "cautioned", content: "that the plan might change" }],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)[0]).toMatchObject(expected);
  });
});

describe("attribution: sentence-opening cues", () => {
  it("“Asked …,” names no asker and the question runs to the comma", () => {
    const st = rows("Police were there. Asked to describe the device that caused the blast, Ola Berg said, \"Not going into that.\"");
    expect(st).toContainEqual(expect.objectContaining({ source: null, cue: "Asked", content: "to describe the device that caused the blast" }));
    expect(st).toContainEqual(expect.objectContaining({ source: "Ola Berg", cue: "said", content: '"Not going into that."' }));
  });

  it("“Said Ellis:” inverts at the sentence start", () => {
    expect(rows("Costs rose again. Said Ellis: “I do not see any reform here.”")[0]).toMatchObject({ source: "Ellis", cue: "Said" });
  });
});

describe("attribution: a quote that ends its sentence", () => {
  it("is no content of a cue in the next sentence that has a clause of its own", () => {
    const text = 'Oslo urged that Moscow "stop its dangerous games." The atomic agency said the test was a grave violation.';
    const said = statementsOf(text).statements.find((s) => s.cue?.text === "said");
    expect(said?.content.text).toBe("the test was a grave violation");
  });

  it("still takes a bare “Smith said.” after it", () => {
    expect(rows('"We will win the vote." Ola Smith said.')[0]).toMatchObject({ source: "Ola Smith", cue: "said" });
  });
});

describe("attribution: short quotes introduced by their cue", () => {
  const one = (content: string) => [{ source: "John Smith", cue: "said", content, kind: "direct" }];
  it.each([
    ["two words, straight", 'John Smith said, "Not now."', one('"Not now."')],
    ["one word, straight", 'John Smith said, "No."', one('"No."')],
    ["two words, „…“", "John Smith said, „Not now.“", one("„Not now.“")],
    ["one word, „…“", "John Smith said, „No.“", one("„No.“")],
    ["two words, ‘…’", "John Smith said, ‘Not now.’", one("‘Not now.’")],
    ["one word, ‘…’", "John Smith said, ‘No.’", one("‘No.’")],
    ["one word, curly, after a colon", "John Smith said: “Never.”", one("“Never.”")],
    ["one word after the quote", '"No," John Smith said.', one('"No,"')],
  ])("%s", (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it("a one-word answer to a question is a direct quote", () => {
    const st = rows('Asked whether he would resign, John Smith said: "No."');
    expect(st).toContainEqual({ source: "John Smith", cue: "said", content: '"No."', kind: "direct" });
  });

  it("“so-called” is no cue, with or without quote marks", () => {
    expect(rows("The city opened a so-called “hub” near the station.")).toEqual([]);
    expect(rows("A self-described “reformer” ran the office.")).toEqual([]);
  });

  // (the default pipeline keeps a quote governed by a verb as a low-confidence statement, as PolNeAR
  // annotates most of them: governed.ts; what must not happen is a direct quote of a few words)
  it.each([
    ["after a non-speech verb", "The mayor opened a “hub” for the homeless on Monday.", "“hub”"],
    ["inside indirect content", "Officials said the “hub” would open in May.", "“hub”"],
    ["after a comma, no speech cue", "The board met, “again.”", "“again.”"],
  ])("scare quotes are no direct statement: %s", (_name, text, quote) => {
    expect(rows(text).filter((r) => r.kind === "direct" || r.content === quote)).toEqual([]);
  });
});

describe("attribution: typewriter and wire-service quote marks", () => {
  it("``…'' are quote marks: two direct quotes by the same speaker", () => {
    const text = "``We will not leave,'' said Maria Lopez, the union leader. ``Not today.''";
    const st = statementsOf(text).statements;
    expect(st.map((s) => [s.kind, s.content.text, s.source?.text ?? null, s.speaker?.name ?? null])).toEqual([
      ["direct", "``We will not leave,''", "Maria Lopez, the union leader", "Maria Lopez"],
      ["direct", "``Not today.''", "Maria Lopez, the union leader", "Maria Lopez"],
    ]);
    expect(st[0]?.cue?.text).toBe("said");
  });

  it.each([
    ["``…''", "Maria Lopez said, ``We will not leave the square.''", "``We will not leave the square.''"],
    [",,…''", "Maria Lopez said: ,,We will not leave the square.''", ",,We will not leave the square.''"],
    ["``…'' short", "Maria Lopez said, ``Never.''", "``Never.''"],
    ["''…'' short", "Maria Lopez said, ''Never.''", "''Never.''"],
  ])("%s introduced by its cue", (_name, text, content) => {
    expect(rows(text)).toEqual([{ source: "Maria Lopez", cue: "said", content, kind: "direct" }]);
  });
});
