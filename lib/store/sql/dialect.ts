/** The few SQL spellings that differ between DuckDB and PostgreSQL. */
export interface SqlDialect {
  /** a text expression parsed as a finite double, NULL otherwise (R's as.numeric + is.finite) */
  finiteNumber(expr: string): string;
  /**
   * true when the delimited text `expr` holds the whole option `tokenParam`: the cell, wrapped in
   * delimiters, contains the delimiter-wrapped option. Unlike splitting, this is right for options
   * that themselves contain the delimiter (Google Forms' ", "-joined checkboxes).
   */
  hasToken(expr: string, delimiterParam: string, tokenParam: string): string;
  /** a double literal cast */
  double(expr: string): string;
}

export const duckdbDialect: SqlDialect = {
  finiteNumber: (e) => `(CASE WHEN isfinite(TRY_CAST(trim(${e}) AS DOUBLE)) THEN TRY_CAST(trim(${e}) AS DOUBLE) END)`,
  hasToken: (e, d, t) => `contains(${d} || ${e} || ${d}, ${d} || ${t} || ${d})`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
};

const NUMERIC_RE = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

export const postgresDialect: SqlDialect = {
  finiteNumber: (e) => `(CASE WHEN ${e} ~ ${NUMERIC_RE} THEN CAST(trim(${e}) AS DOUBLE PRECISION) END)`,
  hasToken: (e, d, t) => `(strpos(${d} || ${e} || ${d}, ${d} || ${t} || ${d}) > 0)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
};
