/**
 * What a respondent-level export says about itself, in the file: the dataset, the filters applied,
 * the k-anonymity step (k, the quasi-identifiers, the cells suppressed), the rows and whether the
 * role's cap truncated them, and when it was made. One list of facts for every format: the XLSX
 * "About this export" sheet, the Parquet key/value metadata, the SAV document lines.
 */

export interface RespondentExportAbout {
  dataset: string;
  version: number;
  /** question id → the answer codes kept, as requested */
  filters: Record<string, string[]>;
  k: number;
  /** the quasi-identifier question ids protected by suppression */
  quasiIdentifiers: string[];
  /** filter columns not in the export were protected as quasi-identifiers too */
  hiddenFilterColumns: boolean;
  suppressedCells: number;
  rows: number;
  truncated: boolean;
  /** the role's row cap */
  rowCap: number;
  generatedAt: Date;
}

export type AboutValue = string | number | boolean | string[] | Record<string, string[]>;

/** One fact: a machine key (Parquet metadata `surveyscope.<key>`), a label for people, its value. */
export interface AboutFact {
  key: string;
  label: string;
  value: AboutValue;
}

/**
 * The facts of an export, in reading order. `suppressedAs` says how the format writes a suppressed
 * cell ("* in text columns, empty in number columns", "null").
 *
 * @example aboutFacts(about, "null").find((f) => f.key === "suppressed_cells")?.value // 12
 */
export function aboutFacts(about: RespondentExportAbout, suppressedAs: string): AboutFact[] {
  return [
    { key: "dataset", label: "Dataset", value: about.dataset },
    { key: "dataset_version", label: "Dataset version", value: about.version },
    { key: "filters", label: "Filters applied", value: about.filters },
    { key: "k", label: "k-anonymity k", value: about.k },
    { key: "quasi_identifiers", label: "Quasi-identifiers protected", value: about.quasiIdentifiers },
    { key: "filter_columns_protected", label: "Filter columns (not exported) protected as quasi-identifiers", value: about.hiddenFilterColumns },
    { key: "suppressed_cells", label: "Cells suppressed", value: about.suppressedCells },
    { key: "suppressed_as", label: "Suppressed cells are written as", value: suppressedAs },
    { key: "rows", label: "Rows", value: about.rows },
    { key: "truncated", label: "Truncated at the row cap", value: about.truncated },
    { key: "row_cap", label: "Row cap of your role", value: about.rowCap },
    { key: "row_order", label: "Row order", value: "random, fresh for every export" },
    { key: "generated_at", label: "Generated at (UTC)", value: about.generatedAt.toISOString() },
  ];
}

/**
 * A fact's value as one line of text for people: lists joined, filters as `question: a | b`,
 * booleans as yes/no, none for an empty list.
 *
 * @example factText({ country: ["DE", "FR"] }) // "country: DE | FR"
 */
export function factText(value: AboutValue): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value)) return value.length ? value.join(", ") : "none";
  const entries = Object.entries(value);
  return entries.length ? entries.map(([q, codes]) => `${q}: ${codes.join(" | ")}`).join("; ") : "none";
}

/**
 * A fact's value for machines (Parquet key/value metadata): text and numbers as they are, booleans
 * as true/false, lists and filters as JSON.
 *
 * @example factJson({ country: ["DE"] }) // '{"country":["DE"]}'
 */
export function factJson(value: AboutValue): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The export's provenance as a few sentences (the SAV file's document lines).
 *
 * @example aboutNotes(about, "system-missing in numeric variables, \"*\" in string variables")[0] // 'Surveyscope respondent export of "Demo" version 1: …'
 */
export function aboutNotes(about: RespondentExportAbout, suppressedAs: string): string[] {
  return [
    `Surveyscope respondent export of "${about.dataset}" version ${about.version}: ${about.rows} rows${about.truncated ? ` (truncated at ${about.rowCap})` : ""}, in random order`,
    `Filters: ${Object.keys(about.filters).length ? JSON.stringify(about.filters) : "none"}`,
    `k-anonymity k=${about.k} on ${about.quasiIdentifiers.join(", ") || "no quasi-identifiers"}${about.hiddenFilterColumns ? " and the filter columns" : ""}: ${about.suppressedCells} cells suppressed (${suppressedAs})`,
  ];
}
