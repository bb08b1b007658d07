import type { Block } from "../blocks";
import { headerBlocks, type HeaderColumn } from "../header-blocks";
import { systemColumnType } from "../system-columns";
import { buildFromBlocks } from "./build";
import { attachWriteIns, dualScaleKey, typeNonAnswers } from "./limesurvey-blocks";
import { headerAt, headerWidth, type Dialect } from "./types";

/** `submitdate. Date submitted`, `G01Q02[SQ001]. Rate these [Speed]`: a code, a dot, the full text */
const CODED = /^([\p{L}\p{N}_]+(?:\[[^\]]*\])*)\.\s+([\s\S]*)$/u;
/** the heading of a LimeSurvey system column in "full question text" style, without codes */
const TEXT_META = new Map([
  ["response id", "id"],
  ["date submitted", "date"],
  ["date started", "date"],
  ["date last action", "date"],
  ["last page", "metadata"],
  ["start language", "metadata"],
  ["seed", "metadata"],
  ["ip address", "metadata"],
  ["referrer url", "metadata"],
  ["total time", "metadata"],
  ["token", "id"],
] as const);

/** timing columns in full-text style: `Group time: Likes`, `Question time: Q1` */
const TIME_TEXT = /^(group time|question time)\s*:/i;

const code = (header: string) => CODED.exec(header.trim())?.[1] ?? null;

function columns(headers: string[][]): { cols: HeaderColumn[]; texts: string[] } {
  const cols: HeaderColumn[] = [];
  const texts: string[] = [];
  for (let index = 0; index < headerWidth(headers); index++) {
    const header = headerAt(headers, 0, index);
    const m = CODED.exec(header.trim());
    const key = (m ? m[1] : dualScaleKey(header)).trim();
    const text = m ? m[2].trim() : header.trim();
    const type = systemColumnType(key, "limesurvey") ?? TEXT_META.get(text.toLowerCase() as never) ?? (TIME_TEXT.test(text) ? "metadata" : undefined) ?? (/\[(other|comment)\]$/i.test(key) ? "text" : undefined);
    cols.push({ index, header: key, ...(type ? { type } : {}) });
    texts.push(text);
  }
  return { cols, texts };
}

/** the question text without a trailing `[Subquestion]` */
const stemText = (t: string) => t.replace(/\s*\[[^\]]*\]\s*$/, "").trim();
const subText = (t: string) => /\[([^\]]*)\]\s*$/.exec(t)?.[1]?.trim() ?? "";

/**
 * LimeSurvey "Export responses" CSV with "full question text" headings (with or without the
 * question code: `submitdate. Date submitted`, `Q1[SQ001]. Text [Sub]`, or `Date submitted`,
 * `Text [Sub]`): the same layout as the code headings, so array (grid) questions stay one block
 * per question, labelled by their text, with sub-questions as options or rows.
 *
 * @example
 * limesurveyFull.detect([["id. Response ID", "submitdate. Date submitted", "lastpage. Last page"]]); // 0.8
 */
export const limesurveyFull: Dialect = {
  format: "limesurvey",
  headerRows: 1,
  detect(rows) {
    const first = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const coded = ["submitdate", "lastpage", "startlanguage"].filter((k) => first.some((h) => code(h) === k)).length;
    if (coded >= 2) return 0.8;
    const text = ["date submitted", "last page", "start language"].filter((k) => first.includes(k)).length;
    return text >= 2 && first.includes("response id") ? 0.76 : 0;
  },
  blocks(headers): Block[] {
    const { cols, texts } = columns(headers);
    return attachWriteIns(headerBlocks(typeNonAnswers(cols), "limesurvey")).map((b) => {
      const own = b.columns.map((c) => texts[c.index]);
      const label = b.columns.length > 1 ? stemText(own[0]) || b.label : own[0] || b.label;
      return {
        ...b,
        label,
        columns: b.columns.map((c, k) => ({ ...c, label: own[k] || c.label, option: b.columns.length > 1 ? subText(own[k]) || c.option : c.option })),
      };
    });
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
