/** Bounds ("more than 100"), hedges ("about 30") and increments ("3,000 more") around a draft mention. */
import NUMBER_BOUNDS from "../../lexicons/number-bounds.json" with { type: "json" };
import NUMBER_HEDGES from "../../lexicons/number-hedges.json" with { type: "json" };
import NUMBER_INCREMENTS from "../../lexicons/number-increments.json" with { type: "json" };
import NUMBER_WORDS from "../../lexicons/number-words.json" with { type: "json" };
import { type Bound, type Draft, matchedLength, type View } from "./draft.js";
import { alternation, lookup } from "./lexicon-patterns.js";

const BOUND_PREFIX: Readonly<Record<string, string>> = NUMBER_BOUNDS.prefix;
const BOUND_SUFFIX: Readonly<Record<string, string>> = NUMBER_BOUNDS.suffix;
const HEDGE_BOUNDS: Readonly<Record<string, string>> = NUMBER_HEDGES.hedgeBounds;
/** inflected forms of the verbs that take "over" as a particle ("handed over", "took over") */
const OVER_PARTICLE_VERBS = new Set(Object.values(NUMBER_BOUNDS.overParticleVerbs).flat());

/**
 * Is the bound phrase "over" that ends at `end` the particle of the verb right before it ("Russia handed
 * over 6,000 bodies")? Then it belongs to the verb and gives no bound.
 */
function overIsParticle(before: string, phrase: string): boolean {
  if (phrase.toLowerCase() !== "over") return false;
  const verb = /([A-Za-z]+)\s+over\s+(?:the\s+)?$/i.exec(before);
  return !!verb && OVER_PARTICLE_VERBS.has(verb[1]!.toLowerCase());
}

const BOUND_PREFIX_RE = new RegExp(
  `(?:^|[^\\w])(${alternation(Object.keys(BOUND_PREFIX))})\\s+((?:the\\s+)?)$`,
  "i",
);
const SYMBOL_PREFIX_RE = /(?:^|[^<>=≥≤])(>\s?=|<\s?=|≥|≤|>|<|=)\s*$/;
const HEDGE_PREFIX_RE = new RegExp(`(?:^|[^\\w])(${alternation(NUMBER_HEDGES.hedges)})\\s+$`, "i");
const INCREMENT_PREFIX_RE = new RegExp(`(?:^|[^\\w])(${alternation(NUMBER_INCREMENTS.prefix)})\\s+$`, "i");
const BOUND_SUFFIX_RE = new RegExp(`^\\s*(${alternation(Object.keys(BOUND_SUFFIX))})(?![\\w])`, "i");
const OR_EQUAL_RE = new RegExp(`^\\s*(${alternation(NUMBER_BOUNDS.orEqualSuffix)})(?![\\w])`, "i");
const INCREMENT_SUFFIX_RE = new RegExp(
  `^\\s+(${alternation(NUMBER_INCREMENTS.suffix)})(?![\\w])(?!\\s+(?:${alternation(NUMBER_INCREMENTS.suffixBlockers)})\\b)`,
  "i",
);
const HEDGE_SUFFIX_RE = new RegExp(`^\\s*(${alternation(NUMBER_HEDGES.suffixHedges)})(?![\\w])`, "i");
const NUMBER_AHEAD = new RegExp(
  `^\\s*(?:[-−]?\\d|(?:${alternation([...Object.keys(NUMBER_WORDS.units), ...Object.keys(NUMBER_WORDS.tens), "a", "an", "the"])})\\b)`,
  "i",
);

const PERCENT_OF_BEFORE_RE = /(?:^|[^\w])((?:per\s?cents?|percents?|percentage)\s+of)\s+$/i;

