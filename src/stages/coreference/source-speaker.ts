/**
 * Who a source names: the person mention that is the source's head ("Torres", "Zoë Bérénger, the
 * commission's chief negotiator"), the name after title words ("Council member Rafael Torres,
 * whose district …") or the appositive of the head ("Her chief of staff, Dana Ruiz") — never a
 * name inside a prepositional phrase ("A spokeswoman for Gov. Patricia Vance" is not Vance).
 * The role is the title or appositive part; a relative clause ("whose district …") is no role.
 */
import type { DocView, Mention, Range, Token } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import type { Entity } from "./entities.js";

export interface Named {
  m: Mention;
  e: Entity;
}

const PREMODIFIER_POS = new Set(["NOUN", "ADJ", "PROPN", "DET", "NUM"]);
const RELATIVE = /^(who|whose|which|that)\b/i;
/** what may follow a head name inside its source: nothing, an appositive, a parenthesis, a relative clause */
const AFTER_HEAD = /^(['\u2019]s\s*$|\s*$|\s*[,(\u2014\u2013]|\s+(of|who|whose|from)\b)/;
/** "Cameron Easley for Morning Consult": a full name may be followed by the outlet it works for */
const AFTER_FULL_NAME = /^\s+(for|at)\b/;

function tokensIn(tokens: Token[], r: Range): Token[] {
  return tokens.filter((t) => t.start >= r.start && t.end <= r.end);
}

/** "Council member", "former labor court judge": title words only, with a noun and no preposition. */
function titleWords(ts: Token[]): boolean {
  return (
    ts.length > 0 &&
    ts.length <= 6 &&
    ts.some((t) => t.pos === "NOUN" || LEXICON.titles.has(t.lower)) &&
    ts.every((t) => PREMODIFIER_POS.has(t.pos) || t.pos === "PART" || (t.pos === "PRON" && /^(his|her|their|its)$/.test(t.lower)))
  );
}

/** "Her chief of staff": a short noun phrase (with an inner "of") that starts with a determiner, a possessive or a title. */
function appositiveHead(ts: Token[]): boolean {
  const first = ts[0];
  if (!first || ts.length > 8) return false;
  const opens = first.pos === "DET" || /^(his|her|their|its)$/.test(first.lower) || LEXICON.titles.has(first.lower);
  return opens && ts.some((t) => t.pos === "NOUN") && ts.every((t) => PREMODIFIER_POS.has(t.pos) || t.lower === "of" || t.pos === "PART" || t.pos === "PRON");
}

const clean = (s: string): string => s.replace(/^[\s,]+/, "").replace(/[\s,\u2014\u2013]+$/, "");

/** The named person or organisation a source is about, with the role words the source gives. */
export function namedInSource(doc: DocView, src: Range, named: Named[]): { n: Named; role: string | null } | null {
  const tokens = doc.get("tokens");
  const inside = named.filter((n) => n.m.start >= src.start && n.m.end <= src.end);
  for (const n of inside) {
    const after = doc.text.slice(n.m.end, src.end);
    const fullName = n.m.type === "person" && /\s/.test(n.m.text);
    if (!AFTER_HEAD.test(after) && !(fullName && AFTER_FULL_NAME.test(after))) continue;
    const before = doc.text.slice(src.start, n.m.start);
    const rest = clean(after);
    const tail = rest && !RELATIVE.test(rest) && n.e.person ? rest : null;
    if (before.trim() === "") return { n, role: tail };
    if (n.m.type !== "person") continue;
    const pre = tokensIn(tokens, { start: src.start, end: n.m.start });
    // "Council member Rafael Torres"
    if (titleWords(pre)) return { n, role: clean(before) };
    // "Her chief of staff, Dana Ruiz" (a full name right after a comma, closing the source or its noun part)
    const comma = pre[pre.length - 1];
    if (comma?.text === "," && appositiveHead(pre.slice(0, -1)) && /\s/.test(doc.text.slice(n.m.name?.start ?? n.m.start, n.m.end)))
      return { n, role: clean(before) };
  }
  return null;
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|sir|dame|madam|mx)\.?$/i;

/** A title role in front of a name, unless it is only an honorific ("Dr.", "Mr."): those are no roles. */
export function titleRole(doc: DocView, m: Mention): Range | null {
  if (!m.role) return null;
  const words = doc.text.slice(m.role.start, m.role.end).split(/\s+/);
  return words.every((w) => HONORIFIC.test(w)) ? null : m.role;
}

const PERSON_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "analyst", "expert", "critic",
  "lawyer", "attorney", "doctor", "judge", "official", "negotiator", "diplomat", "witness", "officer",
  "reporter", "journalist", "editor", "woman", "man", "envoy", "resident", "source", "executive",
  "economist", "scientist", "researcher", "engineer", "hydrologist", "teacher", "nurse", "farmer", "owner",
]);

/** title words that are modifiers, not persons: "the state", "the trade" */
const NOT_PERSONS = new Set([
  "vice", "prime", "foreign", "defence", "defense", "interior", "finance", "deputy", "former", "acting", "state",
  "national", "security", "economy", "trade", "health", "justice", "labour", "labor", "presidential", "general",
]);

/** A nominal source that is one person ("Turkey's deputy trade minister", "A spokeswoman for …"): its head noun. */
export function singularPersonHead(doc: DocView, src: Range): Token | null {
  const ts = tokensIn(doc.get("tokens"), src);
  let end = ts.findIndex((t) => t.pos === "ADP" || t.text === "," || t.pos === "PUNCT" || RELATIVE.test(t.lower));
  if (end < 0) end = ts.length;
  const head = ts[end - 1];
  if (head?.pos !== "NOUN") return null;
  const w = head.lower;
  return PERSON_NOUNS.has(w) || (LEXICON.titles.has(w) && !NOT_PERSONS.has(w) && !/s$/.test(w)) ? head : null;
}
