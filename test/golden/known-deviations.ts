/**
 * Fields where R's output is floating-point noise that no exact computation reproduces:
 * svyttest's t when the two-segment design SE is 0 in exact arithmetic (every respondent of both
 * segments has the same y, or each segment is constant). R's svyglm leaves ~1e-17 residuals, so
 * it reports t ≈ ±1e15 (or t = 0.16 for 0/0); we report t = null (undefined) and the p-value
 * R would give for an exact zero SE (0 when the difference is not 0, null when it is).
 */
export const KNOWN_DEVIATIONS: Record<string, string[]> = {
  "p6_extreme/x1_by_seg_unw": [
    "pairwise[B|C].weighted.svyttest.t",
    "pairwise[B|D].weighted.svyttest.t",
    "pairwise[B|D].weighted.svyttest.p_value",
    "pairwise[B|E].weighted.svyttest.t",
    "pairwise[C|D].weighted.svyttest.t",
  ],
  "p6_extreme/x1_by_seg_w_noleg": [
    "pairwise[B|C].weighted.svyttest.t",
    "pairwise[B|D].weighted.svyttest.t",
    "pairwise[B|D].weighted.svyttest.p_value",
    "pairwise[B|E].weighted.svyttest.t",
    "pairwise[C|D].weighted.svyttest.t",
  ],
};
