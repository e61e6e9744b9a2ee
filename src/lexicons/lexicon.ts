/** Loads the language data in lexicons/ once into lookup tables. */
import cuePhrases from "./cue-phrases.json" with { type: "json" };
import cueVerbs from "./cue-verbs.json" with { type: "json" };
import nameParticles from "./name-particles.json" with { type: "json" };
import nominalSources from "./nominal-sources.json" with { type: "json" };
import organisationWords from "./organisation-words.json" with { type: "json" };
import pronouns from "./pronouns.json" with { type: "json" };
import titles from "./titles.json" with { type: "json" };
import type { CueType } from "../schema.js";

export interface CueVerb {
  type: CueType;
  frames: ReadonlySet<string>;
}

export interface PronounInfo {
  gender: "m" | "f" | "n" | "x";
  plural: boolean;
  first?: boolean;
  relative?: boolean;
}

const verbs = new Map<string, CueVerb>();
for (const type of ["speech", "belief", "report"] as const) {
  for (const [lemma, frames] of Object.entries(cueVerbs[type])) verbs.set(lemma, { type, frames: new Set(frames) });
}

const pronounMap = new Map<string, PronounInfo>();
for (const [word, info] of Object.entries(pronouns)) {
  if (!word.startsWith("_")) pronounMap.set(word, info as PronounInfo);
}

/** Phrases as lower-case word arrays, longest first. */
function phraseList(list: string[]): string[][] {
  return list.map((p) => p.split(" ")).sort((a, b) => b.length - a.length);
}

export const LEXICON = {
  cueVerbs: verbs as ReadonlyMap<string, CueVerb>,
  accordingTo: phraseList(cuePhrases["according-to"]),
  nominalCues: new Set(cuePhrases.nominal),
  agentless: phraseList(cuePhrases.agentless),
  notSpeakerLabels: new Set(cuePhrases["not-speaker-labels"]),
  pronouns: pronounMap as ReadonlyMap<string, PronounInfo>,
  titles: new Set(titles.titles),
  honorifics: new Map(Object.entries(titles.honorifics)) as ReadonlyMap<string, string>,
  gendered: new Map(Object.entries(titles.gendered_titles)) as ReadonlyMap<string, string>,
  organisationWords: new Set(organisationWords.words),
  nominalHeads: new Set(nominalSources.heads),
  nameParticles: new Set(nameParticles.particles) as ReadonlySet<string>,
  nameConnectors: new Set(nameParticles.connectors) as ReadonlySet<string>,
};
