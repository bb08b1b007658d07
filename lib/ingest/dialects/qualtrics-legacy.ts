import { buildFromBlocks } from "./build";
import { qualtricsBlocks, type QualtricsColumn } from "./qualtrics-blocks";
import { qualtricsMetaType } from "./qualtrics-meta";
import { headerAt, headerWidth, type Dialect } from "./types";

/** Block key from a legacy export tag: `Q2_1_3` → `Q2_1`, `Q9_1` → `Q9`, `Q6_TEXT` → `Q6`. */
function tagKey(tag: string): string {
  const base = tag.replace(/_TEXT$/i, "").trim();
  const cut = base.lastIndexOf("_");
  return cut > 0 ? base.slice(0, cut) : base;
}

/**
 * Legacy Qualtrics CSV: 2 header rows (`V1..V10` then export tags; names / question text), a
 * BOM and a trailing empty column. `V1..V10` are metadata named by the second row.
 *
 * @example
 * qualtricsLegacy.detect([["V1", "V2", "V3", "Q1"], ["ResponseID", "ResponseSet", "Name", "Q?"]]); // 1
 */
export const qualtricsLegacy: Dialect = {
  format: "qualtrics-legacy",
  headerRows: 2,
  detect(rows) {
    const first = rows[0] ?? [];
    if (!["V1", "V2", "V3"].every((v, i) => first[i]?.trim() === v)) return 0;
    return (rows[1] ?? []).some((c) => /^ResponseI[dD]$/.test(c.trim())) ? 1 : 0.8;
  },
  blocks(headers) {
    const columns: QualtricsColumn[] = Array.from({ length: headerWidth(headers) }, (_, index) => {
      const tag = headerAt(headers, 0, index);
      const name = headerAt(headers, 1, index);
      const vColumn = /^V\d+$/.test(tag.trim());
      const meta = vColumn ? (qualtricsMetaType(name) ?? "metadata") : qualtricsMetaType(tag);
      return {
        index,
        tag: vColumn ? name || tag : tag,
        text: name,
        key: meta || !tag.trim() ? "" : tagKey(tag),
        sidecar: /_TEXT$/i.test(tag.trim()),
        meta,
      };
    });
    return qualtricsBlocks(columns);
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
