/** Token lookups by offset and by sentence, built once per document. */
import type { Range, Token } from "../../doc.js";
import { firstStartingFrom } from "../../text/spans.js";

export class TokenIndex {
  /** per sentence: [first token, last token + 1) */
  readonly bySentence: Array<[number, number]>;

  constructor(
    readonly tokens: Token[],
    sentences: Range[],
  ) {
    this.bySentence = sentences.map(() => [0, 0] as [number, number]);
    let i = 0;
    for (let s = 0; s < sentences.length; s++) {
      while (i < tokens.length && tokens[i]!.sentence < s) i++;
      const first = i;
      while (i < tokens.length && tokens[i]!.sentence === s) i++;
      this.bySentence[s] = [first, i];
    }
  }

  /** index of the first token starting at or after offset (tokens.length when none) */
  atOrAfter(offset: number): number {
    return firstStartingFrom(this.tokens, offset);
  }

  /** index of the last token ending at or before offset (-1 when none) */
  atOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
