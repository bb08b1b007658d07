import "server-only";
import { getIdentity } from "@/lib/auth/server";
import type { Action } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { retryAfterSeconds, SqlQueryBudget, type BudgetConfig, type BudgetStore, type Take } from "@/lib/store";

export type { BudgetConfig, BudgetStore, Take } from "@/lib/store";

/**
 * Per-user query budget (C41): a token bucket per viewer for the expensive actions — breakdowns,
 * NPS, insights, drivers, banners, benchmark comparisons (`crosstab:run`), aggregate exports and
 * respondent exports. A bucket holds `burst` tokens and refills at `perMinute` per minute; an empty
 * bucket answers 429 with Retry-After. The app's buckets live in the store's database
 * (`SqlQueryBudget`), so every instance of a multi-instance deployment spends from the same bucket.
 */
export const BUDGETED: Readonly<Partial<Record<Action, number>>> = { "crosstab:run": 1, "export:aggregate": 1, "export:respondents": 5 };

const MAX_KEYS = 10_000;

/**
 * Token buckets in this process's memory, with an injectable clock (tests use a fake one).
 *
 * @example
 * const b = new QueryBudget({ perMinute: 60, burst: 2 }, () => 0);
 * b.take("u1"); b.take("u1"); b.take("u1") // { ok: false, retryAfterSeconds: 1 }
 */
export class QueryBudget implements BudgetStore {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly config: BudgetConfig,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string, cost = 1): Take {
    const { perMinute, burst } = this.config;
    if (perMinute <= 0) return { ok: true, remaining: Infinity };
    const t = this.now();
    const perMs = perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + Math.max(0, t - b.at) * perMs);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > MAX_KEYS) this.prune(t, perMs);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfterSeconds: retryAfterSeconds(b.tokens, cost, perMs) };
  }

  /** Forget buckets that have refilled completely (they behave exactly like absent ones). */
  private prune(t: number, perMs: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * perMs >= this.config.burst) this.buckets.delete(k);
  }
}

const g = globalThis as unknown as { __surveyscopeBudget?: Promise<BudgetStore> };

/** The app's budget: buckets in the store's database, QUERY_BUDGET_PER_MINUTE and QUERY_BUDGET_BURST. */
export function queryBudget(): Promise<BudgetStore> {
  if (!g.__surveyscopeBudget) {
    const env = getEnv();
    g.__surveyscopeBudget = getIdentity().then((id) => new SqlQueryBudget(id.sql, { perMinute: env.QUERY_BUDGET_PER_MINUTE, burst: env.QUERY_BUDGET_BURST }));
    g.__surveyscopeBudget.catch(() => {
      g.__surveyscopeBudget = undefined;
    });
  }
  return g.__surveyscopeBudget;
}

/**
 * Spend from the viewer's budget for `action` (free actions cost nothing); throws
 * AppError("rate_limited") with `retryAfterSeconds` in its details when the bucket is empty.
 *
 * @example await chargeQuery({ userId: "u1", workspaceId: "default" }, "crosstab:run")
 */
export async function chargeQuery(viewer: { userId: string; workspaceId: string }, action: Action, budget?: BudgetStore): Promise<void> {
  const cost = BUDGETED[action];
  if (!cost) return;
  const r = await (budget ?? (await queryBudget())).take(`${viewer.workspaceId}:${viewer.userId}`, cost);
  if (!r.ok) {
    throw new AppError("rate_limited", `query budget exhausted: try again in ${r.retryAfterSeconds} s`, { retryAfterSeconds: r.retryAfterSeconds });
  }
}
