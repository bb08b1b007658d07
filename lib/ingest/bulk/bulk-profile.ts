import { blockGroup } from "../blocks";
import { Profiler, type DatasetProfile } from "../profile";
import { MAX_DISTINCT } from "../limits";
import type { BulkLoader } from "../types";
import { MISSING_TOKENS, UNCHECKED_TOKENS } from "../values";
import type { HeadPlan } from "./head-plan";

/** cells profiled between two turns of the event loop (≈ 20 ms) */
const CELLS_PER_SLICE = 8_192;
/** columns with at most this many distinct values are stored dictionary-encoded */
export const MAX_DICTIONARY = 4_096;

/**
 * Profile the rows the store staged (`BulkLoader.load`), then have it store them
 * (`BulkLoader.store`). The profile is identical to the one `Profiler.add` builds row by row:
 * each column's distinct values are fed in order of first appearance with their counts
 * (`Profiler.addValue`) — or, for a column mostly distinct in the head, its summary when it holds
 * plain decimals only (`Profiler.addPlainNumbers`: ids, weights), else its cells in file order —
 * and each column group's answered rows are counted by the store with the same exclusions (empty,
 * missing and unchecked tokens). Columns with at most MAX_DICTIONARY distinct values are stored
 * dictionary-encoded with exactly those values. The free text is profiled here while the store
 * answers the other questions and then writes the table, so DuckDB's threads and this one overlap.
 *
 * @example
 * const profile = await profileAndStore(sink.bulk, plan, rows);
 */
export async function profileAndStore(bulk: BulkLoader, plan: HeadPlan, rows: number): Promise<DatasetProfile> {
  const profiler = new Profiler(plan.columns.length, plan.dialect.blocks(plan.headers).map(blockGroup), { spaceLists: plan.dialect.format === "odk" });
  profiler.addRows(rows);
  // every cell in file order (the same as its distinct values in order of first appearance), in slices: while
  // this runs, the store answers the next questions and then writes the table on its own threads
  let profiling: Promise<void> = Promise.resolve();
  const pending = new Set<number>();
  const profileCells = (column: number, cells: string[]) => {
    pending.add(column);
    profiling = profiling.then(async () => {
      for (let k = 0; k < cells.length; k += CELLS_PER_SLICE) {
        await new Promise((resolve) => setImmediate(resolve));
        const end = Math.min(cells.length, k + CELLS_PER_SLICE);
        for (let j = k; j < end; j++) profiler.addValue(column, cells[j], 1);
      }
    });
  };
  const stored = (async () => {
    const dictionaries = new Map<string, string[]>();
    // columns are independent of each other, so any order gives the same profile: the free text first (its
    // cells take longest here), then the summarised numbers, then the value counts
    const rank = (i: number) => (!plan.distinctish[i] ? 2 : plan.plainish[i] ? 1 : 0);
    for (const i of [...plan.columns.keys()].sort((a, b) => rank(a) - rank(b) || a - b)) {
      const name = plan.columns[i].name;
      if (!plan.distinctish[i]) {
        const { values, counts } = await bulk.distinctValues(name);
        for (let k = 0; k < values.length; k++) profiler.addValue(i, values[k], counts[k]);
        if (values.length && values.length <= MAX_DICTIONARY) dictionaries.set(name, values);
        continue;
      }
      const plain = plan.plainish[i] ? await bulk.plainNumbers(name, MAX_DISTINCT) : null;
      if (plain) profiler.addPlainNumbers(i, plain);
      else profileCells(i, await bulk.filledCells(name));
    }
    const ignored = [...MISSING_TOKENS, ...UNCHECKED_TOKENS];
    const groups = profiler.groupColumns;
    // a column whose cells may not all be profiled yet may hold anything: its answers are tested in full
    const clean = new Set(groups.flat().filter((c) => !pending.has(c) && !profiler.mayHold(c, ignored)).map((c) => plan.columns[c].name));
    const answered = groups.length ? await bulk.answered(groups.map((g) => g.map((c) => plan.columns[c].name)), ignored, clean) : [];
    answered.forEach((n, i) => profiler.setAnswered(i, n));
    await bulk.store(dictionaries);
  })();
  try {
    // never leave with the store still working on the import's connection (the store rolls back next)
    await stored;
  } finally {
    // by now every column's cells are queued
    await profiling.catch(() => undefined);
  }
  await profiling;
  return profiler.finish();
}
