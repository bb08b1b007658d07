import { AppError } from "@/lib/schema/errors";

/**
 * Dashboard-level filters: one set of answers per question, applied to every tile whose dataset
 * has that question (through the same protected path as the tile itself). In URLs and the API they
 * are repeated `filter` parameters, `filter=<question id>=<code>|<code>`.
 */
export type DashboardFilters = Record<string, string[]>;

export const MAX_DASHBOARD_FILTERS = 8;
export const MAX_FILTER_VALUES = 100;
const SEP = "|";

/**
 * Parse `filter` parameters (bad ones are a located 400, never guessed).
 * @example parseDashboardFilters(new URLSearchParams("filter=country=DE|FR")) // { country: ["DE", "FR"] }
 */
export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const raw = params.getAll("filter");
  if (raw.length > MAX_DASHBOARD_FILTERS) throw new AppError("bad_request", `at most ${MAX_DASHBOARD_FILTERS} dashboard filters`, { param: "filter" });
  const out: DashboardFilters = {};
  for (const item of raw) {
    const at = item.indexOf("=");
    const column = at > 0 ? item.slice(0, at) : "";
    const values = at > 0 ? [...new Set(item.slice(at + 1).split(SEP).filter((v) => v !== ""))] : [];
    if (!column || column.length > 200 || values.length === 0) throw new AppError("bad_request", "each filter is <question id>=<answer code>|<answer code>", { param: "filter" });
    if (values.length > MAX_FILTER_VALUES) throw new AppError("bad_request", `at most ${MAX_FILTER_VALUES} answers per filter`, { param: "filter" });
    out[column] = out[column] ? out[column].filter((v) => values.includes(v)) : values;
  }
  return out;
}

/**
 * The query string for filters (stable order), to build links that keep them.
 * @example dashboardFilterQuery({ country: ["DE", "FR"] }) // "filter=country%3DDE%7CFR"
 */
export function dashboardFilterQuery(filters: DashboardFilters): string {
  const p = new URLSearchParams();
  for (const col of Object.keys(filters).sort()) if (filters[col].length) p.append("filter", `${col}=${filters[col].join(SEP)}`);
  return p.toString();
}

/** How the dashboard's filters combine with one tile's own filters. */
export interface MergedFilters {
  filters: Record<string, string[]>;
  /** dashboard filters on questions this tile's dataset does not have (named by id) */
  notApplicable: string[];
  /** filters whose answers exclude each other (the view's and the dashboard's): the tile is empty by definition */
  disjoint: string[];
}

/**
 * AND the dashboard's filters into a tile's filters: a question both filter is narrowed to the
 * answers both allow; a question the dataset lacks is reported, not applied.
 * @example mergeFilters({ country: ["DE"] }, { industry: ["Retail"], region: ["EU"] }, ["country", "industry"]) // { filters: { country: ["DE"], industry: ["Retail"] }, notApplicable: ["region"], disjoint: [] }
 */
export function mergeFilters(own: Readonly<Record<string, readonly string[]>>, dashboard: DashboardFilters, questionIds: readonly string[]): MergedFilters {
  const filters: Record<string, string[]> = Object.fromEntries(Object.entries(own).map(([k, v]) => [k, [...v]]));
  const notApplicable: string[] = [];
  const disjoint: string[] = [];
  for (const [col, values] of Object.entries(dashboard)) {
    if (!questionIds.includes(col)) {
      notApplicable.push(col);
      continue;
    }
    const narrowed = filters[col] ? filters[col].filter((v) => values.includes(v)) : [...values];
    if (narrowed.length === 0) disjoint.push(col);
    filters[col] = narrowed;
  }
  return { filters, notApplicable, disjoint };
}
