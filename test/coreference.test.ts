import { describe, expect, it } from "vitest";
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
});
