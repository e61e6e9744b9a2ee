/**
 * Noun-phrase chunks over tagged tokens, for finding the source of a cue: the subject to the left
 * of a verb (src/np/subject.ts), the noun phrase after it in an inversion or after "according to"
 * (src/np/right.ts), over shared word tests (src/np/words.ts).
 */
export { accordingSource, npRight } from "./np/right.js";
export { subjectLeft } from "./np/subject.js";
export { isParticle, QUOTE_MARK, SUBJECT_PRONOUNS, temporalNP } from "./np/words.js";
