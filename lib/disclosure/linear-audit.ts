/**
 * An exact check of what a set of released sums gives away: which unknowns are determined by a
 * linear system (released cells and margins), by Gauss–Jordan elimination over the rationals
 * (BigInt fractions, no rounding). An unknown x_j is determined iff the unit vector e_j lies in
 * the row space of the coefficient matrix; the right-hand sides do not matter for that.
 *
 * This is the linear part of an intruder's reasoning. Bounds from non-negativity (a hidden cell
 * pinned between 0 and a margin) are not modelled; the suppression rules keep every failing
 * residual ≥ k and never pick a zero complement, which is what leaves hidden cells room on both
 * sides.
 */

/** One equation: coefficient per unknown (knowns are already on the right-hand side). */
export type LinearEquation = Readonly<Record<string, number>>;

interface Fraction {
  n: bigint;
  d: bigint;
}

const ZERO: Fraction = { n: BigInt(0), d: BigInt(1) };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < BigInt(0) ? -a : a;
  let y = b < BigInt(0) ? -b : b;
  while (y !== BigInt(0)) [x, y] = [y, x % y];
  return x;
}

function norm(n: bigint, d: bigint): Fraction {
  if (n === BigInt(0)) return ZERO;
  const g = gcd(n, d);
  const s = d < BigInt(0) ? BigInt(-1) : BigInt(1);
  return { n: (s * n) / g, d: (s * d) / g };
}

const sub = (a: Fraction, b: Fraction): Fraction => norm(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction): Fraction => norm(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction): Fraction => norm(a.n * b.d, a.d * b.n);
const isZero = (a: Fraction) => a.n === BigInt(0);

/**
 * The unknowns whose value the equations determine exactly.
 * @example determinedUnknowns([{ a: 1, b: 1 }, { b: 1 }], ["a", "b", "c"]) // Set {"a", "b"}
 * @example determinedUnknowns([{ a: 1, b: 1 }], ["a", "b"]) // Set {}
 */
export function determinedUnknowns(equations: readonly LinearEquation[], unknowns: readonly string[]): Set<string> {
  const col = new Map(unknowns.map((u, j) => [u, j]));
  const m: Fraction[][] = equations.map((eq) => {
    const row = unknowns.map(() => ZERO);
    for (const [u, c] of Object.entries(eq)) {
      const j = col.get(u);
      if (j === undefined) throw new RangeError(`not an unknown: ${u}`);
      if (!Number.isInteger(c)) throw new RangeError(`coefficients must be integers: ${u}`);
      row[j] = norm(BigInt(c), BigInt(1));
    }
    return row;
  });
  // Gauss–Jordan to reduced row echelon form
  const pivots: number[] = [];
  let r = 0;
  for (let j = 0; j < unknowns.length && r < m.length; j++) {
    const p = m.findIndex((row, i) => i >= r && !isZero(row[j]));
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const lead = m[r][j];
    m[r] = m[r].map((x) => div(x, lead));
    for (let i = 0; i < m.length; i++) {
      if (i === r || isZero(m[i][j])) continue;
      const f = m[i][j];
      m[i] = m[i].map((x, c) => sub(x, mul(f, m[r][c])));
    }
    pivots.push(j);
    r++;
  }
  // e_j is in the row space iff the reduced row with pivot j has no other non-zero entry
  const out = new Set<string>();
  pivots.forEach((j, i) => {
    if (m[i].every((x, c) => c === j || isZero(x))) out.add(unknowns[j]);
  });
  return out;
}
