import fs from "node:fs";

/** rows in `writeNumbersCsv`'s file */
export const NUMBERS_ROWS = 6000;

/**
 * Test fixture for the bulk path's plain-number summaries: mostly-distinct number columns with
 * more than 1 000 distinct values repeated later (so the first values' counts run past any
 * prefix), decimals that are integers (`3.0`), one late non-plain cell per column (`-4`, `007`,
 * ` 12 `), 16-digit ids beyond the summary's 15 digits, and a weight column named as one (its
 * typed shadow is filled by the load). Column 6 is the weight.
 *
 * @example
 * writeNumbersCsv(path.join(dir, "numbers.csv"));
 */
export function writeNumbersCsv(file: string): void {
  const lines = ["id,repeat,late_sign,late_zero,big,few,weight,spaced"];
  for (let i = 0; i < NUMBERS_ROWS; i++) {
    const late = i === NUMBERS_ROWS - 7;
    lines.push(
      [
        i + 1,
        i % 3 === 0 ? `${i % 1500}.0` : i % 3 === 1 ? `${(i % 1500) / 4}` : `${i % 1500}`,
        late ? "-4" : `${i}.25`,
        late ? "007" : `${i * 3}`,
        i % 2 ? `12345678901234${i % 10}` : `1234567890123456`,
        i % 800,
        i % 11 === 0 ? "" : `${(1 + (i % 97) / 100).toFixed(i % 3)}`,
        late ? " 12 " : `${i * 7}`,
      ].join(","),
    );
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
}
