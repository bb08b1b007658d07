/** The few SQL spellings that differ between DuckDB and PostgreSQL. */
export interface SqlDialect {
  /** a text expression parsed as a finite double, NULL otherwise (R's as.numeric + is.finite) */
  finiteNumber(expr: string): string;
  /** true when the delimited text `expr` contains the token given by parameter `param` */
  hasToken(expr: string, delimiterParam: string, tokenParam: string): string;
  /** a double literal cast */
  double(expr: string): string;
}

export const duckdbDialect: SqlDialect = {
  finiteNumber: (e) => `(CASE WHEN isfinite(TRY_CAST(trim(${e}) AS DOUBLE)) THEN TRY_CAST(trim(${e}) AS DOUBLE) END)`,
  hasToken: (e, d, t) => `list_contains(string_split(${e}, ${d}), ${t})`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
};

const NUMERIC_RE = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

export const postgresDialect: SqlDialect = {
  finiteNumber: (e) => `(CASE WHEN ${e} ~ ${NUMERIC_RE} THEN CAST(trim(${e}) AS DOUBLE PRECISION) END)`,
  hasToken: (e, d, t) => `(${t} = ANY(string_to_array(${e}, ${d})))`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
};
