/**
 * coreference: who each statement's source is. Names cluster by surname into one entity with the
 * fullest name (entities.ts); titles and appositives give roles; a source names the
 * person at its head or in its head's appositive (source-speaker.ts); pronouns go to
 * the previous compatible speaker ("He added") or the most recent compatible person — or to a
 * one-person nominal source just before ("Turkey's deputy trade minister … She told"); nominal and
 * organisation sources keep their words. Unsure → name null and a message, never a guessed name.
 */
import { appositiveAfter } from "./appositives.js";
import type { DocView, Range, StatementDraft } from "../../doc.js";
import { LEXICON } from "../../lexicons/lexicon.js";
import { Entities, type Entity } from "./entities.js";
import { type Named, namedInSource, singularPersonHead, titleRole } from "./source-speaker.js";
import { titleAntecedent } from "./title-antecedent.js";
import type { Stage, StageContext } from "../../stage.js";

function hasOrganisationWord(doc: DocView, m: { start: number; end: number }): boolean {
  return doc.text.slice(m.start, m.end).toLowerCase().split(/\s+/).some((w) => LEXICON.organisationWords.has(w));
}

export function resolveSpeakers(doc: DocView, drafts: StatementDraft[], report: StageContext["report"]): StatementDraft[] {
  const tokens = doc.get("tokens");
  const mentions = doc.get("mentions");
  const ents = new Entities(doc);
  // every person/organisation name, in text order, with its entity; roles from titles/appositives
  const named: Named[] = [];
  // people first, so a lone surname before the full name ("Wróblewski warns …" in a headline) joins them
  for (const mention of mentions) if (mention.type === "person") ents.ofName(mention);
  for (const mention of mentions) {
    if (mention.type !== "person" && mention.type !== "organisation") continue;
    // "Lan, Vietnam's special envoy for economic affairs, …": a one-person appositive makes a name a person
    const apposition = mention.type === "organisation" ? appositiveAfter(tokens, mention) : null;
    const personal = apposition && !hasOrganisationWord(doc, mention) && singularPersonHead(doc, apposition);
    const m = personal ? { ...mention, type: "person" as const } : mention;
    const e = ents.ofName(m);
    if (m.type === "person" && !e.role) {
      const role = titleRole(doc, m) ?? appositiveAfter(tokens, m);
      if (role) e.role = doc.text.slice(role.start, role.end);
    }
    named.push({ m, e });
  }
  const out: Array<{ d: StatementDraft; e: Entity | null }> = [];
  const sorted = [...drafts].sort((a, b) => a.content[0]!.start - b.content[0]!.start);
  let previous = null as { e: Entity; at: number } | null;
  let previousSource = null as Range | null;
  // the latest one-person nominal source ("A spokeswoman for …"), by the end of its source
  let nominalPerson = null as { e: Entity; at: number } | null;
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
      const head = namedInSource(doc, src, named);
      if (head) {
        e = head.n.e;
        if (head.role && !e.role && e.person) e.role = head.role;
        if (ents.ambiguous(head.n.m)) {
          report("ambiguous-surname", `"${head.n.m.text}" could be more than one person here; the one named most often was taken`, head.n.m);
          conf *= 0.9;
        }
      } else if (pronoun) {
        const word = pronoun.text.toLowerCase();
        if (word === "who" || word === "which" || word === "that") {
          const ante = [...named].reverse().find((n) => n.m.end <= pronoun.start && pronoun.start - n.m.end <= 3);
          e = ante?.e ?? null;
        } else if (word === "i") {
          // "I told them …" inside a person's own words is that person ("Okonkwo: … I told them, ‘…’")
          const outer = out.find((o) => o.e?.person && o.d !== d && o.d.content.some((r) => r.start <= pronoun.start && pronoun.end <= r.end));
          e = outer?.e ?? null;
        } else if ((word === "he" || word === "she") && !pronoun.plural) {
          const g = word === "he" ? "m" : "f";
          const ok = (x: Entity): boolean => x.person && (!x.gender || x.gender === g);
          const sameSpeaker: Entity | null = previous && ok(previous.e) && pronoun.start - previous.at < 1200 ? previous.e : null;
          const recent = [...named.filter((n) => n.m.end <= pronoun.start).map((n) => ({ at: n.m.start, e: n.e })), ...resolvedPronouns]
            .filter((x) => ok(x.e))
            .sort((a, b) => b.at - a.at)[0];
          const byCue = d.cue && /^(add|continue|also)/i.test(doc.text.slice(d.cue.start, d.cue.end));
          const nominal: Entity | null =
            nominalPerson &&
            (!nominalPerson.e.gender || nominalPerson.e.gender === g) &&
            nominalPerson.at > Math.max(recent?.at ?? -1, previous?.at ?? -1) &&
            pronoun.start - nominalPerson.at < 600
              ? nominalPerson.e
              : null;
          // a name inside the previous speaker's own source ("Torres, whose district includes Station No. 3") is no rival
          const inPreviousSource = recent && previousSource && recent.at >= previousSource.start && recent.at < previousSource.end;
          e = nominal ?? (byCue || inPreviousSource ? sameSpeaker : null) ?? recent?.e ?? sameSpeaker;
          if (e && e === nominal) conf *= 0.9;
          else if (e) {
            e.gender ??= g;
            resolvedPronouns.push({ at: pronoun.start, e });
            conf *= e === previous?.e ? 0.97 : 0.9;
          }
        }
        if (!e) {
          report("unresolved-pronoun", `could not tell who "${pronoun.text}" is`, pronoun);
          out.push({ d: { ...d, confidence: conf * 0.7 }, e: null });
          continue;
        }
      } else if (inside.length > 0 && inside[0]!.m.type === "organisation" && inside[0]!.m.end === src.end) {
        e = inside[0]!.e;
      } else {
        // "the mayor": the last person holding the title, else the nominal source's own words
        const titled = titleAntecedent(doc, src, named);
        e = titled ?? ents.nominal(doc.text.slice(src.start, src.end).replace(/[\s,]+$/, ""));
        const personHead = titled ? null : singularPersonHead(doc, src);
        if (personHead) {
          const g = LEXICON.gendered.get(personHead.lower);
          if (g === "m" || g === "f") e.gender ??= g;
          nominalPerson = { e, at: src.end };
        }
        conf *= 0.95;
      }
    }
    if (e) ents.assign(e);
    if (e?.person) {
      previous = { e, at: d.content[d.content.length - 1]!.end };
      previousSource = d.source;
    }
    out.push({ d: { ...d, confidence: conf }, e });
  }
  // speakers are built after all statements are seen, so the fullest name and role win everywhere
  return out.map(({ d, e }) => ({ ...d, speaker: e ? ents.speaker(e) : null }));
}

export const coreferenceStage: Stage = {
  name: "coreference",
  requires: ["tokens", "mentions", "attributions"],
  provides: "statements",
  run(doc, ctx) {
    doc.set("statements", resolveSpeakers(doc, doc.get("attributions"), ctx.report));
  },
};
