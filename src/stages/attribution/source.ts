/** The source mention of a cue: the subject to its left, or the noun phrase after it in an inversion. */
import type { Cue, Token } from "../../doc.js";
import { accordingSource, npRight } from "./np/right.js";
import { subjectLeft } from "./np/subject.js";
import { OPENING_QUOTE_MARK, QUOTE_MARK } from "../../text/quote-marks.js";
import { isParticle, temporalNP } from "./np/words.js";
import type { Ctx, TokRange } from "./context.js";

const SKIP = new Set(["ADV", "AUX", "PART"]);

/** The first subject of the sentence: "Kasich ended his bid on Monday, telling supporters …". */
export function mainSubject(tokens: Token[], first: number, head: number): TokRange | null {
  let quoted = QUOTE_MARK.test(tokens[first]!.text) && tokens[first]!.text !== "\u201D";
  for (let v = first + 1; v < head; v++) {
    const t = tokens[v]!;
    // the verbs of a quotation are not the sentence's: "“We do not see a link,” the mayor said, adding …"
    if (QUOTE_MARK.test(t.text)) quoted = OPENING_QUOTE_MARK.test(t.text) || (t.text !== "\u201D" && !quoted);
    if (quoted || QUOTE_MARK.test(t.text)) continue;
    if ((t.pos !== "VERB" && t.pos !== "AUX") || /^\p{Lu}/u.test(t.text)) continue;
    if (QUOTE_MARK.test(tokens[v - 1]!.text)) return null;
    // a verb of a relative clause ("… whose district covers …") is not the main verb
    if (tokens.slice(Math.max(first, v - 4), v).some((x) => /^(who|whose|which|that)$/.test(x.lower)))
      continue;
    return subjectLeft(tokens, v, first);
  }
  return null;
}

/** "…, telling supporters" / "… and added that" / "…, but told reporters": a verb sharing its subject. */
function sharesSubject(tokens: Token[], head: number, first: number): boolean {
  let j = head - 1;
  while (j > first && SKIP.has(tokens[j]!.pos)) j--;
  const prev = tokens[j];
  if (!prev) return false;
  if (prev.lower === "and" || prev.lower === "but" || prev.lower === "then") return true;
  return prev.text === "," && /ing$/.test(tokens[head]!.lower);
}

/** An inversion ("…," said Smith) needs the cue right after a comma or a closing quote. */
function invertible(tokens: Token[], head: number, cue: Cue): boolean {
  if (/ing$/.test(tokens[head]!.lower) || cue.lemma === "tell") return false;
  let j = head - 1;
  while (j >= 0 && tokens[j]!.pos === "ADV") j--;
  // ("Said Ellis: “…”": a cue opening its sentence has nothing before it)
  const prev = tokens[j]?.sentence === tokens[head]!.sentence ? tokens[j] : undefined;
  // ("''…,'' said Alan Cole": two apostrophes as the closing mark)
  return prev === undefined || prev.text === "," || QUOTE_MARK.test(prev.text) || /[”’"']$/.test(prev.text);
}

export function sourceOf(c: Ctx, cue: Cue, first: number, last: number): TokRange | null {
  const { tokens } = c;
  if (cue.form === "colon") {
    let f = cue.head - 1;
    while (f > first && tokens[f - 1]!.pos === "PROPN" && cue.head - f < 4) f--;
    return [f, cue.head - 1];
  }
  // "Donald Trump’s claim that …": the possessor of a nominal cue, with its "’s" (as PolNeAR marks it)
  if (cue.form === "nominal" && /^['’]s$/.test(tokens[cue.head - 1]?.text ?? "")) {
    let k = cue.head - 2;
    while (k - 1 >= first && ["PROPN", "NOUN", "ADJ", "DET"].includes(tokens[k - 1]!.pos) && cue.head - k < 7) k--;
    if (k >= first) return [k, cue.head - 1];
  }
  // "According to the newspaper, “…”" / "“…,” according to a court filing"
  if (cue.type === "according-to") return accordingSource(tokens, c.index.atOrAfter(cue.end), last);
  const head = cue.head;
  // "… wrote to members, urging them …": a participle shares the sentence's subject
  if (/ing$/.test(tokens[head]!.lower) && tokens[head - 1]?.pos !== "AUX" && cue.form === "verb") {
    // "footage of Hillary Clinton asking, “…”": a name right before the participle is its subject
    if (tokens[head - 1]?.pos === "PROPN" && head - 1 >= first && !temporalNP(tokens, head - 1, head - 1)) {
      let k = head - 1;
      while (k - 1 >= first && (tokens[k - 1]!.pos === "PROPN" || isParticle(tokens, k - 1))) k--;
      return [k, head - 1];
    }
    return mainSubject(tokens, first, head);
  }
  const left = subjectLeft(tokens, head, first);
  if (left) return left;
  if (sharesSubject(tokens, head, first)) return mainSubject(tokens, first, head);
  if (!invertible(tokens, head, cue)) return null;
  const right = npRight(tokens, c.index.atOrAfter(cue.end), last);
  // "…, said peak flows had risen": a verb after the noun phrase makes it a subject, not a source
  const after = right ? tokens[right[1] + 1] : undefined;
  // ("…," says a source involved in the talks: a participle with a preposition is a reduced relative)
  const reduced = after?.pos === "VERB" && /ed$/.test(after.lower) && tokens[right![1] + 2]?.pos === "ADP";
  if (after && (after.pos === "VERB" || after.pos === "AUX") && right![1] + 1 <= last && !reduced)
    return null;
  return right;
}
