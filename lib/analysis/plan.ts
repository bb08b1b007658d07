/**
 * A crosstab spec resolved against a dataset's question model: every name replaced by storage
 * column names and the rule that decides y, missingness and filter membership. Pure data,
 * produced by `resolveCrosstabSpec`, consumed by the store's SQL builders.
 */
export type ValueSource =
  /** one stored column; `missingCodes` are treated like an empty cell */
  | { kind: "column"; column: string; missingCodes: string[] }
  /**
   * a multi-select outcome: y = 1 when the respondent chose any of `choices` (one option, or a NET
   * such as "any of A, B"); missing when the question was not answered (`answered` layout)
   */
  | { kind: "multi-option"; choices: MultiChoice[]; answered: MultiLayout; missingCodes: string[] };

export interface MultiChoice {
  option: string;
  layout: MultiLayout;
}

export type MultiLayout =
  | { layout: "delimited"; column: string; delimiter: string }
  | { layout: "columns"; optionColumn: string; allColumns: string[]; uncheckedCodes: string[] };

export type FilterPlan =
  /** keep rows whose column value (as text) is one of `values`; an empty cell never passes */
  | { kind: "values"; column: string; values: string[] }
  /** keep rows that chose at least one of the listed options of a multi-select */
  | { kind: "multi-any"; choices: MultiChoice[] };

export interface CrosstabPlan {
  statistic: "proportion" | "mean";
  outcome: ValueSource;
  /** proportion: outcome values that count as y = 1 (for a multi-option: the option) */
  outcomeCategories: string[];
  segment: { column: string; missingCodes: string[] };
  weight?: { column: string };
  filters: FilterPlan[];
  segmentLevels?: string[];
  missingSegment: "drop" | "include_in_total";
  confLevel: number;
  /**
   * the cell-key method (a dataset under the `perturbed` policy, for an aggregate-only audience): the
   * query also sums each cell's record keys, derived in SQL from the dataset's secret and row ordinal
   */
  cellKey?: { secret: string };
}

/** The text used for "chosen" / "not chosen" cells of a multi-select option outcome. */
export const CHOSEN = "Selected";
export const NOT_CHOSEN = "Not selected";
