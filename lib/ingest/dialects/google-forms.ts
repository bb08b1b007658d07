import { headerBlocks } from "../header-blocks";
import { isDateLike } from "../values";
import { buildFromBlocks } from "./build";
import { headerAt, headerWidth, type Dialect } from "./types";

/** "Timestamp" as Google Forms writes it in the response sheet's language. */
const TIMESTAMP =
  /^(timestamp|marca temporal|horodatage|zeitstempel|carimbo de data\/hora|informazioni cronologiche|tijdstempel|sygnatura czasowa|tidsstempel|tidsstämpel|aikaleima|отметка времени|ประทับเวลา|タイムスタンプ|时间戳|時間戳記|타임스탬프|dấu thời gian|zaman damgası|stempel waktu)$/i;

/**
 * Google Forms response sheets (CSV or TSV): one header row of question texts, first column
 * `Timestamp` (localised), checkbox answers joined in one cell by `, ` (or `;`).
 *
 * @example
 * googleForms.detect([["Timestamp", "Q1"], ["12/6/2018 11:57:58", "Yes"]]); // 0.9
 */
export const googleForms: Dialect = {
  format: "google-forms",
  headerRows: 1,
  detect(rows) {
    const head = (rows[0]?.[0] ?? "").trim();
    if (!TIMESTAMP.test(head) || (rows[0]?.length ?? 0) < 2) return 0;
    const data = rows.slice(1).map((r) => r[0] ?? "").filter((v) => v);
    if (!data.length) return 0.6;
    return 0.6 + (0.3 * data.filter(isDateLike).length) / data.length;
  },
  blocks(headers) {
    const cols = Array.from({ length: headerWidth(headers) }, (_, index) => ({
      index,
      header: headerAt(headers, 0, index),
      ...(index === 0 ? { type: "date" as const } : {}),
    }));
    return headerBlocks(cols);
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
