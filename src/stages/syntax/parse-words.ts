/**
 * The syntax API: tags and parses one sentence given as words (gold or our own tokenisation).
 * `SentenceParser` keeps its buffers between sentences; `parseWords` uses one shared instance.
 */
import { type ParseInput, parseInput } from "./parse-features.js";
import { type ParseScratch, parse, parseScratch } from "./parser.js";
import { type SyntaxModel, syntaxModel } from "./syntax-model.js";
import { type TagScratch, tagScratch, tagWords } from "./tagger.js";
import { emptyWordFeatures, type WordFeatures, wordFeatures } from "./word-features.js";

/** A parsed sentence as ids: word i (0-based) has tag upos[i], head head[i] (1-based, 0 = root), label deprel[i]. */
export interface SentenceIds {
  upos: Uint8Array;
  head: Int32Array;
  deprel: Uint8Array;
}

/** The same with names: model.upos[...] and model.labels[...] ("nsubj:pass", "compound:prt"). */
export interface SentenceParse {
  upos: string[];
  head: Int32Array;
  deprel: string[];
}

export class SentenceParser {
  readonly model: SyntaxModel;
  private wf: WordFeatures = emptyWordFeatures(128);
  private tagS: TagScratch;
  private parseS: ParseScratch;
  private input: ParseInput | undefined;

  constructor(model: SyntaxModel = syntaxModel()) {
    this.model = model;
    this.tagS = tagScratch(this.wf, model.upos.length);
    this.parseS = parseScratch(model.labels.length);
  }

  parseIds(words: readonly string[]): SentenceIds {
    const n = words.length;
    if (n > this.wf.form.length) {
      this.wf = emptyWordFeatures(n * 2);
      this.tagS = tagScratch(this.wf, this.model.upos.length);
    }
    const wf = wordFeatures(words, this.wf);
    this.tagS.ctx.wf = wf;
    const tags = tagWords(this.model.tagger, this.tagS);
    this.input = parseInput(wf, tags, this.input);
    const st = parse(this.model.parser, this.parseS, this.input);
    return {
      upos: Uint8Array.from(tags.subarray(0, n)),
      head: st.head.slice(1, n + 1),
      deprel: Uint8Array.from(st.label.subarray(1, n + 1)),
    };
  }

  parse(words: readonly string[]): SentenceParse {
    const r = this.parseIds(words);
    return {
      upos: Array.from(r.upos, (t) => this.model.upos[t]!),
      head: r.head,
      deprel: Array.from(r.deprel, (l) => this.model.labels[l]!),
    };
  }
}

let shared: SentenceParser | undefined;

/** Tags and parses one sentence with the shipped model. */
export function parseWords(words: readonly string[]): SentenceParse {
  shared ??= new SentenceParser();
  return shared.parse(words);
}
