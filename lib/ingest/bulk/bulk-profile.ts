import { blockGroup } from "../blocks";
import { Profiler, type DatasetProfile } from "../profile";
import { MAX_DISTINCT } from "../limits";
import type { BulkLoader, PlainNumberSummary } from "../types";
import { MISSING_TOKENS, UNCHECKED_TOKENS } from "../values";
import type { HeadPlan } from "./head-plan";

/**
 * The profile of a table the store loaded itself, identical to the one `Profiler.add` builds row
 * by row: each column's distinct values are fed in order of first appearance with their counts
 * (`Profiler.addValue`) — or, for a column mostly distinct in the head, its summary when it holds
 * plain decimals only (`Profiler.addPlainNumbers`: ids, weights), else its cells in file order —
 * and each column group's answered rows are counted by the store with the
 * same exclusions (empty, missing and unchecked tokens).
 *
 * @example
 * const profile = await profileFromStore(sink.bulk, plan, rows);
 */
/** the store's queries in flight at once */
const LANES = 2;

/** cells profiled between two turns of the event loop (≈ 20 ms) */
const CELLS_PER_SLICE = 8_192;

export async function profileFromStore(bulk: BulkLoader, plan: HeadPlan, rows: number): Promise<DatasetProfile> {
  const profiler = new Profiler(plan.columns.length, plan.dialect.blocks(plan.headers).map(blockGroup), { spaceLists: plan.dialect.format === "odk" });
  profiler.addRows(rows);
  type Fetched = { cells: string[] } | { values: string[]; counts: number[] } | { plain: PlainNumberSummary };
  const fetch = (i: number): Promise<Fetched> => {
    const name = plan.columns[i].name;
    if (!plan.distinctish[i]) return bulk.distinctValues(name);
    if (!plan.plainish[i]) return bulk.filledCells(name).then((cells) => ({ cells }));
    return bulk.plainNumbers(name, MAX_DISTINCT).then(async (plain) => (plain ? { plain } : { cells: await bulk.filledCells(name) }));
  };
  // columns are independent of each other, so any order gives the same profile: free text first (its cells take
  // longest here), then the summarised numbers, while the store answers the value counts in the background
  const rank = (i: number) => (!plan.distinctish[i] ? 2 : plan.plainish[i] ? 1 : 0); // free text, then ids/weights, then the rest
  const order = [...plan.columns.keys()].sort((a, b) => rank(a) - rank(b) || a - b);
  let stopped = false;
  // LANES queries in flight (the store may answer them on as many connections), each lane in order
  const lanes: Promise<unknown>[] = Array.from({ length: LANES }, () => Promise.resolve());
  const fetched = new Map<number, Promise<Fetched>>();
  order.forEach((i, k) => {
    const p = lanes[k % LANES].then(() => (stopped ? Promise.reject(new Error("stopped")) : fetch(i)));
    p.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    fetched.set(i, p);
    lanes[k % LANES] = p.catch(() => undefined);
  });
  try {
    for (const i of order) {
      const got = await fetched.get(i)!;
      fetched.delete(i);
      if ("plain" in got) profiler.addPlainNumbers(i, got.plain);
      else if ("values" in got) for (let k = 0; k < got.values.length; k++) profiler.addValue(i, got.values[k], got.counts[k]);
      else {
        // every cell in file order: the same as its distinct values in order of first appearance; in slices, so
        // that the store's next queries are sent meanwhile
        for (let k = 0; k < got.cells.length; k += CELLS_PER_SLICE) {
          const end = Math.min(got.cells.length, k + CELLS_PER_SLICE);
          for (let j = k; j < end; j++) profiler.addValue(i, got.cells[j], 1);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
  } catch (e) {
    // never leave with a query still running on the import's connection (the store rolls back next)
    stopped = true;
    await Promise.all(lanes);
    throw e;
  }
  const ignored = [...MISSING_TOKENS, ...UNCHECKED_TOKENS];
  const groups = profiler.groupColumns;
  const clean = new Set(groups.flat().filter((c) => !profiler.mayHold(c, ignored)).map((c) => plan.columns[c].name));
  const answered = groups.length ? await bulk.answered(groups.map((g) => g.map((c) => plan.columns[c].name)), ignored, clean) : [];
  answered.forEach((n, i) => profiler.setAnswered(i, n));
  return profiler.finish();
}
