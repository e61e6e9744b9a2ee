/** Multi-word phrase tables for the date grammar: entries by first word, longest first. */

export type PhraseTable<V> = Map<string, Array<{ words: string[]; v: V }>>;

export function phraseTable<V>(entries: Array<[string, V]>): PhraseTable<V> {
  const table: PhraseTable<V> = new Map();
  const sorted = entries
    .map(([k, v]) => ({ words: k.split(" "), v }))
    .sort((a, b) => b.words.length - a.words.length || b.words.join(" ").length - a.words.join(" ").length);
  for (const e of sorted) {
    const first = e.words[0]!;
    if (!table.has(first)) table.set(first, []);
    table.get(first)!.push(e);
  }
  return table;
}
