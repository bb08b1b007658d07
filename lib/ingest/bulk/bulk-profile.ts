import { blockGroup } from "../blocks";
import { Profiler, type DatasetProfile } from "../profile";
import type { BulkLoader } from "../types";
import { MISSING_TOKENS, UNCHECKED_TOKENS } from "../values";
import type { HeadPlan } from "./head-plan";

/**
 * The profile of a table the store loaded itself, identical to the one `Profiler.add` builds row
 * by row: each column's distinct values are fed in order of first appearance with their counts
 * (`Profiler.addValue`) — or, for a column mostly distinct in the head, its cells in file order —
 * and each column group's answered rows are counted by the store with the
 * same exclusions (empty, missing and unchecked tokens).
 *
 * @example
 * const profile = await profileFromStore(sink.bulk, plan, rows);
 */
export async function profileFromStore(bulk: BulkLoader, plan: HeadPlan, rows: number): Promise<DatasetProfile> {
  const profiler = new Profiler(plan.columns.length, plan.dialect.blocks(plan.headers).map(blockGroup), { spaceLists: plan.dialect.format === "odk" });
  profiler.addRows(rows);
  // the store computes column i + 1 (off the main thread) while column i's values are profiled here
  type Fetched = { cells: (string | null)[] } | { values: string[]; counts: number[] };
  const fetch = (i: number): Promise<Fetched> => {
    const name = plan.columns[i].name;
    const p: Promise<Fetched> = plan.distinctish[i] ? bulk.cells(name).then((cells) => ({ cells })) : bulk.distinctValues(name);
    p.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    return p;
  };
  let next = plan.columns.length ? fetch(0) : null;
  for (let i = 0; i < plan.columns.length; i++) {
    const got = await next!;
    next = i + 1 < plan.columns.length ? fetch(i + 1) : null;
    try {
      if ("cells" in got) {
        // every cell in file order: the same as its distinct values in order of first appearance
        for (const cell of got.cells) if (cell !== null) profiler.addValue(i, cell, 1);
      } else {
        for (let k = 0; k < got.values.length; k++) profiler.addValue(i, got.values[k], got.counts[k]);
      }
    } catch (e) {
      await next?.catch(() => undefined);
      throw e;
    }
  }
  const ignored = [...MISSING_TOKENS, ...UNCHECKED_TOKENS];
  const groups = profiler.groupColumns;
  for (let i = 0; i < groups.length; i++) {
    profiler.setAnswered(i, await bulk.answered(groups[i].map((c) => plan.columns[c].name), ignored));
  }
  return profiler.finish();
}
