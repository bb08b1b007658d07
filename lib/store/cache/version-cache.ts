import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import type { Dataset } from "@/lib/schema/dataset";
import type { Memberships } from "../sql/population-sql";
import { Lru } from "./lru";

/**
 * Per-process caches of what never changes once a dataset version is committed: its parsed
 * metadata, its data table, a table's typed shadow columns, a segment's distinct levels and the
 * cell sums of a crosstab plan. Every key holds the dataset version (or its data table, whose
 * name holds the version), and versions are immutable: an edit writes a new version, an import
 * after a delete gets a higher version (so a new table name). Deletion must still call `forget`
 * so that this process stops answering for the deleted versions; other processes (PostgreSQL
 * multi-instance) fail on the dropped table instead, which the store maps to "not found".
 *
 * Caching cell sums is safe for privacy: they are the raw per-cell aggregates *before* the
 * disclosure layer (small-cell protection runs on every response built from them, cached or
 * not), and they are only reachable through `cellSums`, which callers reach after authorisation.
 *
 * Values are cloned on the way out, so a caller mutating its copy cannot poison the cache.
 *
 * @example
 * const cache = new VersionCache();
 * const table = await cache.table("demo", 2, () => lookUpTable("demo", 2));
 * const sums = await cache.sums(table, plan, () => runSumsQuery(table, plan));
 */
export class VersionCache {
  private readonly datasets = new Lru<string, Dataset>(64);
  private readonly tables = new Lru<string, string>(1024);
  private readonly typedColumns = new Lru<string, ReadonlySet<string>>(256);
  private readonly levelLists = new Lru<string, string[]>(1024);
  private readonly sumsByPlan = new Lru<string, CrosstabInput>(512);
  /** row-level (one entry per kept row): few, since a 100k-row dataset's take a few MB each */
  private readonly membershipsByPlan = new Lru<string, Memberships>(16);

  /** the parsed metadata of (id, version), loaded once */
  async dataset(id: string, version: number, load: () => Promise<Dataset | null>): Promise<Dataset | null> {
    const key = versionKey(id, version);
    let d = this.datasets.get(key);
    if (!d) {
      const loaded = await load();
      if (!loaded) return null;
      this.datasets.set(key, loaded);
      d = loaded;
    }
    return structuredClone(d);
  }

  /** the data table of (id, version) */
  async table(id: string, version: number, load: () => Promise<string>): Promise<string> {
    const key = versionKey(id, version);
    const hit = this.tables.get(key);
    if (hit !== undefined) return hit;
    const table = await load();
    this.tables.set(key, table);
    return table;
  }

  /** source columns of `table` that have a typed (DOUBLE) shadow column */
  async typed(table: string, load: () => Promise<ReadonlySet<string>>): Promise<ReadonlySet<string>> {
    const hit = this.typedColumns.get(table);
    if (hit) return hit;
    const set = await load();
    this.typedColumns.set(table, set);
    return set;
  }

  /** the sorted distinct non-missing values of a column (default segment levels) */
  async levels(table: string, column: string, missingCodes: string[], load: () => Promise<string[]>): Promise<string[]> {
    const key = `${table}\u0000${column}\u0000${JSON.stringify(missingCodes)}`;
    const hit = this.levelLists.get(key);
    if (hit) return [...hit];
    const levels = await load();
    this.levelLists.set(key, levels);
    return [...levels];
  }

  /** the cell sums of `plan` over `table` (pre-disclosure aggregates; see the class comment) */
  sums(table: string, plan: CrosstabPlan, load: () => Promise<CrosstabInput>): Promise<CrosstabInput> {
    return byPlan(this.sumsByPlan, table, plan, load);
  }

  /**
   * who `plan` counts over `table`, row by row (the differencing audit's populations; reached only
   * by the gateway for aggregate-only audiences, never returned to a caller)
   */
  memberships(table: string, plan: CrosstabPlan, load: () => Promise<Memberships>): Promise<Memberships> {
    return byPlan(this.membershipsByPlan, table, plan, load);
  }

  /** drop everything */
  clear(): void {
    for (const lru of [this.datasets, this.tables, this.typedColumns, this.levelLists, this.sumsByPlan, this.membershipsByPlan] as Lru<string, unknown>[]) lru.clear();
  }

  /** drop everything known about dataset `id` and the given data tables (after a delete) */
  forget(id: string, tables: string[]): void {
    const prefix = `${id}@`;
    this.datasets.deleteWhere((k) => k.startsWith(prefix));
    this.tables.deleteWhere((k) => k.startsWith(prefix));
    const dropped = new Set(tables);
    const ofTable = (k: string) => dropped.has(k.slice(0, k.indexOf("\u0000") === -1 ? k.length : k.indexOf("\u0000")));
    this.typedColumns.deleteWhere(ofTable);
    this.levelLists.deleteWhere(ofTable);
    this.sumsByPlan.deleteWhere(ofTable);
    this.membershipsByPlan.deleteWhere(ofTable);
  }
}

const versionKey = (id: string, version: number) => `${id}@${version}`;

/** A per-plan result of `table`, loaded once; copies in and out, so no caller can poison it. */
async function byPlan<T>(lru: Lru<string, T>, table: string, plan: CrosstabPlan, load: () => Promise<T>): Promise<T> {
  const key = `${table}\u0000${JSON.stringify(plan)}`;
  const hit = lru.get(key);
  if (hit) return structuredClone(hit);
  const value = await load();
  lru.set(key, structuredClone(value));
  return value;
}
