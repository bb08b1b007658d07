import type { QuestionType } from "@/lib/schema/question";
import { headerBlocks } from "../header-blocks";
import { buildFromBlocks } from "./build";
import { headerAt, headerWidth, type Dialect } from "./types";

type Columns = { index: number; header: string; type?: QuestionType }[];

function oneRowDialect(format: Dialect["format"], detect: Dialect["detect"], meta: Map<string, QuestionType>, rewrite: (cols: Columns) => Columns = (c) => c): Dialect {
  return {
    format,
    headerRows: 1,
    detect,
    blocks(headers) {
      const cols = Array.from({ length: headerWidth(headers) }, (_, index) => {
        const header = headerAt(headers, 0, index);
        const type = meta.get(header.trim().toLowerCase());
        return { index, header, ...(type ? { type } : {}) };
      });
      return headerBlocks(rewrite(cols), format);
    },
    build(headers, profile) {
      return buildFromBlocks(this.blocks(headers), profile);
    },
  };
}

const has = (rows: string[][], names: string[]) => names.every((n) => (rows[0] ?? []).some((h) => h.trim().toLowerCase() === n));

/**
 * Alchemer (SurveyGizmo) CSV: one header row starting with `Time Started`, `Date Submitted`,
 * `Status`; write-ins as `Other - Write In:<question>`.
 *
 * @example
 * alchemer.detect([["Time Started", "Date Submitted", "Status"]]); // 0.7
 */
export const alchemer = oneRowDialect(
  "alchemer",
  (rows) => (has(rows, ["time started", "date submitted"]) ? 0.7 : 0),
  new Map<string, QuestionType>([
    ["time started", "date"],
    ["date submitted", "date"],
    ["response id", "id"],
    ["status", "metadata"],
    ["ip address", "metadata"],
    ["referer", "metadata"],
    ["user agent", "metadata"],
  ]),
);

/**
 * ODK / KoboToolbox / SurveyCTO CSV: one header row with an `instanceID` (or `meta/instanceID`,
 * `_uuid`, `_submission_time`, `formdef_version`, or `KEY` with `SubmissionDate`) column. System
 * columns (`_status`, GPS, SIM and device ids, audit links, …) are typed by `systemColumnType`.
 *
 * @example
 * odk.detect([["start", "end", "instanceID"]]); // 0.6
 */
export const odk = oneRowDialect(
  "odk",
  // SurveyCTO: `KEY` with `SubmissionDate`, or `formdef_version`
  (rows) => (["instanceid", "meta/instanceid", "_uuid", "formdef_version", "_submission_time"].some((n) => has(rows, [n])) || has(rows, ["key", "submissiondate"]) ? 0.6 : 0),
  new Map<string, QuestionType>([
    ["instanceid", "id"],
    ["meta/instanceid", "id"],
    ["_uuid", "id"],
    ["_id", "id"],
    ["start", "date"],
    ["end", "date"],
    ["submissiondate", "date"],
    ["_submission_time", "date"],
    ["deviceid", "metadata"],
  ]),
  splitWithAnySeparator,
);

/**
 * KoboToolbox lets the export's group separator be any text (`.`, `-`, `:` besides `/`): a
 * select_multiple's 0/1 columns are then `q.opt` after the joined `q`. Those columns are read as
 * `q/opt` (the split layout `headerBlocks` knows), only right after a column headed `q`.
 *
 * @example
 * splitWithAnySeparator([{ index: 0, header: "g.reason" }, { index: 1, header: "g.reason.safety" }])[1].header; // "g.reason/safety"
 */
export function splitWithAnySeparator(cols: Columns): Columns {
  let main: string | null = null;
  return cols.map((c) => {
    const h = c.header.trim();
    if (main && !c.type && h.length > main.length + 1 && h.startsWith(main) && /^[.:\-|]$/.test(h[main.length]) && !h.slice(main.length + 1).includes(h[main.length])) {
      return { ...c, header: `${main}/${h.slice(main.length + 1)}` };
    }
    main = c.type ? null : h;
    return c;
  });
}
