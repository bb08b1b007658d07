import type { QuestionType } from "@/lib/schema/question";
import { headerBlocks } from "../header-blocks";
import { buildFromBlocks } from "./build";
import { headerAt, headerWidth, type Dialect } from "./types";

function oneRowDialect(format: Dialect["format"], detect: Dialect["detect"], meta: Map<string, QuestionType>): Dialect {
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
      return headerBlocks(cols, format);
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
);
