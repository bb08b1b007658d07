import type { Block, BlockColumn } from "./blocks";
import type { SourceFormat } from "@/lib/schema/question";
import { gridGroupId } from "./grid";
import { systemColumnType } from "./system-columns";

const BRACKET = /^(.*\S)\s*\[([^\]]+)\]$|^\[([^\]]+)\]$/;

/** A Google Forms grid row header: `Question text [Row label]` (or `[Row label]` alone). */
export const isBracketHeader = (header: string): boolean => BRACKET.test(header.trim());

/** How a one-row header splits into a block stem and an option: `q4_0001`, `Q - Option`, `3. Python.`, `Q [Row]`. */
export function splitHeader(header: string): { stem: string; option: string } | null {
  const h = header.trim();
  let m = /^(.*\S)\s*\[([^\]]+)\]$/.exec(h) ?? /^\[([^\]]+)\]$/.exec(h);
  if (m) return m.length === 3 ? { stem: m[1], option: m[2] } : { stem: "", option: m[1] };
  m = /^(\d+[a-z]?\d*)\.\s+(.+)$/.exec(h);
  if (m) return { stem: m[1], option: m[2] };
  m = /^(.*\S)\s+-\s+(.+)$/.exec(h);
  if (m) return { stem: m[1], option: m[2] };
  m = /^(.+)_(\d+)$/.exec(h);
  if (m) return { stem: m[1], option: m[2] };
  // ODK / KoboToolbox / SurveyCTO split select_multiple: `Q27/1`, `group/q/option_name`
  m = /^(.*[^/\s])\/([\p{L}\p{N}_.-]+)$/u.exec(h);
  if (m) return { stem: m[1], option: m[2] };
  return null;
}

export interface HeaderColumn {
  index: number;
  header: string;
  /** forced type (metadata columns) */
  type?: BlockColumn["type"];
}

const single = (c: HeaderColumn): Block => ({
  id: c.header,
  label: c.header.trim() || `Column ${c.index + 1}`,
  columns: [{ index: c.index, id: c.header || `col${c.index + 1}`, label: c.header.trim() || `Column ${c.index + 1}`, option: "", header: c.header, type: c.type }],
});

/**
 * Group one-header-row columns into blocks: consecutive columns sharing a stem (`q0004_0001…`,
 * `Question - Option…`, `3. Python.…`, `Question [Row]…`), with a preceding column whose whole
 * header is that stem (the main answer before its `- Other (please specify)` write-in).
 * Runs of `Question text [Row]` columns are marked `grid`. Vendor system columns
 * (`systemColumnType`, with `format`'s own names) get their type and stay alone.
 *
 * @example
 * headerBlocks([{ index: 0, header: "q4_1" }, { index: 1, header: "q4_2" }])[0].columns.length; // 2
 */
export function headerBlocks(input: HeaderColumn[], format?: SourceFormat): Block[] {
  // vendor system columns (ids, paradata, GPS, fraud scores) are never questions nor block members
  const columns = input.map((c) => {
    const type = c.type ?? systemColumnType(c.header, format);
    return type ? { ...c, type } : c;
  });
  const blocks: Block[] = [];
  let i = 0;
  while (i < columns.length) {
    const first = columns[i];
    const split = first.type ? null : splitHeader(first.header);
    let j = i + 1;
    if (split) while (j < columns.length && !columns[j].type && splitHeader(columns[j].header)?.stem === split.stem) j++;
    const run = columns.slice(i, j);
    const prev = blocks[blocks.length - 1];
    const joinsPrev = split && prev && prev.columns.length === 1 && !prev.columns[0].type && prev.columns[0].header.trim() === split.stem;
    if (run.length < 2 && !joinsPrev) {
      blocks.push(single(first));
      i = j;
      continue;
    }
    const stem = split!.stem;
    const cols: BlockColumn[] = run.map((c) => {
      const option = splitHeader(c.header)?.option ?? "";
      return { index: c.index, id: c.header, label: c.header.trim(), option, header: c.header };
    });
    if (joinsPrev) {
      blocks.pop();
      cols.unshift({ ...prev.columns[0], option: prev.columns[0].option || "Response", main: true });
    }
    // `Question text [Row]` runs are grids (or one column per checkbox option): buildBlock decides
    const grid = !joinsPrev && run.every((c) => isBracketHeader(c.header));
    const id = stem || `block${first.index + 1}`;
    blocks.push({ id, label: stem || first.header, columns: cols, ...(grid ? { grid: gridGroupId(stem, id) } : {}) });
    i = j;
  }
  return blocks;
}
