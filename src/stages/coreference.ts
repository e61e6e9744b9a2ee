/**
 * coreference: who each statement's source is. Names cluster by surname into one entity with the
 * fullest name; titles and appositives give roles; pronouns go to the previous compatible speaker
 * ("He added") or the most recent compatible person; nominal and organisation sources keep their
 * words. Unsure → name null and a message, never a guessed name.
 */
import { appositiveAfter } from "../appositives.js";
import type { Doc, Mention, Range, SpeakerDraft, StatementDraft } from "../doc.js";
import type { Stage } from "../stage.js";

interface Entity {
  id: string;
  key: string;
  name: string | null;
  role: string | null;
  mention: Range | null;
  gender?: "m" | "f" | "n" | undefined;
  person: boolean;
  tokens: number;
}

const DET = /^(the|a|an)\s+/i;

function surnameKey(doc: Doc, m: Mention): string {
  const name = doc.text.slice(m.name?.start ?? m.start, m.end);
  const parts = name.split(/\s+/);
  return `p:${parts[parts.length - 1]!.toLowerCase().replace(/['’]s$/, "")}`;
}

class Entities {
  private readonly byKey = new Map<string, Entity>();
  private next = 1;
  constructor(private readonly doc: Doc) {}

  /** the person/organisation entity of a name mention (created on first use, fullest name kept) */
  ofName(m: Mention): Entity {
    const single = !/\s/.test(m.text.trim());
    // a single capitalised word is a person when a person with that surname is known ("Umerov")
    const asPerson = m.type === "person" || (single && this.byKey.has(surnameKey(this.doc, m)));
    const key = asPerson ? surnameKey(this.doc, m) : `o:${m.text.toLowerCase().replace(DET, "")}`;
    const nameRange = m.name ?? m;
    const words = this.doc.text.slice(nameRange.start, nameRange.end).split(/\s+/).length;
    let e = this.byKey.get(key);
    if (!e) {
      e = { id: "", key, name: null, role: null, mention: null, person: m.type === "person", tokens: 0 };
      this.byKey.set(key, e);
    }
    if (words > e.tokens) {
      e.tokens = words;
      e.name = this.doc.text.slice(nameRange.start, nameRange.end);
      e.mention = { start: nameRange.start, end: nameRange.end };
    }
    if (asPerson) e.person = true;
    if (m.gender && !e.gender) e.gender = m.gender;
    return e;
  }

  nominal(text: string): Entity {
    const key = `n:${text.toLowerCase().replace(DET, "")}`;
    let e = this.byKey.get(key);
    if (!e) {
      e = { id: "", key, name: null, role: text, mention: null, person: false, tokens: 0 };
      this.byKey.set(key, e);
    }
    return e;
  }

  /** ids in order of first use by a statement */
  assign(e: Entity): string {
    if (!e.id) e.id = `e${this.next++}`;
    return e.id;
  }
}

function speakerOf(e: Entity, ents: Entities): SpeakerDraft {
  return { name: e.name, role: e.role, entity: ents.assign(e), mention: e.mention };
}

export function resolveSpeakers(doc: Doc, drafts: StatementDraft[]): StatementDraft[] {
  const tokens = doc.get("tokens");
  const mentions = doc.get("mentions");
  const ents = new Entities(doc);
  // every person/organisation name, in text order, with its entity; roles from titles/appositives
  const named: Array<{ m: Mention; e: Entity }> = [];
  for (const m of mentions) {
    if (m.type !== "person" && m.type !== "organisation") continue;
    const e = ents.ofName(m);
    if (m.type === "person" && !e.role) {
      const role = m.role ?? appositiveAfter(tokens, m);
      if (role) e.role = doc.text.slice(role.start, role.end);
    }
    named.push({ m, e });
  }
  const out: Array<{ d: StatementDraft; e: Entity | null }> = [];
  const sorted = [...drafts].sort((a, b) => a.content[0]!.start - b.content[0]!.start);
  let previous: { e: Entity; at: number } | null = null;
  const resolvedPronouns: Array<{ at: number; e: Entity }> = [];
  for (const d of sorted) {
    let e: Entity | null = null;
    let conf = d.confidence;
    const src = d.source;
    if (!src) {
      if (!d.cue && previous) e = previous.e; // a quote carrying on the previous speaker
    } else {
      const inside = named.filter((n) => n.m.start >= src.start && n.m.end <= src.end);
      const pronoun = mentions.find((m) => m.type === "pronoun" && m.start === src.start && m.end === src.end);
      const startsWithName = inside.find(
        (n) =>
          (n.m.start === src.start || doc.text.slice(src.start, n.m.start).trim() === "") &&
          // "Senior officials": a capitalised first word followed by more noun words is no name
          /^(\s*$|\s*[,(]|\s+(of|who|whose|from)\b)/.test(doc.text.slice(n.m.end, src.end)),
      );
      if (startsWithName) {
        e = startsWithName.e;
        const rest = doc.text.slice(startsWithName.m.end, src.end).replace(/^[\s,]+/, "").replace(/[\s,]+$/, "");
        if (rest && !/^(who|whose|which|that)\b/i.test(rest) && !e.role && startsWithName.e.person) e.role = rest;
      } else if (pronoun) {
        const word = pronoun.text.toLowerCase();
        if (word === "who" || word === "which" || word === "that") {
          const ante = [...named].reverse().find((n) => n.m.end <= pronoun.start && pronoun.start - n.m.end <= 3);
          e = ante?.e ?? null;
        } else if ((word === "he" || word === "she") && !pronoun.plural) {
          const g = word === "he" ? "m" : "f";
          const ok = (x: Entity): boolean => x.person && (!x.gender || x.gender === g);
          const sameSpeaker: Entity | null = previous && ok(previous.e) && pronoun.start - previous.at < 1200 ? previous.e : null;
          const recent = [...named.filter((n) => n.m.end <= pronoun.start).map((n) => ({ at: n.m.start, e: n.e })), ...resolvedPronouns]
            .filter((x) => ok(x.e))
            .sort((a, b) => b.at - a.at)[0];
          const byCue = d.cue && /^(add|continue|also)/i.test(doc.text.slice(d.cue.start, d.cue.end));
          e = (byCue ? sameSpeaker : null) ?? recent?.e ?? sameSpeaker;
          if (e) {
            e.gender ??= g;
            resolvedPronouns.push({ at: pronoun.start, e });
            conf *= e === previous?.e ? 0.97 : 0.9;
          }
        }
        if (!e) {
          doc.message("coreference", "unresolved-pronoun", `could not tell who "${pronoun.text}" is`, pronoun);
          out.push({ d: { ...d, confidence: conf * 0.7 }, e: null });
          continue;
        }
      } else if (inside.length > 0 && inside[0]!.m.type === "organisation" && inside[0]!.m.end === src.end) {
        e = inside[0]!.e;
      } else {
        e = ents.nominal(doc.text.slice(src.start, src.end).replace(/[\s,]+$/, ""));
        conf *= 0.95;
      }
    }
    if (e) ents.assign(e);
    if (e?.person) previous = { e, at: d.content[d.content.length - 1]!.end };
    out.push({ d: { ...d, confidence: conf }, e });
  }
  // speakers are built after all statements are seen, so the fullest name and role win everywhere
  return out.map(({ d, e }) => ({ ...d, speaker: e ? speakerOf(e, ents) : null }));
}

export const coreferenceStage: Stage = {
  name: "coreference",
  requires: ["tokens", "mentions", "attributions"],
  provides: "statements",
  run(doc) {
    doc.set("statements", resolveSpeakers(doc, doc.get("attributions")));
  },
};
