/** The stage registry: pipeline configs name stages from here. */
import type { Stage } from "../stage.js";
import { attributionStage } from "./attribution/attribution.js";
import { coreferenceStage } from "./coreference/coreference.js";
import { cuesStage } from "./cues/cues.js";
import { datesStage } from "./dates/dates.js";
import { ingestStage } from "./ingest.js";
import { mentionsStage } from "./mentions.js";
import { numbersStage } from "./numbers/numbers.js";
import { paragraphsStage } from "./paragraphs.js";
import { quotesStage } from "./quotes.js";
import { sentencesStage } from "./sentences/sentences.js";
import { syntaxStage } from "./syntax/syntax.js";
import { tokensStage } from "./tokens.js";

export const STAGES: Readonly<Record<string, Stage>> = Object.fromEntries(
  [
    ingestStage,
    paragraphsStage,
    sentencesStage,
    tokensStage,
    syntaxStage,
    mentionsStage,
    datesStage,
    numbersStage,
    quotesStage,
    cuesStage,
    attributionStage,
    coreferenceStage,
  ].map((s) => [s.name, s]),
);
