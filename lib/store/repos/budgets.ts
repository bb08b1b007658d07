/**
 * The query budget's token buckets in the store's database (`query_budgets`), shared by every
 * instance: one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` per charged request, so two
 * instances spending from one bucket cannot lose an update.
 */
import { exclusive, type SqlRunner } from "../runner/sql-runner";

export interface BudgetConfig {
  /** tokens refilled per minute; 0 switches the budget off */
  perMinute: number;
  /** bucket size: the most requests that may come at once */
  burst: number;
}

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Anything that spends from per-key token buckets (in memory for tests, SQL in the app). */
export interface BudgetStore {
  take(key: string, cost?: number): Take | Promise<Take>;
}

/** Seconds until `cost` tokens are back at `perMs` tokens per millisecond (at least 1). */
export function retryAfterSeconds(tokens: number, cost: number, perMs: number): number {
  return Math.max(1, Math.ceil((cost - tokens) / perMs / 1000));
}

// $1 key, $2 now (ms), $3 burst, $4 tokens per ms, $5 cost, $6/$7 the row of a first take
const REFILLED = `least(CAST($3 AS FLOAT8), b.tokens + greatest(0, CAST($2 AS FLOAT8) - b.at_ms) * CAST($4 AS FLOAT8))`;
const TAKE = `
INSERT INTO query_budgets AS b (bucket_key, tokens, at_ms, last_ok) VALUES ($1, CAST($6 AS FLOAT8), CAST($2 AS FLOAT8), CAST($7 AS BOOLEAN))
ON CONFLICT (bucket_key) DO UPDATE SET
  tokens = CASE WHEN ${REFILLED} >= CAST($5 AS FLOAT8) THEN ${REFILLED} - CAST($5 AS FLOAT8) ELSE ${REFILLED} END,
  last_ok = ${REFILLED} >= CAST($5 AS FLOAT8),
  at_ms = greatest(b.at_ms, CAST($2 AS FLOAT8))
RETURNING tokens, last_ok`;

/**
 * Token buckets in SQL (DuckDB or PostgreSQL), with an injectable clock.
 *
 * @example
 * const b = new SqlQueryBudget(sql, { perMinute: 60, burst: 2 }, () => 0);
 * await b.take("u1"); await b.take("u1"); await b.take("u1") // { ok: false, retryAfterSeconds: 1 }
 */
export class SqlQueryBudget implements BudgetStore {
  constructor(
    private readonly sql: SqlRunner,
    private readonly config: BudgetConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string, cost = 1): Promise<Take> {
    const { perMinute, burst } = this.config;
    if (perMinute <= 0) return { ok: true, remaining: Infinity };
    const perMs = perMinute / 60_000;
    const first = burst >= cost;
    const rows = await exclusive(this.sql, () =>
      this.sql.all(TAKE, [key, this.now(), burst, perMs, cost, first ? burst - cost : burst, first]),
    );
    const tokens = Number(rows[0]?.tokens);
    if (rows[0]?.last_ok === true) return { ok: true, remaining: Math.floor(tokens) };
    return { ok: false, retryAfterSeconds: retryAfterSeconds(tokens, cost, perMs) };
  }
}
