/**
 * The speakers of one article: names cluster by surname ("De Vries", "Anna de Vries" and
 * "Vries" are one entity, with the fullest name), organisations by their words, nominal
 * sources ("Senior officials") by theirs. Ids are given in order of first use by a statement.
 */
import type { Doc, Mention, Range, SpeakerDraft } from "../doc.js";

export interface Entity {
  id: string;
  key: string;
  name: string | null;
  role: string | null;
  mention: Range | null;
  gender?: "m" | "f" | "n" | undefined;
  person: boolean;
  /** a nominal source that is one person ("the commission's chief negotiator"): a "she" may be them */
  singular?: boolean;
  tokens: number;
}

const DET = /^(the|a|an)\s+/i;
const PARTICLES = /^(de|van|von|der|den|ter|ten|al|el|da|di|du|le|la|dos|del)$/i;

/** "p:vries" for "Anna de Vries", "De Vries" and "Vries"; "p:assad" for "al-Assad". */
export function surnameKey(doc: Doc, m: Mention): string {
  const name = doc.text.slice(m.name?.start ?? m.start, m.end);
  const parts = name.split(/\s+/).filter((w) => !PARTICLES.test(w));
  const last = (parts[parts.length - 1] ?? name).toLowerCase().replace(/['’]s$/, "");
  return `p:${last.replace(/^(al|el)-/, "")}`;
}

export class Entities {
  private readonly byKey = new Map<string, Entity>();
  private next = 1;
  constructor(private readonly doc: Doc) {}

  /** the person/organisation entity of a name mention (created on first use, fullest name kept) */
  ofName(m: Mention): Entity {
    const nameRange = m.name ?? m;
    const nameText = this.doc.text.slice(nameRange.start, nameRange.end);
    // one word (a particle aside: "De Vries") is a person when a person with that surname is known
    const single = nameText.split(/\s+/).filter((w) => !PARTICLES.test(w)).length === 1;
    const asPerson = m.type === "person" || (single && this.byKey.has(surnameKey(this.doc, m)));
    const key = asPerson ? surnameKey(this.doc, m) : `o:${m.text.toLowerCase().replace(DET, "")}`;
    const words = nameText.split(/\s+/).length;
    let e = this.byKey.get(key);
    if (!e) {
      e = { id: "", key, name: null, role: null, mention: null, person: m.type === "person", tokens: 0 };
      this.byKey.set(key, e);
    }
    if (words > e.tokens) {
      e.tokens = words;
      e.name = nameText;
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

  speaker(e: Entity): SpeakerDraft {
    return { name: e.name, role: e.role, entity: this.assign(e), mention: e.mention };
  }
}
