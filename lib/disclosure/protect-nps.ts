import type { NpsBlock, NpsResult } from "@/lib/stats/nps";

type Shown<T> = T & { suppressed: boolean; display: string | null };

function hide<T extends NpsBlock>(b: T, k: number): Shown<T> {
  return {
    ...b,
    n: null as unknown as number,
    weighted_n: null as unknown as number,
    sum_w2: null as unknown as number,
    n_eff_kish: null,
    deff_kish: null,
    promoters: null as unknown as number,
    passives: null as unknown as number,
    detractors: null as unknown as number,
    unweighted: null,
    weighted: null,
    suppressed: true,
    display: `< ${k}`,
  };
}

/**
 * Small-cell protection for an NPS breakdown: a segment with fewer than k respondents (or whose
 * promoter, passive or detractor count is 1..k−1) is hidden, and when exactly one segment is
 * hidden the next smallest is hidden too so total − others cannot recover it.
 *
 * @example protectNps(result, 5).segments[0].display // "< 5" for a segment of 3
 */
export type ProtectedNps<R extends NpsResult = NpsResult> = Omit<R, "segments" | "excluded_not_0_10" | "rows"> & {
  segments: Shown<R["segments"][number]>[];
  /** null when the population is under k (0 included) */
  excluded_not_0_10: number | null;
} & (R extends { rows: infer X } ? { rows: X | null } : unknown);

/** Keeps whatever else the result carries (the route's rows, spec and dataset). */
export function protectNps<R extends NpsResult>(r: R, k: number): ProtectedNps<R> {
  // a population under k (none at all included) answers one data-free, fully hidden shape, so the
  // filters cannot tell zero from small
  if (r.total.n < k) {
    return {
      ...r,
      excluded_not_0_10: null,
      ...("rows" in r ? { rows: null } : {}),
      total: hide(r.total, k),
      segments: r.segments.map((s) => hide(s, k)),
    } as unknown as ProtectedNps<R>;
  }
  const small = (x: number) => x > 0 && x < k;
  const isSmall = (b: NpsBlock) => small(b.n) || small(b.promoters) || small(b.passives) || small(b.detractors);
  const hidden = new Set(r.segments.filter(isSmall).map((s) => s.segment));
  if (hidden.size === 1) {
    const next = r.segments.filter((s) => !hidden.has(s.segment) && s.n > 0).sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.segment);
  }
  return {
    ...r,
    total: isSmall(r.total) ? hide(r.total, k) : r.total,
    segments: r.segments.map((s) => (hidden.has(s.segment) ? hide(s, k) : { ...s, suppressed: false, display: null })),
  } as unknown as ProtectedNps<R>;
}
