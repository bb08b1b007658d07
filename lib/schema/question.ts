import { z } from "zod";

/** Kinds of question the importer recognises. */
export const questionTypeSchema = z.enum([
  "single", // one choice from a list
  "multi", // several choices: one column per option, or one delimited cell
  "ordinal", // ordered scale (Likert, 0–10, frequency); options carry their order
  "numeric", // a number (age, spend, duration)
  "text", // open text
  "date", // date or timestamp
  "id", // respondent identifier (never a segment, never aggregated)
  "weight", // a survey weight column
  "metadata", // vendor metadata (status, IP, progress, …)
]);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** One stored column: generated SQL-safe name, the header texts as metadata. */
export const storedColumnSchema = z.object({
  /** position in the file, 0-based */
  index: z.number().int().nonnegative(),
  /** generated storage name, `c0…cN`; never derived from the header */
  name: z.string().regex(/^c\d+$/),
  /** the text of each header row for this column (1 row for plain CSV, 3 for Qualtrics, …) */
  headers: z.array(z.string()),
});
export type StoredColumn = z.infer<typeof storedColumnSchema>;

export const questionOptionSchema = z.object({
  /** the raw value as it appears in the data (for one-column-per-option multi: the column's option label) */
  code: z.string(),
  /** display label */
  label: z.string(),
  /** respondents choosing this option */
  count: z.number().int().nonnegative(),
  /** for one-column-per-option multi-selects: the column holding this option */
  column: z.string().optional(),
});
export type QuestionOption = z.infer<typeof questionOptionSchema>;

/**
 * How an option order was found, for the review screen: "numeric" (numbers or numbered labels),
 * "range" (bands ordered by their lower bound), "vocabulary" (a known scale wording or frequency),
 * "codes" (answer codes such as `A1`…`A9`, ordered by their number: weak), "frequency-fallback"
 * (no order found: options by how often they were chosen).
 */
export const orderBasisSchema = z.enum(["numeric", "range", "vocabulary", "codes", "frequency-fallback"]);
export type OrderBasis = z.infer<typeof orderBasisSchema>;

/** The question a grid row belongs to: rows × one shared scale. */
export const gridRefSchema = z.object({
  /** the grid's id (shared by its rows) */
  id: z.string().min(1),
  /** the grid's question text */
  label: z.string(),
  /** the row questions' ids, in order */
  rows: z.array(z.string()).min(1),
});
export type GridRef = z.infer<typeof gridRefSchema>;

export const questionSchema = z.object({
  /** stable id within the dataset (export tag or sanitised header, deduplicated) */
  id: z.string().min(1),
  /** question text shown to users */
  label: z.string(),
  type: questionTypeSchema,
  /** storage names of the columns this question reads (1 except for column-per-option multi-selects) */
  columns: z.array(z.string()).min(1),
  /** ordered options for single / multi / ordinal; empty for the other types */
  options: z.array(questionOptionSchema).default([]),
  /** values treated as missing (besides the empty cell) */
  missingCodes: z.array(z.string()).default([]),
  /**
   * non-substantive answers found at import ("No answer", "Don't know", "Prefer not to say", …):
   * also in `missingCodes` (out of the base, NETs, means and diverging charts) and not in
   * `options` (never a scale position), listed here so they stay visible as their own rows
   */
  nonSubstantive: z.array(questionOptionSchema).optional(),
  /** how the option order was found (single / ordinal); absent for other types */
  orderBasis: orderBasisSchema.optional(),
  /** small integer codes with no labels in the file (education 1…6): categorical, value labels wanted */
  needsValueLabels: z.boolean().optional(),
  /** grid row: the grid question (rows × one scale) this row belongs to */
  grid: gridRefSchema.optional(),
  /** multi-select layout */
  multi: z
    .object({
      layout: z.enum(["columns", "delimited"]),
      /** delimited layout: the separator between chosen options (";", ", ", " ") */
      delimiter: z.string().optional(),
      /** columns layout: cell values that mean "shown but not chosen" (e.g. "0", "Not selected"); an empty cell is never chosen */
      uncheckedCodes: z.array(z.string()).default([]),
    })
    .optional(),
  /** grid / block grouping (e.g. the Likert grid a row belongs to) */
  group: z.string().optional(),
  /** respondents with a non-missing answer */
  answered: z.number().int().nonnegative().default(0),
});
export type Question = z.infer<typeof questionSchema>;

/** A located problem found while importing. Rows and columns are 1-based as users count them. */
export const importIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** 1-based line of the record in the file (header rows included) */
  row: z.number().int().positive().optional(),
  /** 1-based column */
  column: z.number().int().positive().optional(),
  /** byte offset in the original file */
  byteOffset: z.number().int().nonnegative().optional(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const sourceFormatSchema = z.enum([
  "qualtrics",
  "qualtrics-legacy",
  "surveymonkey",
  "google-forms",
  "alchemer",
  "typeform",
  "limesurvey",
  "microsoft-forms",
  "odk",
  "microdata",
  "spss", // an SPSS system file (.sav/.zsav): the question model comes from its dictionary
]);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;
