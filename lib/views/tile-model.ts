import { SUMMARY, toCrosstabSpec, type BreakdownRequest, type BreakdownState } from "@/lib/analysis/breakdown-state";
import { PERTURBED_LABEL } from "@/lib/disclosure/cell-key/label";
import { getBreakdownRows, type BreakdownSource } from "@/lib/analysis/breakdown-rows";
import { toChartData, type ChartDatum } from "@/lib/analysis/chart-data";
import { formatCount, formatCountOf } from "@/lib/format/number";
import type { DashboardTile } from "@/lib/schema/views";
import type { BannerTable } from "./banner-tile";
import type { BannerResult } from "@/lib/schema/banner";
import type { ChartKind } from "@/lib/analysis/banner-chart-data-kinds";
import type { TileReference } from "./tile-references";

/** The slice of a question a tile needs (id, label, type, options). */
export interface TileQuestion {
  id: string;
  label: string;
  type: string;
  options: { code: string; label: string }[];
}

/** What one dashboard tile shows: a small-cell-protected chart, or why it cannot. */
export type TileData =
  | {
      status: "ready";
      viewId: string;
      name: string;
      size: DashboardTile["size"];
      datasetId: string;
      datasetName: string;
      /** the chart title, as the analyze page writes it */
      title: string;
      statistic: "proportion" | "mean";
      nps: boolean;
      chart: ChartDatum[];
      /** groups hidden by small-cell protection (not in `chart`) */
      hiddenCount: number;
      /** published figures that measure the same share overall, drawn as reference lines */
      references: TileReference[];
      /** banner views (view=banner): every answer by every column; the chart shows the first answer */
      banner: BannerTable | null;
      /** banner views: the released banner result and the chart kind saved with the view */
      bannerResult: BannerResult | null;
      chartKind: ChartKind | null;
      baseNote: string;
      source: string;
      /** link to the analysis, for roles that may run it */
      analyzeHref: string | null;
    }
  | {
      status: "text";
      viewId: string;
      name: string;
      size: DashboardTile["size"];
      text: string;
      analyzeHref: null;
    }
  | {
      status: "unavailable";
      viewId: string;
      name: string;
      size: DashboardTile["size"];
      reason: "view" | "dataset" | "spec" | "withheld";
      message: string;
      analyzeHref: string | null;
    };

const SUMMARY_NAME: Record<string, string> = { [SUMMARY.top2]: "Top 2 box", [SUMMARY.bottom2]: "Bottom 2 box", [SUMMARY.mean]: "Mean score", [SUMMARY.nps]: "NPS" };

/**
 * The request and the chart title of a saved analysis against a dataset's questions (null request:
 * the view no longer matches the questions, e.g. a recoded question was removed).
 *
 * @example
 * describeView({ outcome: "q1", category: "Yes", segment: "c", filters: {} }, questions).title // "“Yes” · Shipped? by Country"
 */
export function describeView(state: BreakdownState, questions: readonly TileQuestion[]): { title: string; request: BreakdownRequest | null } {
  const outcome = questions.find((q) => q.id === state.outcome);
  const segment = questions.find((q) => q.id === state.segment);
  const request = outcome && segment ? toCrosstabSpec(state, { type: outcome.type, codes: outcome.options.map((o) => o.code) }) : null;
  if (!outcome) return { title: "Breakdown", request: null };
  const category = outcome.options.find((o) => o.code === state.category);
  const measure = outcome.type === "numeric" ? "Mean" : (SUMMARY_NAME[state.category ?? ""] ?? `“${category?.label ?? state.category}”`);
  return { title: `${measure} · ${outcome.label}${segment ? ` by ${segment.label}` : ""}`, request };
}

/**
 * The labels of a segment question's answers by code (value labels of coded answers), for the
 * groups of a breakdown.
 * @example segmentLabels("educ", questions) // { "1": "Primary", "2": "Secondary" }
 */
export function segmentLabels(segment: string | undefined, questions: readonly TileQuestion[]): Record<string, string> {
  const q = questions.find((x) => x.id === segment);
  return Object.fromEntries((q?.options ?? []).map((o) => [o.code, o.label]));
}

/** "Agent status: Live in production; Country: Germany or France" (labels, not codes). */
export function describeFilters(filters: Record<string, string[]>, questions: readonly TileQuestion[]): string {
  return Object.entries(filters)
    .map(([id, codes]) => {
      const q = questions.find((x) => x.id === id);
      const labels = codes.map((c) => q?.options.find((o) => o.code === c)?.label ?? c);
      return `${q?.label ?? id}: ${labels.join(" or ")}`;
    })
    .join("; ");
}

/**
 * Chart rows and the base note of a computed (already protected) result, with the same numbers
 * and formatting as the analyze page.
 *
 * @example
 * tileFigures(result, { weighted: true, minBase: 30, conf: 0.95, filters: "" }).baseNote // "Base: n = 412 of 1,571 respondents · weighted · 95% intervals"
 */
export function tileFigures(
  result: BreakdownSource & { rows?: { analytic: number | null; csv: number | null } | null },
  o: { weighted: boolean; minBase: number; conf: number; filters: string; labels?: Record<string, string>; perturbed?: boolean },
): { chart: ChartDatum[]; hiddenCount: number; baseNote: string } {
  const rows = getBreakdownRows(result, { weighted: o.weighted, minBase: o.minBase, labels: o.labels });
  const hiddenCount = rows.filter((r) => r.hidden !== null).length;
  const parts = [
    `Base: n = ${formatCount(result.rows?.analytic)} of ${formatCountOf(result.rows?.csv, "respondent")}`,
    ...(o.filters ? [`filtered (${o.filters})`] : []),
    o.weighted ? "weighted" : "unweighted",
    `${Math.round(o.conf * 100)}% intervals`,
    ...(hiddenCount ? [`${formatCountOf(hiddenCount, "group")} hidden (small, or protecting a small cell)`] : []),
    ...(o.perturbed ? [`counts ${PERTURBED_LABEL}`] : []),
  ];
  // a group nobody in the (filtered) base belongs to has nothing to show: left out, not drawn as "n/a"
  const chart = toChartData(rows, result.statistic).filter((d) => d.isTotal || d.n > 0 || d.value !== null);
  return { chart, hiddenCount, baseNote: parts.join(" · ") };
}
