/**
 * Integer hashing for features: a feature is a template number and a few integer values, folded
 * with MurmurHash3's mixing steps into one 32-bit key. Strings are hashed once per word (never per
 * feature), so tagging and parsing build no strings.
 */

/** One MurmurHash3 body step: folds value `v` into the running hash `h`. */
export function step(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the whole key (the table uses low bits). */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // 0 marks an empty slot in the weight tables
  return h === 0 ? 1 : h;
}

export function key1(t: number, a: number): number {
  return finish(step(step(0x2545f491, t), a));
}

export function key2(t: number, a: number, b: number): number {
  return finish(step(step(step(0x2545f491, t), a), b));
}

export function key3(t: number, a: number, b: number, c: number): number {
  return finish(step(step(step(step(0x2545f491, t), a), b), c));
}

export function key4(t: number, a: number, b: number, c: number, d: number): number {
  return finish(step(step(step(step(step(0x2545f491, t), a), b), c), d));
}

/** Hash of s.slice(start, end) (UTF-16 code units), lower-cased when `lower`; no substring is built. */
export function hashRange(s: string, start: number, end: number, lower: boolean, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (lower && c >= 65 && c <= 90) c += 32;
    h = step(h, c);
  }
  return finish(step(h, end - start));
}
