/**
 * Hand-built banner results for the chart tests (and for looking at the charts): a 5-point Likert
 * outcome by a 4-level region, a single-choice outcome by two banner groups, a wave trend, a mean
 * and a multi-select. Values are exact so expectations can be worked out by hand.
 */
import type { BannerColumn, BannerResult, BannerRow } from "@/lib/schema/banner";

type CellSpec = number | "hidden" | null;

interface ColumnSpec {
  id: string;
  segment?: string;
  segmentLabel?: string;
  level?: string;
  label: string;
  letter?: string;
  n: number;
  weightedN?: number;
  hidden?: boolean;
  lowBase?: boolean;
}

interface RowSpec {
  label: string;
  kind?: BannerRow["kind"];
  /** column id → share (0–1) or mean; "hidden" for a protected cell */
  cells: Record<string, CellSpec>;
  letters?: Record<string, string>;
}

/**
 * Build a schema-shaped BannerResult; CIs are value ± 0.05 (± 0.3 for means), counts value × n.
 * @example buildBanner({ outcome: { id: "q", label: "Q", type: "single" }, columns: [...], rows: [...] })
 */
export function buildBanner(spec: {
  outcome: BannerResult["outcome"];
  statistic?: BannerResult["statistic"];
  weighted?: boolean;
  columns: ColumnSpec[];
  rows: RowSpec[];
}): BannerResult {
  const statistic = spec.statistic ?? "proportion";
  const columns: BannerColumn[] = spec.columns.map((c) => ({
    id: c.id,
    segment: c.segment ?? null,
    segmentLabel: c.segmentLabel ?? null,
    level: c.level ?? null,
    label: c.label,
    letter: c.letter ?? "",
    n: c.hidden ? null : c.n,
    weightedN: c.hidden ? null : (c.weightedN ?? c.n),
    effectiveN: c.hidden ? null : c.n,
    lowBase: c.lowBase ?? false,
    hidden: c.hidden ? "< 5" : null,
  }));
  const half = statistic === "proportion" ? 0.05 : 0.3;
  const rows: BannerRow[] = spec.rows.map((r, i) => ({
    id: `r${i}`,
    codes: [String(i + 1)],
    label: r.label,
    kind: r.kind ?? (statistic === "mean" ? "mean" : "option"),
    cells: spec.columns.map((c) => {
      const v = c.hidden ? "hidden" : (r.cells[c.id] ?? null);
      const hidden = v === "hidden";
      const value = hidden || v === null ? null : v;
      return {
        columnId: c.id,
        value,
        ci: value === null ? null : ([Math.max(0, value - half), statistic === "proportion" ? Math.min(1, value + half) : value + half] as [number, number]),
        count: value === null || statistic === "mean" ? null : Math.round(value * c.n),
        hidden: hidden ? "< 5" : null,
        letters: r.letters?.[c.id] ?? "",
      };
    }),
  }));
  return {
    outcome: spec.outcome,
    statistic,
    weighted: spec.weighted ?? false,
    weighting: spec.weighted ? { weight: "weight", source: "request" as const } : { weight: null, source: "none" as const },
    conf_level: 0.95,
    sig: "holm",
    columns,
    rows,
    tests: [],
    notes: [],
    disclosure: { k: 5, suppressedCells: rows.flatMap((r) => r.cells).filter((c) => c.hidden !== null).length },
    dataset: { id: "ds_fixture", version: 1 },
  };
}

const region = (id: string, label: string, n: number, letter: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  id, segment: "region", segmentLabel: "Region", level: label.toLowerCase(), label, letter, n, ...extra,
});

/** The Total and four regions (West a low base), as the Likert fixtures show them. */
const REGION_COLUMNS = [
  { id: "total", label: "Total", n: 400 },
  region("g0c0", "North", 120, "A"),
  region("g0c1", "South", 110, "B"),
  region("g0c2", "East", 90, "C"),
  region("g0c3", "West", 80, "D", { lowBase: true }),
];

/** 5-point Likert by a 4-level region; one West cell is hidden (West drops out of stacks). */
export const likertByRegion = buildBanner({
  outcome: { id: "trust", label: "I trust automated rollbacks", type: "ordinal" },
  columns: REGION_COLUMNS,
  rows: [
    { label: "Strongly disagree", cells: { total: 0.1, g0c0: 0.05, g0c1: 0.15, g0c2: 0.1, g0c3: "hidden" } },
    { label: "Disagree", cells: { total: 0.2, g0c0: 0.15, g0c1: 0.25, g0c2: 0.2, g0c3: 0.2 } },
    { label: "Neutral", cells: { total: 0.2, g0c0: 0.2, g0c1: 0.2, g0c2: 0.3, g0c3: 0.15 } },
    { label: "Agree", cells: { total: 0.3, g0c0: 0.35, g0c1: 0.3, g0c2: 0.25, g0c3: 0.3 }, letters: { g0c0: "B" } },
    { label: "Strongly agree", cells: { total: 0.2, g0c0: 0.25, g0c1: 0.1, g0c2: 0.15, g0c3: 0.3 } },
  ],
});

