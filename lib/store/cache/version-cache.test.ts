import { describe, expect, it } from "vitest";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { Memberships } from "../sql/population-sql";
import { VersionCache } from "./version-cache";

const plan = { outcome: { column: "c1" } } as unknown as CrosstabPlan;
const rows = (): Memberships => ({ universe: 3, ordinal: [0, 2], status: [4, 4], segment: ["a", null], value: ["1", "2"], y: [1, 0] });

describe("VersionCache.memberships", () => {
  it("loads once per (table, plan), hands out copies, and forgets a deleted table", async () => {
    const cache = new VersionCache();
    let loads = 0;
    const load = async () => (loads++, rows());
    const first = await cache.memberships("t_demo_1", plan, load);
    first.ordinal.push(99); // a caller's mutation must not poison the cache
    const second = await cache.memberships("t_demo_1", plan, load);
    expect(second).toEqual(rows());
    expect(loads).toBe(1);
    await cache.memberships("t_demo_2", plan, load);
    expect(loads).toBe(2);
    cache.forget("demo", ["t_demo_1"]);
    await cache.memberships("t_demo_1", plan, load);
    expect(loads).toBe(3);
    cache.clear();
    await cache.memberships("t_demo_2", plan, load);
    expect(loads).toBe(4);
  });
});
