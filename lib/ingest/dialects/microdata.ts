import { headerBlocks } from "../header-blocks";
import { buildFromBlocks } from "./build";
import { attachWriteIns, checklists } from "./typeform-checklists";
import { headerAt, headerWidth, type Dialect } from "./types";

/**
 * Plain respondent-level files with one header row (R `write.csv`, Stack Overflow, files
 * flattened by their publishers): the fallback dialect. Runs of columns each holding only its own
 * header text are checklists (see `checklists`); a column headed `Other` after a choice is its
 * write-in.
 *
 * @example
 * microdata.detect([["id", "age"], ["1", "34"]]); // 0.1
 */
export const microdata: Dialect = {
  format: "microdata",
  headerRows: 1,
  detect: () => 0.1,
  blocks: (headers) => headerBlocks(Array.from({ length: headerWidth(headers) }, (_, index) => ({ index, header: headerAt(headers, 0, index) }))),
  build(headers, profile) {
    // checklists flattened with one column per option, headed and filled by the option's text
    return attachWriteIns(checklists(buildFromBlocks(this.blocks(headers), profile), headers, profile, () => false), headers);
  },
};
