import { formatPercent } from "@/lib/format/number";
import type { BenchmarkFigure } from "@/lib/schema/benchmark";

/** What a tile measures: the share choosing `category` of `outcome` within `filters`. */
export interface TileMeasure {
  datasetId: string;
  outcome: string;
  category: string | undefined;
  filters: Readonly<Record<string, readonly string[]>>;
}

/** A published figure drawn as a line across the tile's chart (display scale: percent points). */
export interface TileReference {
  value: number;
  label: string;
  figureId: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v) => b.includes(v));

/**
 * The published figures that measure exactly what a tile shows, overall (not one segment level):
 * same dataset, same outcome and single category, same filters. Only these become reference
 * lines; a figure for one group (e.g. "among fully mature firms") would mislead as a line across
 * every bar.
 *
 * @example
 * tileReferences(figures, { datasetId: "ai-agents-production", outcome: "rolled_back", category: "Yes", filters: { agent_status: ["Live in production"] } })
 * // [{ value: 74, label: "Sinch 74%", figureId: "sinch-rollback" }]
 */
export function tileReferences(figures: readonly BenchmarkFigure[], m: TileMeasure): TileReference[] {
  return figures.flatMap((f) => {
    const d = f.demoMatch;
    if (!d || f.unit !== "share" || d.dataset !== m.datasetId || d.outcome !== m.outcome || d.segment !== undefined) return [];
    if (typeof d.outcome_category !== "string" || d.outcome_category !== m.category) return [];
    const theirs = d.filters ?? [];
    const ours = Object.entries(m.filters);
    if (theirs.length !== ours.length || !theirs.every((t) => m.filters[t.column] !== undefined && sameSet(t.values, m.filters[t.column]))) return [];
    return [{ value: f.value * 100, label: `${f.publisher} ${formatPercent(f.value, 0)}`, figureId: f.id }];
  });
}
