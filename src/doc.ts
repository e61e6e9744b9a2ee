/**
 * The Doc: the original text plus typed layers. Stages add layers; nobody changes the text.
 * Every offset is a UTF-16 [start, end) index into `text`.
 */
import type { CalendarDay } from "./calendar-day.js";
import type { CueType, Message, NumberMention, Range } from "./schema.js";

export type { CalendarDay } from "./calendar-day.js";

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
  /** the cue tagger's score (0..1) when the model found or confirmed the cue */
  score?: number;
  /** added by the model beyond the lexicon: attribution asks more of its frame and its source */
  added?: boolean;
}

/** A quotation found by its marks: the marks are inside [start, end). */
export interface Quote extends Range {
  /** the text between the marks */
  inner: Range;
  closed: boolean;
  /** index into doc.sentences of the sentence where it opens */
  sentence: number;
}

/**
 * The dependency parse of every sentence, one entry per UD word in text order, as typed arrays
 * (src/text/dependency-tree.ts reads it: subtrees, subjects, objects, complements, clauses).
 */
export interface SyntaxLayer {
  /** [start, end) of each word in the text */
  start: Int32Array;
  end: Int32Array;
  /** the first token of each word; the word of each token */
  firstToken: Int32Array;
  wordOfToken: Int32Array;
  /** the first word of each sentence; sentenceStart[sentences.length] = the word count */
  sentenceStart: Int32Array;
  /** tag, head (a word index; -1 for a sentence's root) and relation of each word */
  upos: Uint8Array;
  head: Int32Array;
  deprel: Uint8Array;
  /** the dependents of word w are children[childStart[w] .. childStart[w + 1]), in text order */
  childStart: Int32Array;
  children: Int32Array;
  /** the names behind upos and deprel ids ("NOUN"; "nsubj:pass") */
  tags: readonly string[];
  labels: readonly string[];
}

export interface DatesLayer {
  /** resolved dates (kind "date"), merged with numbers in the record */
  mentions: NumberMention[];
  /** every span the date grammar read as a date expression, resolved or not, sorted */
  claimed: Range[];
}

export interface SpeakerDraft {
  name: string | null;
  role: string | null;
  /** the age an appositive gives ("Anna Kowalska, 45, a spokeswoman …") */
  age?: number;
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
  /** the input's own date (a JSONL `date` field), or null */
  date: CalendarDay | null;
  /** the date for documents that give none (the CLI's --date), or null */
  defaultDate?: CalendarDay | null;
}

/** Where the article text is, after a date header and a BOM, and the date the document gets. */
export interface Body extends Range {
  /** header > input field > default date (decided by the ingest stage), or null */
  date: CalendarDay | null;
}

export interface Layers {
  /** [start, end) of the article body (after the date header, without a BOM) and the document date */
  body: Body;
  /** the non-empty paragraphs (lines) of the body, trimmed, in order */
  paragraphs: Range[];
  sentences: Range[];
  tokens: Token[];
  syntax: SyntaxLayer;
  mentions: Mention[];
  cues: Cue[];
  quotes: Quote[];
  /** statements before speaker resolution */
  attributions: StatementDraft[];
  statements: StatementDraft[];
  numbers: NumberMention[];
  dates: DatesLayer;
}

export type LayerName = keyof Layers;

/**
 * What a stage sees of the Doc: the text, the input's metadata, the layers it declared in `requires`
 * and the one it `provides`. Reading any other layer throws (the pipeline hands each stage a view).
 */
export interface DocView {
  readonly text: string;
  readonly meta: Readonly<DocMeta>;
  get<K extends LayerName>(name: K): Layers[K];
  set<K extends LayerName>(name: K, value: Layers[K]): void;
}

export class Doc implements DocView {
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

  /** A view for one stage: `get` only of `reads`, `set` only of `writes`. */
  view(reads: readonly LayerName[], writes: LayerName): DocView {
    const allowed = new Set<LayerName>([...reads, writes]);
    return {
      text: this.text,
      meta: this.meta,
      get: <K extends LayerName>(name: K): Layers[K] => {
        if (!allowed.has(name)) throw new Error(`reads layer "${name}", which it does not declare in requires`);
        return this.get(name);
      },
      set: <K extends LayerName>(name: K, value: Layers[K]): void => {
        if (name !== writes) throw new Error(`sets layer "${name}"; it provides only "${writes}"`);
        this.set(name, value);
      },
    };
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
