/**
 * Where the differencing audit keeps what each viewer was shown: the populations of every released
 * number, per viewer and **dataset** (not version, analysis or route). `withPopulations` loads
 * them, lets the audit decide, and records the admitted populations — exclusively, so two
 * concurrent requests (two instances) cannot both pass against a history lacking the other's.
 * The app's store is SQL (`SqlPopulationStore`, lib/store/repos/releases.ts); the memory one
 * serves tests and tools.
 */
import { populationKey, type Population } from "./population";

/** What a decision over the history returns: a value, and the populations to record (none when refused). */
export interface PopulationDecision<T> {
  value: T;
  record: readonly Population[];
}

export interface PopulationHistoryStore {
  /** Exclusively per viewer and dataset: load, decide, record (identical populations kept once). */
  withPopulations<T>(viewerKey: string, datasetId: string, decide: (released: readonly Population[]) => PopulationDecision<T>): Promise<T>;
}

/**
 * In-memory histories (one process; tests).
 * @example
 * const store = new MemoryPopulationStore();
 * await store.withPopulations("default/u1", "ds", (released) => ({ value: released.length, record: [p] })) // 0
 */
export class MemoryPopulationStore implements PopulationHistoryStore {
  private readonly histories = new Map<string, Map<string, Population>>();
  private queue: Promise<unknown> = Promise.resolve();

  withPopulations<T>(viewerKey: string, datasetId: string, decide: (released: readonly Population[]) => PopulationDecision<T>): Promise<T> {
    const run = async () => {
      const key = JSON.stringify([viewerKey, datasetId]);
      const h = this.histories.get(key) ?? new Map<string, Population>();
      this.histories.set(key, h);
      const { value, record } = decide([...h.values()]);
      for (const p of record) h.set(populationKey(p), p);
      return value;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Forget every viewer's history of a dataset. */
  forget(datasetId: string): void {
    for (const key of [...this.histories.keys()]) if ((JSON.parse(key) as string[])[1] === datasetId) this.histories.delete(key);
  }
}
