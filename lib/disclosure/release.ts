/**
 * What a shown crosstab releases, as data the differencing guard can compare: for each shown
 * cell, the set of respondents it describes (a conjunctive predicate: column → allowed values)
 * and its respondent count n (plus the category count for proportions).
 */
import { compareBytes } from "@/lib/engine/byte-compare";
import type { CrosstabSpec } from "@/lib/schema/crosstab-spec";
import type { FilterSet } from "@/lib/schema/disclosure";
import type { ProtectedCrosstab } from "./types";

/** The facts of a release that decide which respondents each cell counts. */
export interface ReleaseMeta {
  datasetVersion: string;
  outcome: string;
  statistic: "proportion" | "mean";
  weight?: string | null;
  /** the segment column */
  segment: string;
  missingSegment: "drop" | "include_in_total";
  /** column → allowed values, as applied (resolved column names and raw codes) */
  filters: Readonly<Record<string, readonly string[]>>;
}

/** One shown cell: the respondents it counts (predicate) and how many (n, count). */
export interface ReleasedCell {
  /** "total" or the segment level */
  label: string;
  /** canonical: columns and values byte-sorted, values unique */
  predicate: FilterSet;
  n: number;
  /** category count when shown (proportions), else null */
  count: number | null;
}

/** Everything one response released; only cells that were shown. */
export interface ReleasedAggregate {
  datasetVersion: string;
  /** canonical JSON of outcome, statistic and weight: cells compare only within one analysis */
  analysisKey: string;
  /** canonical JSON of the filters */
  filterKey: string;
  cells: ReleasedCell[];
}

/**
 * Canonical form of a filter set: columns and values byte-sorted, values de-duplicated.
 * @example canonicalFilters({ b: ["y", "x", "x"], a: ["1"] }) // { a: ["1"], b: ["x", "y"] }
 */
export function canonicalFilters(filters: Readonly<Record<string, readonly string[]>>): FilterSet {
  const out: FilterSet = {};
  for (const col of Object.keys(filters).sort(compareBytes)) out[col] = [...new Set(filters[col])].sort(compareBytes);
  return out;
}

/**
 * Canonical JSON of a filter set (an array of [column, values] pairs, so key order cannot vary).
 * @example canonicalFilterKey({ dept: ["Legal"] }) // '[["dept",["Legal"]]]'
 */
export function canonicalFilterKey(filters: Readonly<Record<string, readonly string[]>>): string {
  return JSON.stringify(Object.entries(canonicalFilters(filters)));
}

/** Conjunction of two predicates: per column the intersection of allowed values. */
function andPredicates(a: FilterSet, b: FilterSet): FilterSet {
  const out: FilterSet = { ...a };
  for (const [col, values] of Object.entries(b)) {
    const allowed = out[col];
    out[col] = allowed === undefined ? [...values] : allowed.filter((v) => values.includes(v));
  }
  return canonicalFilters(out);
}

/**
 * The analysis a release belongs to: cells of different analyses count different respondent sets
 * (missing outcomes and invalid weights are excluded), so they are never compared.
 * @example analysisKeyOf({ outcome: "q1", statistic: "mean", weight: null }) // '["q1","mean",null]'
 */
export function analysisKeyOf(meta: Pick<ReleaseMeta, "outcome" | "statistic" | "weight">): string {
  return JSON.stringify([meta.outcome, meta.statistic, meta.weight ?? null]);
}

/**
 * Release facts from a parsed crosstab spec.
 * @example releaseMetaFromSpec("ds1@3", crosstabSpecSchema.parse({ outcome: "q1", statistic: "mean", segment: "gender" }))
 */
export function releaseMetaFromSpec(datasetVersion: string, spec: CrosstabSpec): ReleaseMeta {
  return {
    datasetVersion,
    outcome: spec.outcome,
    statistic: spec.statistic,
    weight: spec.weight ?? null,
    segment: spec.segment,
    missingSegment: spec.missing_segment,
    filters: spec.filters,
  };
}

/**
 * The shown cells of a protected crosstab with the respondent set each describes. The total
 * counts `filters ∧ segment ∈ levels` (or just `filters` with `include_in_total`); a segment
 * cell counts `filters ∧ segment = level`. Suppressed cells and blocked releases release nothing.
 * @example
 * releaseOf(protectCrosstab(result, { k: 5 }), meta).cells.map((c) => c.label) // ["total", "Sales", ...]
 */
export function releaseOf(result: ProtectedCrosstab, meta: ReleaseMeta): ReleasedAggregate {
  const filters = canonicalFilters(meta.filters);
  const cells: ReleasedCell[] = [];
  const countOf = (b: ProtectedCrosstab["total"]): number | null => ("count" in b && !b.count_suppressed ? b.count : null);
  if (!result.disclosure.blocked) {
    if (result.total.n !== null) {
      const pred = meta.missingSegment === "drop" ? andPredicates(filters, { [meta.segment]: result.segment_levels }) : filters;
      cells.push({ label: "total", predicate: pred, n: result.total.n, count: countOf(result.total) });
    }
    for (const s of result.segments) {
      if (s.n === null) continue;
      cells.push({ label: s.segment, predicate: andPredicates(filters, { [meta.segment]: [s.segment] }), n: s.n, count: countOf(s) });
    }
  }
  return {
    datasetVersion: meta.datasetVersion,
    analysisKey: analysisKeyOf(meta),
    filterKey: canonicalFilterKey(meta.filters),
    cells,
  };
}
