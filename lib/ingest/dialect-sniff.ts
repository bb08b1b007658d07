import { countLineBreaks } from "./byte-count";
import { parseCore, type Newline } from "./papa-core";
import { IngestError } from "./types";

/** Delimiters tried, in order of preference on ties. */
export const DELIMITERS = [",", "\t", ";", "|"] as const;
const SAMPLE_RECORDS = 100;

/**
 * The line ending used between records, judged outside quoted fields: "\r\n", "\n" or "\r".
 *
 * @example
 * detectNewline('a,"x\ny"\r\nb,c\r\n'); // "\r\n"
 */
export function detectNewline(sample: string): Newline {
  const outside = sample.replace(/"[^"]*"/g, "");
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < outside.length; i++) {
    const c = outside.charCodeAt(i);
    if (c === 13) {
      if (outside.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      }
      else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return "\r\n";
  if (cr > lf) return "\r";
  return "\n";
}

interface Trial {
  delimiter: string;
  counts: number[];
  lines: number[];
  errors: number;
}

function trial(sample: string, delimiter: string, newline: Newline, final: boolean): Trial {
  const counts: number[] = [];
  const lines: number[] = [];
  let errors = 0;
  let start = 0;
  let line = 1;
  parseCore(sample, delimiter, newline, !final, (row) => {
    const blank = row.cells.length === 1 && row.cells[0].trim() === "";
    if (!blank && counts.length < SAMPLE_RECORDS) {
      counts.push(row.cells.length);
      lines.push(line);
      errors += row.errors.length;
    }
    line += countLineBreaks(sample, start, row.end, newline);
    start = row.end;
  });
  return { delimiter, counts, lines, errors };
}

function score(t: Trial): number {
  if (!t.counts.length) return 0;
  const header = t.counts[0];
  if (header < 2) return 0;
  const same = t.counts.filter((c) => c === header).length / t.counts.length;
  return t.errors ? same / 2 : same;
}

/**
 * Whether `"` quotes fields. Always for `,` `;` `|`; for tab only when the sample has a cell
 * that is quoted from start to end (R, Excel), since Google Sheets writes TSV without quoting
 * and cells such as `"Native" interface` must stay as they are.
 *
 * @example
 * detectQuoting('a\t"Native" b\n', "\t"); // false
 */
export function detectQuoting(sample: string, delimiter: string): boolean {
  if (delimiter !== "\t") return true;
  let quoted = 0;
  let open = 0;
  for (const cell of sample.split(/\t|\r?\n|\r/)) {
    if (!cell.startsWith('"')) continue;
    if (cell.length >= 2 && cell.endsWith('"')) quoted++;
    else open++;
  }
  return quoted > 0 && quoted >= open;
}

/**
 * Choose the field delimiter from a text sample by how consistently each candidate splits the
 * records into the header's number of fields. `.tsv`/`.tab` files are tab-delimited. Throws a
 * located IngestError when records use different delimiters (e.g. a `;` header over `,` rows).
 *
 * @example
 * detectDelimiter("a;b\n1;2\n", "\n", true); // ";"
 */
export function detectDelimiter(sample: string, newline: Newline, final: boolean, fileName?: string): string {
  if (fileName && /\.(tsv|tab)$/i.test(fileName)) return "\t";
  const trials = DELIMITERS.map((d) => trial(sample, d, newline, final));
  let best = trials[0];
  let bestScore = score(best);
  for (const t of trials.slice(1)) {
    const s = score(t);
    if (s > bestScore || (s === bestScore && s > 0 && t.counts[0] > best.counts[0])) {
      best = t;
      bestScore = s;
    }
  }
  if (bestScore === 0) return ",";
  best.counts.forEach((count, i) => {
    if (count !== 1) return;
    const other = trials.find((t) => t !== best && t.counts[i] > 1);
    if (!other) return;
    const line = best.lines[i];
    const name = (d: string) => (d === "\t" ? "tab" : `"${d}"`);
    const message = `mixed delimiters: line ${line} is split by ${name(other.delimiter)} but the header by ${name(best.delimiter)}; pass an explicit delimiter`;
    throw new IngestError("mixed-delimiters", message, [{ code: "mixed-delimiters", message, row: line }]);
  });
  return best.delimiter;
}
