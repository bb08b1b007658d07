import { createRng } from "../lib/prng";
import { assertRowsMatchColumns } from "../lib/columns";
import { poststratify } from "../lib/poststratify";
import type { Draft } from "../lib/draft";
import { COLUMNS } from "./columns";
import { agentStatus, demographics, rollbacks } from "./core-rows";
import { providersAndInfrastructure, spendingAndImpact } from "./attitude-rows";
import { SEED, weightingTargets } from "./targets";

/**
 * The synthetic Sinch-like respondents, every column filled ("" = blank), weights included.
 * Deterministic: the same rows on every call.
 *
 * @example
 * const rows = buildAiAgentsProduction(); // 2,527 records
 */
export function buildAiAgentsProduction(): Draft {
  const rng = createRng(SEED);
  const rows = demographics(rng);
  agentStatus(rng, rows);
  rollbacks(rng, rows);
  spendingAndImpact(rng, rows);
  providersAndInfrastructure(rng, rows);
  const weights = poststratify(rows, ["country", "company_size"], weightingTargets());
  rows.forEach((row, i) => {
    row.weight = weights[i].toFixed(6);
  });
  const ordered = rows.map((row) => Object.fromEntries(COLUMNS.map((c) => [c.column, row[c.column] ?? ""])));
  assertRowsMatchColumns(COLUMNS, ordered);
  return ordered;
}