/** Single choice by maturity (3 levels) and country (2 levels, "Other" hidden as a whole), plus a NET row. */
export const singleByTwoGroups = buildBanner({
  outcome: { id: "cadence", label: "Deploy cadence", type: "single" },
  weighted: true,
  columns: [
    { id: "total", label: "Total", n: 500, weightedN: 520 },
    { id: "g0c0", segment: "maturity", segmentLabel: "Guardrail maturity", level: "1", label: "Low", letter: "A", n: 200, weightedN: 210 },
    { id: "g0c1", segment: "maturity", segmentLabel: "Guardrail maturity", level: "2", label: "High", letter: "B", n: 300, weightedN: 310 },
    { id: "g1c0", segment: "country", segmentLabel: "Country", level: "us", label: "United States", letter: "A", n: 280, weightedN: 300 },
    { id: "g1c1", segment: "country", segmentLabel: "Country", level: "il", label: "ישראל", letter: "B", n: 218, weightedN: 218 },
    { id: "g1c2", segment: "country", segmentLabel: "Country", level: "other", label: "Other", letter: "C", n: 2, hidden: true },
  ],
  rows: [
    { label: "Daily", cells: { total: 0.5, g0c0: 0.4, g0c1: 0.6, g1c0: 0.55, g1c1: 0.45 } },
    { label: "Weekly", cells: { total: 0.3, g0c0: 0.35, g0c1: 0.25, g1c0: 0.3, g1c1: 0.3 } },
    { label: "Monthly or less", cells: { total: 0.2, g0c0: 0.25, g0c1: 0.15, g1c0: 0.15, g1c1: 0.25 } },
    { label: "Daily or weekly (NET)", kind: "net", cells: { total: 0.8, g0c0: 0.75, g0c1: 0.85, g1c0: 0.85, g1c1: 0.75 } },
  ],
});

const wave = (id: string, level: string, n: number, hidden = false): ColumnSpec => ({
  id, segment: "wave", segmentLabel: "Survey round", level, label: level, n, hidden,
});

/** Yes/No by wave, levels stored out of order ("2024-Q3" before "2024-Q1"); 2025-Q1 "Yes" is hidden. */
export const yesByWave = buildBanner({
  outcome: { id: "rollback", label: "Rolled back a release", type: "single" },
  columns: [
    { id: "total", label: "Total", n: 600 },
    wave("g0c0", "2024-Q3", 150),
    wave("g0c1", "2024-Q1", 140),
    wave("g0c2", "2025-Q1", 160),
    wave("g0c3", "2024-Q4", 150),
  ],
  rows: [
    { label: "Yes", cells: { total: 0.7, g0c0: 0.72, g0c1: 0.65, g0c2: "hidden", g0c3: 0.74 } },
    { label: "No", cells: { total: 0.3, g0c0: 0.28, g0c1: 0.35, g0c2: "hidden", g0c3: 0.26 } },
  ],
});

/** A mean (hours to recover) by region. */
export const meanByRegion = buildBanner({
  outcome: { id: "mttr", label: "Hours to recover", type: "numeric" },
  statistic: "mean",
  columns: [{ id: "total", label: "Total", n: 400 }, region("g0c0", "North", 120, "A"), region("g0c1", "South", 110, "B", { hidden: true })],
  rows: [{ label: "Mean", cells: { total: 4.2, g0c0: 3.1 } }],
});

/** Multi-select shares (overlap: they do not add up to 100%). */
export const multiByRegion = buildBanner({
  outcome: { id: "tools", label: "Tools used", type: "multi" },
  columns: [{ id: "total", label: "Total", n: 400 }, region("g0c0", "North", 120, "A")],
  rows: [
    { label: "Feature flags", cells: { total: 0.6, g0c0: 0.7 } },
    { label: "Canary", cells: { total: 0.5, g0c0: 0.4 } },
  ],
});

/** The Likert by region with two answers out of the base ("Don't know", "Prefer not to say"), listed last. */
export const likertWithNonSubstantive: BannerResult = (() => {
  const extra = buildBanner({
    outcome: likertByRegion.outcome,
    columns: REGION_COLUMNS,
    rows: [
      { label: "Don't know", kind: "nonsubstantive", cells: { total: 0.125, g0c0: 0.1, g0c1: 0.15, g0c2: 0.12, g0c3: "hidden" } },
      { label: "Prefer not to say", kind: "nonsubstantive", cells: { total: 0.05, g0c0: 0.04, g0c1: 0.06, g0c2: 0.05, g0c3: "hidden" } },
    ],
  });
  const n = likertByRegion.rows.length;
  return { ...likertByRegion, rows: [...likertByRegion.rows, ...extra.rows.map((r, i) => ({ ...r, id: `r${n + i}`, codes: [`9${i}`] }))] };
})();
