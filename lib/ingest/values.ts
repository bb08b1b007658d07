/**
 * Conservative recognisers for cell values. Regexes are linear (no nested quantifiers) and run
 * only on length-capped strings.
 */

/**
 * A plain decimal (`0`, `17`, `2.50`: no sign, no leading zero, at most 15 integer and 20 fraction
 * digits), written once for JS and for the store's RE2: `parseNumber` reads it as `Number(cell)`,
 * the same correctly rounded double a SQL cast gives (see PlainNumberSummary).
 */
export const PLAIN_DECIMAL_PATTERN = "(0|[1-9][0-9]{0,14})([.][0-9]{1,20})?";

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LEADING_ZERO = /^[+-]?0\d/;
const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * The number a cell holds, or null: no thousands separators or decimal commas (locale-dependent),
 * no `NaN`/`Infinity`/`1e309`, no `0x10`, no leading-zero codes like `00123` (identifiers),
 * no integers beyond 2^53 (they would be rounded).
 *
 * @example
 * parseNumber("-12.5"); // -12.5
 * parseNumber("00123"); // null
 */
export function parseNumber(cell: string): number | null {
  if (cell.length > 40) return null;
  const t = cell.trim();
  if (!NUMBER.test(t) || LEADING_ZERO.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  if (INTEGER_TEXT.test(t) && !Number.isSafeInteger(n)) return null;
  return n;
}

/**
 * Whether a cell looks like a code with leading zeros (`007`, `00123`), which must stay text.
 *
 * @example
 * hasLeadingZero("0042"); // true
 */
export function hasLeadingZero(cell: string): boolean {
  return cell.length <= 40 && LEADING_ZERO.test(cell) && /^[+-]?\d+$/.test(cell);
}

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const DATE_PATTERNS = [
  // ISO 8601 date, optional time, fraction and zone
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z| ?[+-]\d{2}:?\d{2})?)?$/,
  // US M/D/YY or M/D/YYYY, optional H:MM(:SS) and AM/PM (SurveyMonkey, Google Forms)
  /^\d{1,2}\/\d{1,2}\/(?:\d{2}|\d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?$/,
  // Y/M/D (Google Forms in Thai and other locales: `2562/07/26 10:06:06 หลังเที่ยง GMT+7`)
  /^\d{4}\/\d{1,2}\/\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?(?: \S+)?(?: GMT[+-]\d{1,2})?)?$/,
  // D.M.YYYY (German and others)
  /^\d{1,2}\.\d{1,2}\.\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
  // 17 November 2016 / November 17, 2016
  new RegExp(`^\\d{1,2} (?:${MONTHS}) \\d{4}$`, "i"),
  new RegExp(`^(?:${MONTHS}) \\d{1,2}, \\d{4}$`, "i"),
];

/**
 * Whether a cell looks like a date or timestamp in a format survey tools export.
 *
 * @example
 * isDateLike("5/10/18 4:01"); // true
 * isDateLike("2018"); // false
 */
export function isDateLike(cell: string): boolean {
  if (cell.length < 6 || cell.length > 64) return false;
  return DATE_PATTERNS.some((re) => re.test(cell));
}

/** Values that mean "no answer" in microdata exports (R's `NA`). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set(["NA"]);

/** Cell values that mean "shown but not chosen" in one-column-per-option multi-selects. */
export const UNCHECKED_TOKENS: ReadonlySet<string> = new Set(["0", "Not selected", "Not Selected", "FALSE", "False", "false"]);
