/**
 * Escaping for every spreadsheet-bound export (CSV, XLSX, respondent CSV), in one place.
 *
 * Formula injection (research/reliability.md C7, OWASP ASVS V1.2.10 ∪ Superset `escape_value`):
 * a text cell whose first non-blank, non-quote character is a formula trigger
 * (`= + - @ | %`, TAB, CR, NUL, or the full-width `＝ ＋ － ＠`) is prefixed with `'` so that
 * spreadsheet apps treat it as text. Ingest is lossless; only exports are escaped. Typed numbers are
 * written as numbers and never pass through here.
 *
 * Round trip: {@link restoreFormulaText} removes exactly the prefix {@link neutralizeFormula} added.
 */
import { stripControls } from "@/lib/format/bidi";

/**
 * Matches a cell a spreadsheet could evaluate: optional leading whitespace and/or double quotes,
 * then a trigger. Covers `=1+2`, ` =1+2`, `""=1+2`, `\t=…`, `\r=…`, `-2+3`, `@SUM(…)`, `%x%`,
 * `|cmd`, DDE `=cmd|'…'!A0`, `=HYPERLINK(…)` and multi-line `=1+2\n…`.
 */
export const FORMULA_TRIGGER = /^[\s"]*[=+\-@|%\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Make a text cell inert in spreadsheet apps by prefixing `'` when it could be read as a formula.
 * Apply to strings only: numeric cells are written as numbers.
 * @example
 * neutralizeFormula("=1+2") // "'=1+2"
 * neutralizeFormula(" =1+2") // "' =1+2"
 * neutralizeFormula("plain text") // "plain text"
 */
export function neutralizeFormula(cell: string): string {
  return needsPrefix(cell) ? `'${cell}` : cell;
}

/**
 * Text bound for a spreadsheet cell (CSV or XLSX table exports): invisible and direction-changing
 * controls removed ({@link stripControls}, no marks added), then {@link neutralizeFormula}. Stripping
 * comes first, so a control cannot hide a leading trigger.
 * @example spreadsheetText("\u2068\u202E=1+2\u2069") // "'=1+2"
 */
export function spreadsheetText(cell: string): string {
  return neutralizeFormula(stripControls(cell));
}

/** A trigger, possibly behind apostrophes already in the data (so the round trip stays exact). */
function needsPrefix(cell: string): boolean {
  return FORMULA_TRIGGER.test(cell.replace(/^'+/, ""));
}

/**
 * Undo {@link neutralizeFormula} (for re-importing an export). Only strips a `'` that was added.
 * @example restoreFormulaText("'=1+2") // "=1+2"
 */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && needsPrefix(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A plain decimal number as text (`-12.5`, `3`, `1e-3`): what typed numeric columns may hold unescaped. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Escape a cell from a typed numeric column: a real number stays as it is (C7 "skips real negative
 * numbers"); anything else is treated as text and neutralized.
 * @example neutralizeNumericText("-12.5") // "-12.5"
 * @example neutralizeNumericText("-2+3") // "'-2+3"
 */
export function neutralizeNumericText(cell: string): string {
  return PLAIN_NUMBER.test(cell) ? cell : neutralizeFormula(cell);
}

/**
 * Quote one CSV field per RFC 4180: fields containing `"`, `,`, CR or LF (or leading/trailing
 * whitespace) are wrapped in double quotes with inner quotes doubled. Does not neutralize formulas:
 * use {@link csvTextField} for text from data.
 * @example csvField('say "hi", then go') // '"say ""hi"", then go"'
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell from data, formula-neutralized then RFC 4180 quoted.
 * @example csvTextField("=1+2") // "'=1+2"
 */
export function csvTextField(value: string): string {
  return csvField(neutralizeFormula(value));
}

/**
 * One CSV record (no line terminator). `null` becomes an empty field. Cells in `numeric` columns that
 * are plain numbers are written unescaped; every other cell is neutralized.
 * @example csvRecord(["a", "=b", null, "-1"], new Set([3])) // "a,'=b,,-1"
 */
export function csvRecord(cells: readonly (string | null)[], numeric: ReadonlySet<number> = new Set()): string {
  return cells
    .map((c, i) => (c === null ? "" : csvField(numeric.has(i) ? neutralizeNumericText(c) : neutralizeFormula(c))))
    .join(",");
}

/** UTF-8 byte order mark, so Excel opens UTF-8 CSV with the right encoding. */
export const UTF8_BOM = "\uFEFF";

/** RFC 4180 record separator. */
export const CSV_EOL = "\r\n";

/**
 * A worksheet name Excel accepts: no `\ / ? * [ ] :`, no control characters, not starting or ending
 * with `'`, at most 31 characters, not empty and not the reserved "History".
 * @example sanitizeSheetName("Q1: [North]/South") // "Q1 North South"
 */
export function sanitizeSheetName(name: string, fallback = "Table"): string {
  const cleaned = Array.from(
    name
      .replace(/[\\/?*[\]:\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .trim(),
  )
    .slice(0, 31)
    .join("")
    .trim();
  return cleaned === "" || cleaned.toLowerCase() === "history" ? fallback : cleaned;
}

/**
 * Escape text for XML/SVG content or a double-quoted attribute value. Characters XML 1.0 forbids
 * (control characters other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the
 * output always parses.
 * @example escapeXml('<img src=x onerror="a">') // "&lt;img src=x onerror=&quot;a&quot;&gt;"
 */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}
