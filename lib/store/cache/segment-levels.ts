import type { CrosstabPlan } from "@/lib/analysis/plan";
import { compareBytes } from "@/lib/engine/byte-compare";
import { buildDistinctStatement } from "../sql/crosstab-sql";
import type { VersionCache } from "./version-cache";

/** runs one statement and returns its rows (each store's own read path) */
export type RowQuery = (sql: string, params: (string | number)[]) => Promise<Record<string, unknown>[]>;

/**
 * The segment levels of a crosstab plan over `table`: the plan's own, else the column's distinct
 * non-missing values in byte order, read once per table and cached (the same for every backend).
 *
 * @example const levels = await segmentLevels(cache, table, plan, (sql, params) => query(sql, params));
 */
export async function segmentLevels(cache: VersionCache, table: string, plan: CrosstabPlan, query: RowQuery): Promise<string[]> {
  return (
    plan.segmentLevels ??
    (await cache.levels(table, plan.segment.column, plan.segment.missingCodes, async () => {
      const st = buildDistinctStatement(table, plan.segment.column, plan.segment.missingCodes);
      return (await query(st.sql, st.params)).map((r) => String(r.v)).sort(compareBytes);
    }))
  );
}
