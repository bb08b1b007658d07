import { headerBlocks } from "../header-blocks";
import { buildFromBlocks } from "./build";
import { headerAt, headerWidth, type Dialect } from "./types";

const LEADING = ["id", "start time", "completion time"];

/**
 * Microsoft Forms "Open in Excel" responses saved as CSV: one header row `ID`, `Start time`,
 * `Completion time`, `Email`, `Name` (and `Last modified time` in newer exports), then one column
 * per question; multi-select answers joined by `;` (each followed by one: `A;B;`). `Email` and
 * `Name` identify the respondent (ids, locked for exports); the times are dates.
 *
 * @example
 * microsoftForms.detect([["ID", "Start time", "Completion time", "Email", "Name", "Q1"]]); // 0.8
 */
export const microsoftForms: Dialect = {
  format: "microsoft-forms",
  headerRows: 1,
  detect(rows) {
    const first = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    if (!LEADING.every((n) => first.includes(n))) return 0;
    return first.includes("email") || first.includes("name") ? 0.8 : 0.5;
  },
  blocks: (headers) => headerBlocks(Array.from({ length: headerWidth(headers) }, (_, index) => ({ index, header: headerAt(headers, 0, index) })), "microsoft-forms"),
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
