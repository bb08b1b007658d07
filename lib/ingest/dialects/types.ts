import type { Question, SourceFormat } from "@/lib/schema/question";
import type { Block } from "../blocks";
import type { DatasetProfile } from "../profile";

/**
 * A vendor's export layout. `detect` scores the first records (header rows included) from 0
 * (not this vendor) to 1 (certain); `blocks` groups columns from the header rows alone (known
 * before the data streams, so the profiler can track per-block counts); `build` turns header
 * rows plus profiles into questions.
 */
export interface Dialect {
  format: SourceFormat;
  headerRows: number;
  detect(firstRows: string[][]): number;
  blocks(headers: string[][]): Block[];
  build(headers: string[][], profile: DatasetProfile): Question[];
}

/** The text of header row `row` over column `col` ("" when the row is shorter). */
export const headerAt = (headers: string[][], row: number, col: number): string => headers[row]?.[col] ?? "";

/** Number of columns the header rows span. */
export const headerWidth = (headers: string[][]): number => Math.max(0, ...headers.map((r) => r.length));
