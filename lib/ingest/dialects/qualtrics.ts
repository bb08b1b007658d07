import { buildFromBlocks } from "./build";
import { qualtricsBlocks, type QualtricsColumn } from "./qualtrics-blocks";
import { qualtricsMetaType } from "./qualtrics-meta";
import { headerAt, headerWidth, type Dialect } from "./types";

/** `{"ImportId":"QID1"}` (JSON) or `{'ImportId': 'QID3-1'}` (python-dict style, 2016–2017). */
const IMPORT_ID = /^\{\s*["']ImportId["']\s*:\s*["']([^"']*)["']/;

/**
 * The ImportId inside a third-row cell, or null.
 *
 * @example
 * parseImportId(`{'ImportId': 'QID3-1'}`); // "QID3-1"
 */
export function parseImportId(cell: string): string | null {
  return IMPORT_ID.exec(cell.trim())?.[1] ?? null;
}

/**
 * Block key from an ImportId: `QID2-1` → `QID2`, `QID2-1-3` → `QID2-1`, `QID2_TEXT` → `QID2`;
 * current exports use `_` for choices and grid rows: `QID2_1` → `QID2`, `QID2_4_TEXT` → `QID2`.
 */
function importKey(id: string): string {
  const base = id.replace(/_TEXT.*$/i, "");
  if (!base.startsWith("QID")) return "";
  const dash = base.lastIndexOf("-");
  if (dash > 0) return base.slice(0, dash);
  return base.replace(/^(QID\d+)_\d+$/, "$1");
}

/**
 * Current ("Insights") Qualtrics CSV: 3 header rows (export tags, question text in the survey's
 * language, ImportId). Metadata is recognised by ImportId, so the German `Anfangsdatum` works.
 *
 * @example
 * qualtrics.detect([["Q1"], ["Text"], ['{"ImportId":"QID1"}']]); // 1
 */
export const qualtrics: Dialect = {
  format: "qualtrics",
  headerRows: 3,
  detect(rows) {
    const third = (rows[2] ?? []).filter((c) => c.trim() !== "");
    if (!third.length) return 0;
    const share = third.filter((c) => parseImportId(c) !== null).length / third.length;
    return share >= 0.5 ? share : 0;
  },
  blocks(headers) {
    const columns: QualtricsColumn[] = Array.from({ length: headerWidth(headers) }, (_, index) => {
      const tag = headerAt(headers, 0, index);
      const importId = parseImportId(headerAt(headers, 2, index)) ?? "";
      return {
        index,
        tag,
        text: headerAt(headers, 1, index),
        key: importKey(importId),
        sidecar: /_TEXT/i.test(importId) || /_TEXT$/i.test(tag),
        meta: qualtricsMetaType(importId) ?? (importId.startsWith("QID") ? null : qualtricsMetaType(tag)),
      };
    });
    return qualtricsBlocks(columns);
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
