/**
 * syntax: a dependency parse of every sentence (UD English relations), by our own averaged-perceptron
 * tagger and transition-based parser trained on UD English EWT (models/syntax.bin.gz, CC BY-SA 4.0;
 * `npm run train:syntax`). The parser reads UD-style words made from the Doc's tokens (ud-words.ts)
 * and the layer keeps their offsets, so every word maps back to the text and to its tokens.
 */
import type { SyntaxLayer } from "../../doc.js";
import type { Stage } from "../../stage.js";
import { SentenceParser } from "./parse-words.js";
import { udWords } from "./ud-words.js";

let parser: SentenceParser | undefined;

export const syntaxStage: Stage = {
  name: "syntax",
  requires: ["sentences", "tokens"],
  provides: "syntax",
  run(doc) {
    parser ??= new SentenceParser();
    const tokens = doc.get("tokens");
    const sentences = doc.get("sentences");
    const start: number[] = [];
    const end: number[] = [];
    const firstToken: number[] = [];
    const sentenceStart = new Int32Array(sentences.length + 1);
    const wordOfToken = new Int32Array(tokens.length).fill(-1);
    const upos: number[] = [];
    const head: number[] = [];
    const deprel: number[] = [];
    let t = 0;
    for (let s = 0; s < sentences.length; s++) {
      sentenceStart[s] = start.length;
      while (t < tokens.length && tokens[t]!.sentence < s) t++;
      const from = t;
      while (t < tokens.length && tokens[t]!.sentence === s) t++;
      if (t === from) continue;
      const words = udWords(tokens, from, t);
      const base = start.length;
      const parsed = parser.parseIds(words.forms);
      for (let w = 0; w < words.forms.length; w++) {
        start.push(words.start[w]!);
        end.push(words.end[w]!);
        firstToken.push(words.first[w]!);
        for (let k = words.first[w]!; k <= words.last[w]!; k++) wordOfToken[k] = base + w;
        upos.push(parsed.upos[w]!);
        head.push(parsed.head[w]! === 0 ? -1 : base + parsed.head[w]! - 1);
        deprel.push(parsed.deprel[w]!);
      }
    }
    sentenceStart[sentences.length] = start.length;
    doc.set("syntax", syntaxLayer(start, end, firstToken, wordOfToken, sentenceStart, upos, head, deprel, parser));
  },
};

function syntaxLayer(
  start: number[],
  end: number[],
  firstToken: number[],
  wordOfToken: Int32Array,
  sentenceStart: Int32Array,
  upos: number[],
  head: number[],
  deprel: number[],
  parser: SentenceParser,
): SyntaxLayer {
  const n = start.length;
  // dependents in text order, by counting sort on the head
  const childStart = new Int32Array(n + 1);
  for (const h of head) if (h >= 0) childStart[h + 1]!++;
  for (let w = 0; w < n; w++) childStart[w + 1]! += childStart[w]!;
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]!);
  for (let w = 0; w < n; w++) if (head[w]! >= 0) children[fill[head[w]!]!++] = w;
  return {
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    firstToken: Int32Array.from(firstToken),
    wordOfToken,
    sentenceStart,
    upos: Uint8Array.from(upos),
    head: Int32Array.from(head),
    deprel: Uint8Array.from(deprel),
    childStart,
    children,
    tags: parser.model.upos,
    labels: parser.model.labels,
  };
}
