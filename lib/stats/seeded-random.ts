/**
 * mulberry32: a small, fast, seeded 32-bit PRNG, uniform in [0, 1) and the same sequence on every
 * run and machine (simulations, generated benchmark data, reproducible shuffles in tests). Not for
 * anything secret.
 * @example const rnd = mulberry32(42); rnd(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
