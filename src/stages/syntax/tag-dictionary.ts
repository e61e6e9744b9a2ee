/**
 * The tag dictionary: for words frequent enough in training, the set of tags they were seen with
 * (a bit mask over UPOS, the word's "ambiguity class"). The tagger uses it as a feature value.
 */
import { buildTable, findRow, type WeightTable } from "./weight-table.js";

export interface TagDictionary {
  table: WeightTable;
  /** ambiguity class of each row */
  masks: Int32Array;
}

export function buildTagDictionary(keys: Int32Array, masks: Int32Array): TagDictionary {
  return { table: buildTable(0, keys, new Int16Array(0)), masks };
}

/** amb[i] = the ambiguity class of word key words[i], 0 for words not in the dictionary. */
export function ambiguityClasses(dict: TagDictionary, words: Int32Array, n: number, amb: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const r = findRow(dict.table, words[i]!);
    amb[i] = r < 0 ? 0 : dict.masks[r]!;
  }
}
