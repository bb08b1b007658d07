/** A source of uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * Hashes a string seed into four 32-bit words (cyrb128), so that related seeds
 * ("…-v1", "…-v2") still start the generator in unrelated states.
 *
 * @example
 * seedWords("demo"); // [n1, n2, n3, n4], each 0 ≤ n < 2^32
 */
export function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * sfc32 ("Small Fast Counting" generator, Chris Doty-Humphrey's PractRand suite): 128-bit state,
 * passes PractRand, and is plain 32-bit integer arithmetic, so it gives the same stream on every
 * JavaScript engine.
 *
 * @example
 * const rng = sfc32(1, 2, 3, 4);
 * rng(); // a float in [0, 1)
 */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  let s0 = a >>> 0;
  let s1 = b >>> 0;
  let s2 = c >>> 0;
  let s3 = d >>> 0;
  return () => {
    const t = (((s0 + s1) >>> 0) + s3) >>> 0;
    s3 = (s3 + 1) >>> 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) >>> 0;
    s2 = (s2 << 21) | (s2 >>> 11);
    s2 = (s2 + t) >>> 0;
    return t / 4294967296;
  };
}

/**
 * A seeded generator: hashes the seed, then discards the first 15 outputs (sfc32's warm-up).
 *
 * @example
 * const rng = createRng("ai-agents-production-v1");
 * const u = rng(); // same value on every run
 */
export function createRng(seed: string): Rng {
  const rng = sfc32(...seedWords(seed));
  for (let i = 0; i < 15; i++) rng();
  return rng;
}
