import type { QuestionType } from "@/lib/schema/question";
import type { Block } from "../blocks";
import { splitCommonText } from "./qualtrics-meta";

/** One Qualtrics column as the header rows describe it. */
export interface QualtricsColumn {
  index: number;
  /** export tag (`Q2_1`, `Q1#1_1`, `Q6_TEXT`) or metadata name */
  tag: string;
  /** question text (any language) */
  text: string;
  /** columns sharing a key (and adjacent) form one block */
  key: string;
  /** `_TEXT` write-in sidecar */
  sidecar: boolean;
  /** metadata type, or null for question columns */
  meta: QuestionType | null;
}

function tagStem(tags: string[]): string {
  let n = 0;
  while (n < tags[0].length && tags.every((t) => t[n] === tags[0][n])) n++;
  return tags[0].slice(0, n).replace(/[_#:\s-]+$/, "") || tags[0];
}

/**
 * Group Qualtrics columns into blocks: metadata columns alone (typed), adjacent columns with the
 * same key together, `_TEXT` sidecars typed as text. Multi-column blocks read integer codes as
 * grid scales (ordinal), single columns as recodes (single choice).
 *
 * @example
 * qualtricsBlocks(columns).map((b) => b.id); // ["StartDate", …, "Q2", "Q3"]
 */
export function qualtricsBlocks(columns: QualtricsColumn[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < columns.length) {
    const c = columns[i];
    if (c.meta || !c.key) {
      const type = c.meta ?? undefined;
      blocks.push({ id: c.tag, label: c.text || c.tag, columns: [{ index: c.index, id: c.tag, label: c.text || c.tag, option: "", header: c.tag, type }] });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < columns.length && !columns[j].meta && columns[j].key === c.key) j++;
    const run = columns.slice(i, j);
    const main = run.filter((r) => !r.sidecar);
    const { label, options } = splitCommonText((main.length ? main : run).map((r) => r.text));
    const optionOf = new Map((main.length ? main : run).map((r, k) => [r.index, options[k]]));
    blocks.push({
      id: run.length > 1 ? tagStem(run.map((r) => r.tag)) : c.tag,
      label: run.length > 1 ? label : c.text || c.tag,
      integerCodes: main.length > 1 ? "ordinal" : "single",
      columns: run.map((r) => ({
        index: r.index,
        id: r.tag,
        label: r.text || r.tag,
        option: optionOf.get(r.index) || r.tag,
        header: r.tag,
        ...(r.sidecar ? { type: "text" as const } : {}),
      })),
    });
    i = j;
  }
  return blocks;
}
