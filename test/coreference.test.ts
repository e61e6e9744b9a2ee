import { describe, expect, it } from "vitest";
import { extract } from "../src/index.js";
import { splitAge } from "../src/stages/coreference/entities.js";
import { statementsOf } from "./extract-helper.js";

describe("coreference", () => {
  const text =
    "Harbour Minister Elin Dahl said on Monday that the port would reopen. “We have the staff we need,” Dahl said.\n\n" +
    "She added that repairs would cost more than planned.\n\n" +
    "Jonas Weber, a spokesman for the shipping lines, said the delay had hurt trade. He said prices would rise.";
  const rec = statementsOf(text);
  const byCue = (cue: string, n = 0) => rec.statements.filter((s) => s.cue?.text === cue)[n];

  it("names cluster by surname, with the fullest name and the title role", () => {
    const first = rec.statements[0]!;
    expect(first.speaker?.name).toBe("Elin Dahl");
    expect(first.speaker?.role).toBe("Harbour Minister");
    expect(rec.statements[1]?.speaker?.entity).toBe(first.speaker?.entity);
  });

  it("“She added” goes to the previous speaker", () => {
    expect(byCue("added")?.speaker?.entity).toBe(rec.statements[0]?.speaker?.entity);
  });

  it("an appositive gives the role; “He” resolves to the last person", () => {
    const weber = rec.statements.find((s) => s.source?.text.startsWith("Jonas Weber"));
    expect(weber?.speaker?.name).toBe("Jonas Weber");
    expect(weber?.speaker?.role).toBe("a spokesman for the shipping lines");
    const he = rec.statements.find((s) => s.source?.text === "He");
    expect(he?.speaker?.entity).toBe(weber?.speaker?.entity);
  });

  it("nominal sources keep their words and get no name", () => {
    const [s] = statementsOf("Senior officials said the plan was sound.").statements;
    expect(s?.speaker?.name).toBeNull();
    expect(s?.speaker?.role).toBe("Senior officials");
  });

  const speakerOf = (text: string, cue: string) =>
    statementsOf(text).statements.find((s) => s.cue?.text === cue)?.speaker ?? null;

  it.each([
    [
      "a quoted book title is no person and no antecedent",
      "Warden Ines Holm, a retired nurse and the author of “Night Shifts: Notes From the Ward,” opened the debate. She said the ward needed four more beds.",
      "said",
      { name: "Ines Holm" },
    ],
    [
      "title words before the name, relative clause after",
      "Alderman Tomas Rieck, whose ward borders the canal, said the lock gates were failing.",
      "said",
      { name: "Tomas Rieck", role: "Alderman" },
    ],
    [
      "an appositive name after the head",
      "Her deputy director, Lotte Brandt, said the grant had been spent.",
      "said",
      { name: "Lotte Brandt", role: "Her deputy director" },
    ],
    [
      "a name inside a prepositional phrase is not the speaker",
      "A spokesman for Gov. Henrik Vale said the office had no comment.",
      "said",
      { name: null, role: "A spokesman for Gov. Henrik Vale" },
    ],
    [
      "an honorific alone is no role",
      "Dr. Mira Kessel, the hospital's head of surgery, said the wing would reopen.",
      "said",
      { name: "Mira Kessel", role: "the hospital's head of surgery" },
    ],
    [
      "a street name is no person",
      "Jana Roos grew up on Mill Street. She said the flood reached her porch.",
      "said",
      { name: "Jana Roos" },
    ],
    [
      "a pronoun after a one-person nominal source",
      "Oskar Lind praised the deal. The ministry's chief economist described the figures as weak. She said growth would slow.",
      "said",
      { name: null, role: "The ministry's chief economist" },
    ],
  ])("%s", (_name, text, cue, expected) => {
    expect(speakerOf(text, cue)).toMatchObject(expected);
  });

  it("name particles: “Pieter van Dam”, “Van Dam said”, “said van Dam” are one speaker", () => {
    const rec = statementsOf(
      "“The harbour is full,” said Pieter van Dam, the pilots' spokesman.\n\nVan Dam said the ships would wait.\n\n“We cannot move them,” said Van Dam.",
    );
    expect(rec.statements.map((s) => s.source?.text)).toEqual(["Pieter van Dam, the pilots' spokesman", "Van Dam", "Van Dam"]);
    expect(new Set(rec.statements.map((s) => s.speaker?.name))).toEqual(new Set(["Pieter van Dam"]));
    expect(new Set(rec.statements.map((s) => s.speaker?.entity)).size).toBe(1);
  });
});

