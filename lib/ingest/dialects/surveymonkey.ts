import type { QuestionType } from "@/lib/schema/question";
import type { Block } from "../blocks";
import { systemColumnType } from "../system-columns";
import { buildFromBlocks } from "./build";
import { headerAt, headerWidth, type Dialect } from "./types";

const RESPONSE = /^(Response|Open-Ended Response)$/;

/** SurveyMonkey's leading metadata columns. */
const META = new Map<string, QuestionType>([
  ["respondent id", "id"],
  ["respondentid", "id"],
  ["collector id", "metadata"],
  ["collectorid", "metadata"],
  ["start date", "date"],
  ["startdate", "date"],
  ["end date", "date"],
  ["enddate", "date"],
  ["ip address", "metadata"],
  ["email address", "metadata"],
  ["first name", "metadata"],
  ["last name", "metadata"],
  ["custom data 1", "metadata"],
  ["custom data", "metadata"],
]);

/**
 * SurveyMonkey "expanded" CSV: 2 header rows. Row 1 holds the question text only over the first
 * column of each question block; row 2 holds `Response` / `Open-Ended Response` for single
 * answers, or the option / item label (`Other (please specify)` for write-ins).
 *
 * @example
 * surveyMonkey.detect([["Q1", "", "Q2"], ["Response", "Other (please specify)", "Response"]]); // 0.9
 */
export const surveyMonkey: Dialect = {
  format: "surveymonkey",
  headerRows: 2,
  detect(rows) {
    const second = rows[1] ?? [];
    const responses = second.filter((c) => RESPONSE.test(c.trim())).length;
    if (!responses) return 0;
    const first = rows[0] ?? [];
    return first.some((c) => RESPONSE.test(c.trim())) ? 0 : 0.9;
  },
  blocks(headers) {
    const blocks: Block[] = [];
    let current: Block | null = null;
    for (let index = 0; index < headerWidth(headers); index++) {
      const question = headerAt(headers, 0, index).trim();
      const sub = headerAt(headers, 1, index).trim();
      const meta = META.get(question.toLowerCase()) ?? (question ? systemColumnType(question) : undefined);
      if (meta) {
        blocks.push({ id: question, label: question, columns: [{ index, id: question, label: question, option: "", header: question, type: meta }] });
        current = null;
        continue;
      }
      if (question || !current) {
        current = { id: question || `col${index + 1}`, label: question || sub || `Column ${index + 1}`, columns: [] };
        blocks.push(current);
      }
      const response = RESPONSE.test(sub) || sub === "";
      const label = response ? current.label : `${current.label} - ${sub}`;
      current.columns.push({ index, id: response ? current.id : `${current.id} ${sub}`, label, option: sub, header: question || sub });
    }
    return blocks;
  },
  build(headers, profile) {
    return buildFromBlocks(this.blocks(headers), profile);
  },
};
