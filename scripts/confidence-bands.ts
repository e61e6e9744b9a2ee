/**
 * Precision of predicted statements by confidence band, with the scorer's attribution-level rule
 * (content ≥ 50% of its non-whitespace characters inside one gold content, and the source sharing a
 * character with that gold source, or both absent). Used by `npm run eval` and the dev regression test.
 */
import type { DocumentRecord, ErrorRecord } from "../src/schema.js";

interface Frag {
  start: number;
  end: number;
}
export interface GoldDoc {
  id: string;
  text: string;
  attributions: Array<{ source: Frag[]; content: Frag[] }>;
}

export interface Bands {
  /** per tenth of confidence: [statements, correct] */
  bands: Array<[number, number]>;
  /** statements with confidence ≥ threshold, and how many are correct */
  high: { threshold: number; n: number; correct: number; precision: number };
}

export function confidenceBands(gold: GoldDoc[], records: Array<DocumentRecord | ErrorRecord>, threshold = 0.8): Bands {
  const byId = new Map(gold.map((g) => [g.id, g]));
  const bands: Array<[number, number]> = Array.from({ length: 10 }, () => [0, 0]);
  let n = 0;
  let correct = 0;
  for (const r of records) {
    const g = byId.get(r.doc_id);
    if (!g || "error" in r) continue;
    for (const s of r.statements) {
      const chars: number[] = [];
      for (let i = s.content.start; i < s.content.end; i++) if (!/\s/.test(g.text[i]!)) chars.push(i);
      const ok = g.attributions.some((a) => {
        const inside = chars.filter((i) => a.content.some((f) => f.start <= i && i < f.end)).length;
        if (chars.length === 0 || inside / chars.length < 0.5) return false;
        const ps = s.source;
        return (a.source.length === 0 && !ps) || (ps !== null && a.source.some((f) => f.start < ps.end && ps.start < f.end));
      });
      const band = bands[Math.min(9, Math.floor(s.confidence * 10))]!;
      band[0]++;
      if (ok) band[1]++;
      if (s.confidence >= threshold) {
        n++;
        if (ok) correct++;
      }
    }
  }
  return { bands, high: { threshold, n, correct, precision: n ? correct / n : 0 } };
}
