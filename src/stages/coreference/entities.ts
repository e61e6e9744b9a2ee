/**
 * The speakers of one article: names cluster by surname ("De Vries", "Anna de Vries" and
 * "Vries" are one entity, with the fullest name) unless first names differ ("Bill Clinton" and
 * "Hillary Clinton" are two; a bare "Clinton" is the one named in full most often), organisations by their words, nominal
 * sources ("Senior officials") by theirs. Ids are given in order of first use by a statement.
 */
import type { DocView, Mention, Range, SpeakerDraft } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";

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
  /** a person's first name, lower case, when a mention gave one */
  first?: string | null;
}

const DET = /^(the|a|an)\s+/i;

/** "p:vries" for "Anna de Vries", "De Vries" and "Vries"; "p:assad" for "al-Assad". */
export function surnameKey(doc: DocView, m: Mention): string {
  const name = doc.text.slice(m.name?.start ?? m.start, m.end);
  const parts = nameParts(name);
  const last = (parts[parts.length - 1] ?? name).toLowerCase().replace(/['’]s$/, "");
  return `p:${last.replace(/^(al|el)-/, "")}`;
}

/** A name's words without particles: "Anna de Vries" → Anna, Vries. */
function nameParts(name: string): string[] {
  return name.split(/\s+/).filter((w) => !LEXICON.nameParticles.has(w.toLowerCase()));
}

export class Entities {
  private readonly byKey = new Map<string, Entity>();
  /** people by surname key: one entity per first name */
  private readonly people = new Map<string, Entity[]>();
  /** the person last named with each surname */
  private readonly latest = new Map<string, Entity>();
  /** how often each person was named with a first name */
  private readonly named = new Map<Entity, number>();
  private next = 1;
  constructor(private readonly doc: DocView) {}

  /** the person/organisation entity of a name mention (created on first use, fullest name kept) */
  ofName(m: Mention): Entity {
    const nameRange = m.name ?? m;
    const nameText = this.doc.text.slice(nameRange.start, nameRange.end);
    // one word (a particle aside: "De Vries") is a person when a person with that surname is known
    const parts = nameParts(nameText);
    const single = parts.length === 1;
    const surname = surnameKey(this.doc, m);
    const asPerson = m.type === "person" || (single && this.people.has(surname));
    const words = nameText.split(/\s+/).length;
    let e = asPerson ? this.person(surname, single ? null : parts[0]!.toLowerCase()) : undefined;
    if (!e) {
      const key = `o:${m.text.toLowerCase().replace(DET, "")}`;
      e = this.byKey.get(key);
      if (!e) {
        e = { id: "", key, name: null, role: null, mention: null, person: m.type === "person", tokens: 0 };
        this.byKey.set(key, e);
      }
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

  /**
   * The person with this surname: "Bill Clinton" and "Hillary Clinton" are two people; a bare
   * "Clinton" is the one named most recently (or the only one).
   */
  private person(surname: string, first: string | null): Entity {
    const list = this.people.get(surname) ?? [];
    let e: Entity | undefined;
    if (first === null) e = list.length > 1 ? this.mostNamed(list, surname) : list[0];
    else e = list.find((x) => x.first === first) ?? list.find((x) => x.first === null);
    if (!e) {
      e = { id: "", key: `${surname}:${first ?? ""}`, name: null, role: null, mention: null, person: true, tokens: 0, first };
      list.push(e);
      this.people.set(surname, list);
    }
    if (first !== null && e.first === null) e.first = first;
    if (first !== null) this.named.set(e, (this.named.get(e) ?? 0) + 1);
    this.latest.set(surname, e);
    return e;
  }

  /** Of several people sharing a surname, the one named in full most often (the latest on a tie). */
  private mostNamed(list: Entity[], surname: string): Entity {
    const latest = this.latest.get(surname);
    let best = latest ?? list[0]!;
    for (const x of list) if ((this.named.get(x) ?? 0) > (this.named.get(best) ?? 0)) best = x;
    return best;
  }

  /** Whether a bare surname could be more than one person here ("Clinton" with Hillary and Bill). */
  ambiguous(m: Mention): boolean {
    const nameRange = m.name ?? m;
    return nameParts(this.doc.text.slice(nameRange.start, nameRange.end)).length === 1 && (this.people.get(surnameKey(this.doc, m))?.length ?? 0) > 1;
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
    const { role, age } = splitAge(e.role);
    const s: SpeakerDraft = { name: e.name, role, entity: this.assign(e), mention: e.mention };
    if (age !== undefined) s.age = age;
    return s;
  }
}

const AGE_FIRST = /^(\d{1,3}),\s*(.*)$/;

/**
 * News style puts a person's age first in the appositive ("Anna Kowalska, 45, a spokeswoman for the
 * company"): the age is no part of the role. A number under 120 before a comma (or alone) is the age.
 */
export function splitAge(role: string | null): { role: string | null; age?: number } {
  if (role === null) return { role };
  const m = AGE_FIRST.exec(role) ?? (/^\d{1,3}$/.test(role) ? [role, role, ""] : null);
  const age = m ? Number(m[1]) : Number.NaN;
  if (!m || !(age > 0 && age < 120)) return { role };
  return { role: m[2]!.trim() || null, age };
}
