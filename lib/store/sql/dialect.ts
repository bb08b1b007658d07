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
  /**
   * the expression that orders a data table's rows as in the file: DuckDB's `rowid` (rows are
   * only ever appended in file order and never deleted, so it runs 0..n-1), PostgreSQL's stored `rid`
   */
  rowOrder: string;
  /**
   * the record key of the cell-key method (lib/disclosure/cell-key): the first 12 bits of
   * MD5(secret ":" row ordinal), an integer uniform on 0..4095, the same on both backends
   */
  recordKey(secretParam: string): string;
  /**
   * true when per-row expressions must be computed once in a fenced subquery before aggregating
   * (PostgreSQL inlines them into every aggregate); false when the engine de-duplicates them (DuckDB)
   */
  fenceRows: boolean;
}

export const duckdbDialect: SqlDialect = {
  finiteNumber: (e) => `(CASE WHEN isfinite(TRY_CAST(trim(${e}) AS DOUBLE)) THEN TRY_CAST(trim(${e}) AS DOUBLE) END)`,
  hasToken: (e, d, t) => `contains(${d} || ${e} || ${d}, ${d} || ${t} || ${d})`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  rowOrder: "rowid",
  fenceRows: false,
  recordKey: (s) => `CAST(('0x' || substr(md5(CAST(${s} AS VARCHAR) || ':' || CAST(rowid AS VARCHAR)), 1, 3)) AS INTEGER)`,
};

/** C-locale `isspace`, the white space R's `as.numeric` and DuckDB's cast ignore around a number */
const PG_SPACE = "[ \\t\\n\\v\\f\\r]";
/**
 * Plain decimals that a PostgreSQL cast turns into a finite double without error: at most 200
 * characters (so the mantissa is below 1e200 and a non-zero value above 1e-200) and a one- or
 * two-digit exponent. Everything else that might still be a number (hex, "1e", huge exponents,
 * underflow) goes to the `surveyscope_finite_double` function the PostgreSQL store installs.
 */
const PG_FAST_NUMBER = `'^${PG_SPACE}*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,2})?${PG_SPACE}*$'`;

/** Name of the SQL function (lib/store/postgres/migrations.ts) behind the slow path of `finiteNumber`. */
export const PG_FINITE_DOUBLE_FN = "surveyscope_finite_double";

export const postgresDialect: SqlDialect = {
  // PostgreSQL 15 has no TRY_CAST and its cast raises on overflow/underflow, so only text known to
  // be safe is cast inline; the rare rest is parsed R-style by a (slower) plpgsql function.
  finiteNumber: (e) =>
    `(CASE WHEN length(${e}) <= 200 AND ${e} ~ ${PG_FAST_NUMBER} THEN CAST(${e} AS DOUBLE PRECISION) WHEN ${e} ~ '[0-9]' THEN ${PG_FINITE_DOUBLE_FN}(${e}) END)`,
  hasToken: (e, d, t) => `(strpos(CAST(${d} AS TEXT) || ${e} || CAST(${d} AS TEXT), CAST(${d} AS TEXT) || CAST(${t} AS TEXT) || CAST(${d} AS TEXT)) > 0)`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  rowOrder: "rid",
  fenceRows: true,
  recordKey: (s) => `CAST(CAST(('x' || lpad(substr(md5(CAST(${s} AS TEXT) || ':' || CAST(rid AS TEXT)), 1, 3), 8, '0')) AS BIT(32)) AS INTEGER)`,
};
