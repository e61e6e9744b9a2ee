/**
 * The Doc: the original text plus typed layers. Stages add layers; nobody changes the text.
 * Every offset is a UTF-16 [start, end) index into `text`.
 */
import type { CueType, Message, NumberMention, Range } from "./schema.js";

export type { Message, NumberMention, Range } from "./schema.js";

export interface Token {
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
  /** lower-cased text */
  lower: string;
  /** Universal POS tag from the tagger (PROPN, VERB, PUNCT, …). */
  pos: string;
  lemma: string;
  /** index into doc.sentences */
  sentence: number;
}

export type MentionType = "person" | "organisation" | "pronoun" | "nominal";

export interface Mention extends Range {
  text: string;
  type: MentionType;
  /** first and last token index (inclusive) */
  firstToken: number;
  lastToken: number;
  gender?: "m" | "f" | "n" | undefined;
  plural?: boolean | undefined;
  /** for names: the name itself, without a title in front ("Hakan Fidan") */
  name?: Range | undefined;
  /** for names: the title in front ("Turkish Foreign Minister") */
  role?: Range | undefined;
}

export interface Cue extends Range {
  text: string;
  type: CueType;
  /** index of the cue's head token */
  head: number;
  /** lemma of the head (say, tell, according_to, …) */
  lemma: string;
  /** how the cue was found: verb, phrase, punctuation, nominal */
  form: "verb" | "phrase" | "colon" | "dash" | "nominal";
  passive?: boolean;
}

/** A quotation found by its marks: the marks are inside [start, end). */
export interface Quote extends Range {
  /** the text between the marks */
  inner: Range;
  closed: boolean;
  /** index into doc.sentences of the sentence where it opens */
  sentence: number;
}

export interface SpeakerDraft {
  name: string | null;
  role: string | null;
  entity: string;
  mention: Range | null;
}

export interface StatementDraft {
  kind: "direct" | "indirect" | "mixed";
  /** content fragments, ordered */
  content: Range[];
  cue: Range | null;
  cueType: CueType;
  source: Range | null;
  speaker: SpeakerDraft | null;
  confidence: number;
}

export interface DocMeta {
  id: string;
  /** document date YYYY-MM-DD, or null */
  date: string | null;
}

export interface Layers {
  /** [start, end) of the article body: after the date header, without a BOM. */
  body: Range;
  sentences: Range[];
  tokens: Token[];
  mentions: Mention[];
  cues: Cue[];
  quotes: Quote[];
  /** statements before speaker resolution */
  attributions: StatementDraft[];
  statements: StatementDraft[];
  numbers: NumberMention[];
  /** date mentions (kind "date"), merged with numbers in the record */
  dates: NumberMention[];
}

export type LayerName = keyof Layers;

export class Doc {
  readonly text: string;
  readonly meta: DocMeta;
  readonly messages: Message[] = [];
  private readonly layers: Partial<Layers> = {};

  constructor(text: string, meta: DocMeta) {
    this.text = text;
    this.meta = meta;
  }

  has(name: LayerName): boolean {
    return name in this.layers;
  }

  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`layer "${name}" has not been added`);
    return layer as Layers[K];
  }

  set<K extends LayerName>(name: K, value: Layers[K]): void {
    this.layers[name] = value;
  }

  message(stage: string, rule: string, reason: string, span?: Range): void {
    const m: Message = { stage, rule, reason };
    if (span) {
      m.start = span.start;
      m.end = span.end;
    }
    this.messages.push(m);
  }
}
