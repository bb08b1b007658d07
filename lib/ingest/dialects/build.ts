import type { Question } from "@/lib/schema/question";
import { buildBlock, type Block } from "../blocks";
import type { DatasetProfile } from "../profile";
import { IdAllocator } from "../question-ids";

/**
 * Questions for a dialect's blocks. A column with a blank header and no data at all (the
 * trailing column of legacy Qualtrics exports, SO 2019's column 2) gets no question.
 *
 * @example
 * buildFromBlocks(blocks, profile).map((q) => q.id); // ["ResponseId", "Q1", …]
 */
export function buildFromBlocks(blocks: Block[], profile: DatasetProfile): Question[] {
  const ids = new IdAllocator();
  const out: Question[] = [];
  for (const block of blocks) {
    const cols = block.columns.filter((c) => c.header.trim() !== "" || profile.columns[c.index].nonEmpty > 0 || block.columns.length > 1);
    if (!cols.length) continue;
    out.push(...buildBlock({ ...block, columns: cols }, profile, ids));
  }
  return out;
}