describe("coreference: titles, headlines and names inside a source", () => {
  const speakerOf = (text: string, cue: string) =>
    statementsOf(text).statements.find((s) => s.cue?.text === cue)?.speaker ?? null;

  it("“the mayor” is the last person whose role holds the title", () => {
    const text =
      "Mayor Ines Varga opened the new ferry terminal on Monday. Council member Piet Sol said the cost was too high.\n\n" +
      "The mayor insisted the terminal would pay for itself within a decade.";
    const s = speakerOf(text, "insisted");
    expect(s?.name).toBe("Ines Varga");
    expect(s?.role).toBe("Mayor");
  });

  it("a title no one holds stays a nominal speaker with no name", () => {
    const s = speakerOf("Mayor Ines Varga opened the terminal. The senator insisted it would never pay.", "insisted");
    expect(s?.name).toBeNull();
    expect(s?.role).toBe("The senator");
  });

  it("a lone surname in a headline joins the full name that comes later", () => {
    const text =
      "Kowalczyk warns of a long winter\nEnergy Minister Anna Kowalczyk said on Tuesday that gas stocks were low.";
    const st = statementsOf(text).statements;
    expect(new Set(st.map((s) => s.speaker?.name))).toEqual(new Set(["Anna Kowalczyk"]));
  });

  it("“He” after a speaker whose source names a place goes to the speaker, not the place", () => {
    const text =
      "Council member Rafael Ortega, whose district includes Harbour Station, said the cut was unfair. " +
      "He argued the plan balanced the books “on the backs of the poorest families.”";
    expect(speakerOf(text, "argued")?.name).toBe("Rafael Ortega");
  });
});

describe("coreference: first person inside someone's words", () => {
  it("“I told them” inside a transcript line is the line's speaker", () => {
    const text = "Mara Quist: Of course it was hard. I told them on my first day, ‘I cannot promise you more money.’";
    const told = statementsOf(text).statements.find((s) => s.cue?.text === "told");
    expect(told?.speaker?.name).toBe("Mara Quist");
  });

  it("a first person with no one around stays unnamed", () => {
    const st = statementsOf("I told them, “We cannot promise more money.”").statements;
    expect(st[0]?.speaker?.name ?? null).toBeNull();
  });
});

describe("coreference: people who share a surname", () => {
  const text =
    "Hillary Rodham said the plan was good. Hillary Rodham repeated it on Monday. " +
    "Bill Rodham said it was bad. Rodham added that she would win.";
  const rec = statementsOf(text);
  const byCue = (cue: string) => rec.statements.filter((s) => s.cue?.text === cue);

  it("two first names are two people", () => {
    const [hillary, bill] = byCue("said");
    expect(hillary?.speaker?.name).toBe("Hillary Rodham");
    expect(bill?.speaker?.name).toBe("Bill Rodham");
    expect(bill?.speaker?.entity).not.toBe(hillary?.speaker?.entity);
  });

  it("a bare surname goes to the one named most often, with a message", () => {
    expect(byCue("added")[0]?.speaker?.name).toBe("Hillary Rodham");
    expect(rec.messages.some((m) => m.rule === "ambiguous-surname")).toBe(true);
  });
});

describe("roles without ages", () => {
  it.each([
    ["Anna Kowalska, 45, a spokeswoman for the company, said the plant would reopen.", "a spokeswoman for the company", 45],
    ['"We will stay," said Anna Kowalska, 45, a spokeswoman for the company.', "a spokeswoman for the company", 45],
    ["Anna Kowalska, a spokeswoman for the company, said the plant would reopen.", "a spokeswoman for the company", undefined],
  ])("%s", (text, role, age) => {
    const s = extract(text, { id: "t" }).statements[0]!;
    expect(s.speaker?.name).toBe("Anna Kowalska");
    expect(s.speaker?.role).toBe(role);
    expect(s.speaker?.age).toBe(age);
  });

  it.each([
    ["45, a spokeswoman", { role: "a spokeswoman", age: 45 }],
    ["45", { role: null, age: 45 }],
    ["a spokeswoman", { role: "a spokeswoman" }],
    ["2024, the year of", { role: "2024, the year of" }],
  ] as const)("splitAge(%j)", (role, expected) => {
    expect(splitAge(role)).toEqual(expected);
  });
});
