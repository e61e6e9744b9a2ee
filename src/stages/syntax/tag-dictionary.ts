/**
 * The tag dictionary: for words seen in training, an id of the set of tags they were seen with
 * (the word's "ambiguity class"). The tagger uses it as a feature value. An open-addressing table
 * of (word key, class) pairs.
 */
import { slotCount } from "./weight-table.js";

export interface TagDictionary {
  mask: number;
  /** slot i: key at 2i (0 = empty), ambiguity class at 2i + 1 */
  slots: Int32Array;
}

export function buildTagDictionary(keys: Int32Array, classes: Int32Array): TagDictionary {
  const size = slotCount(keys.length);
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  for (let r = 0; r < keys.length; r++) {
    let i = keys[r]! & mask;
    while (slots[2 * i] !== 0) i = (i + 1) & mask;
    slots[2 * i] = keys[r]!;
    slots[2 * i + 1] = classes[r]!;
  }
  return { mask, slots };
}

/** amb[i] = the ambiguity class of word key words[i], 0 for words not in the dictionary. */
export function ambiguityClasses(dict: TagDictionary, words: Int32Array, n: number, amb: Int32Array): void {
  const { mask, slots } = dict;
  for (let w = 0; w < n; w++) {
    const key = words[w]!;
    let i = key & mask;
    let found = 0;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === key) {
        found = slots[2 * i + 1]!;
        break;
      }
      if (k === 0) break;
      i = (i + 1) & mask;
    }
    amb[w] = found;
  }
}