/** Bounds, hedges and increments before and after the mention; repeats until nothing changes. */
export function modifiers(d: Draft, v: View): void {
  for (let guard = 0; guard < 6; guard++) {
    let changed = false;
    const before = v.before(d.start);
    const bp = d.bound || d.equality ? null : BOUND_PREFIX_RE.exec(before);
    // "over two years" spans two years; "over 200 buildings" is more than 200
    const spanning = bp && d.kind === "duration" && /^over$/i.test(bp[1]!);
    if (bp && (!bp[2] || d.kind === "ordinal") && !spanning && !overIsParticle(before, bp[1]!)) {
      const b = lookup(BOUND_PREFIX, bp[1]!);
      d.start -= matchedLength(bp);
      if (b && b !== "none") d.bound = b as Bound;
      else d.equality = true;
      changed = true;
    } else if (!d.bound && !d.equality) {
      const sym = SYMBOL_PREFIX_RE.exec(before);
      if (sym) {
        const s = sym[1]!.replace(/\s/g, "");
        const b = (
          { ">=": ">=", "<=": "<=", "≥": ">=", "≤": "<=", ">": ">", "<": "<" } as Record<string, Bound>
        )[s];
        d.start -= matchedLength(sym);
        if (b) d.bound = b;
        else d.equality = true;
        changed = true;
      }
    }
    if (!changed && !d.approx) {
      const h = HEDGE_PREFIX_RE.exec(v.before(d.start));
      // "how about 20?" asks, it does not hedge
      if (h && !(h[1]!.toLowerCase() === "about" && /\b(?:how|what)\s+about\s+$/i.test(v.before(d.start)))) {
        d.start -= matchedLength(h);
        d.approx = true;
        const hb = lookup(HEDGE_BOUNDS, h[1]!);
        if (hb && !d.bound) d.bound = hb as Bound;
        changed = true;
      }
    }
    if (
      !changed &&
      !d.incremental &&
      (d.kind === "cardinal" || d.kind === "money" || d.kind === "duration")
    ) {
      const inc = INCREMENT_PREFIX_RE.exec(v.before(d.start));
      if (inc) {
        d.start -= matchedLength(inc);
        d.incremental = true;
        changed = true;
      }
    }
    if (!changed && d.kind === "cardinal" && !d.needsModifier) {
      const pof = PERCENT_OF_BEFORE_RE.exec(v.before(d.start));
      if (pof) {
        d.start -= matchedLength(pof);
        d.kind = "percent";
        d.yearish = false;
        changed = true;
      }
    }
    const after = v.after(d.end);
    if (!changed && (!d.bound || d.equality)) {
      const sb = BOUND_SUFFIX_RE.exec(after);
      const rest = sb ? after.slice(sb[0].length) : "";
      // "or less than 6000" starts another mention
      const another =
        sb && ((/(than|to)$/i.test(sb[1]!) && NUMBER_AHEAD.test(rest)) || /^\s+(?:than|to)\b/i.test(rest));
      if (sb && !another) {
        d.end += sb[0].length;
        d.bound = lookup(BOUND_SUFFIX, sb[1]!) as Bound;
        changed = true;
      }
    }
    if (!changed && (d.bound === "<" || d.bound === ">")) {
      const oe = OR_EQUAL_RE.exec(after);
      if (oe && !NUMBER_AHEAD.test(after.slice(oe[0].length))) {
        d.end += oe[0].length;
        d.bound = d.bound === "<" ? "<=" : ">=";
        changed = true;
      }
    }
    if (!changed && !d.incremental && d.kind === "cardinal" && (!d.bound || d.vague)) {
      const inc = INCREMENT_SUFFIX_RE.exec(after);
      if (inc) {
        d.end += inc[0].length;
        d.incremental = true;
        changed = true;
      }
    }
    if (!changed && !d.approx) {
      const hs = HEDGE_SUFFIX_RE.exec(after);
      if (hs) {
        d.end += hs[0].length;
        d.approx = true;
        changed = true;
      }
    }
    if (!changed) return;
    d.yearish = false;
  }
}
