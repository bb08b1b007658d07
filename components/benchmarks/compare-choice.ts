import { defaultMatch, type MatchDataset, type MatchSuggestion } from "@/lib/analysis/benchmark-match";
import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import type { CompareDataset } from "@/lib/services/benchmark-compare";

export const NET = "__net";
export const TOTAL = "Total";

/** What the compare form holds. `outcome` "" = no question chosen yet. */
export interface Choice {
  datasetId: string;
  outcome: string;
  /** an answer code, NET (the figure's curated NET) or a JSON list of codes (a suggested top-2 box) */
  category: string;
  segment: string;
  column: string;
  weighted: boolean;
  useBase: boolean;
  acknowledged: boolean;
}

/** The datasets as the matcher reads them (question wording and answer labels). */
export function matchDatasets(datasets: CompareDataset[]): MatchDataset[] {
  return datasets.map((d) => {
    const byId = new Map([...d.outcomes, ...d.segments].map((q) => [q.id, q]));
    return { id: d.id, name: d.name, questions: [...byId.values()].map((q) => ({ id: q.id, label: q.label, type: q.type, options: q.options })) };
  });
}

/** A suggestion as a form choice. */
export function fromSuggestion(s: MatchSuggestion, ds: CompareDataset): Choice {
  const segment = s.segment ?? ds.segments.find((q) => q.id !== s.outcome)?.id ?? "";
  return {
    datasetId: ds.id,
    outcome: s.outcome,
    category: Array.isArray(s.category) ? JSON.stringify(s.category) : (s.category ?? ""),
    segment,
    column: s.segment ? s.column : TOTAL,
    weighted: ds.weight !== null,
    useBase: false,
    acknowledged: false,
  };
}

function empty(ds: CompareDataset): Choice {
  return { datasetId: ds.id, outcome: "", category: "", segment: ds.segments[0]?.id ?? "", column: TOTAL, weighted: ds.weight !== null, useBase: false, acknowledged: false };
}

/**
 * The preselected reading: the figure's curated reading when its dataset is there, else the best
 * suggestion only when it is a strong match, else no question at all (never "the first question").
 */
export function defaultChoice(figure: BenchmarkFigure, datasets: CompareDataset[], datasetId?: string): Choice {
  const m = figure.demoMatch;
  const pinned = datasetId ? datasets.filter((d) => d.id === datasetId) : datasets;
  const curated = pinned.find((d) => d.id === m?.dataset);
  if (m && curated && curated.outcomes.some((q) => q.id === m.outcome)) {
    return {
      datasetId: curated.id,
      outcome: m.outcome,
      category: Array.isArray(m.outcome_category) ? NET : (m.outcome_category ?? ""),
      segment: m.segment ?? curated.segments.find((q) => q.id !== m.outcome)?.id ?? "",
      column: m.segment_level ?? TOTAL,
      weighted: curated.weight !== null,
      useBase: (m.filters?.length ?? 0) > 0,
      acknowledged: false,
    };
  }
  const best = defaultMatch(figure, matchDatasets(pinned));
  const ds = pinned.find((d) => d.id === best?.datasetId);
  if (best && ds) return fromSuggestion(best, ds);
  return empty(pinned[0] ?? datasets[0]);
}

/** The answer codes a choice counts. */
export function choiceCategory(choice: Choice, figure: BenchmarkFigure): string | string[] {
  const m = figure.demoMatch;
  if (choice.category === NET && m && Array.isArray(m.outcome_category)) return m.outcome_category;
  if (choice.category.startsWith("[")) return JSON.parse(choice.category) as string[];
  return choice.category;
}
