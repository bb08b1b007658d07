import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/schema/errors";
import { toErrorResponse } from "./responses";
import { chargeQuery, QueryBudget } from "./budget";

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("QueryBudget (token bucket, fake clock)", () => {
  it("allows a burst, then refuses with the wait until one token is back, and refills at the rate", () => {
    const clock = fakeClock();
    const b = new QueryBudget({ perMinute: 60, burst: 3 }, clock.now);
    expect([b.take("u"), b.take("u"), b.take("u")].every((r) => r.ok)).toBe(true);
    expect(b.take("u")).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(b.take("u")).toEqual({ ok: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(b.take("u")).toMatchObject({ ok: true });
    expect(b.take("u").ok).toBe(false);
    clock.advance(60_000); // a long pause refills to the burst, never beyond
    expect([1, 2, 3].map(() => b.take("u").ok)).toEqual([true, true, true]);
    expect(b.take("u").ok).toBe(false);
  });

  it("buckets are per key, costs weigh, and 0 per minute switches the budget off", () => {
    const clock = fakeClock();
    const b = new QueryBudget({ perMinute: 6, burst: 5 }, clock.now);
    expect(b.take("a", 5).ok).toBe(true);
    expect(b.take("a", 1)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(b.take("b", 5).ok).toBe(true);
    expect(b.take("c", 6)).toEqual({ ok: false, retryAfterSeconds: 10 });
    const off = new QueryBudget({ perMinute: 0, burst: 1 }, clock.now);
    expect([1, 2, 3].every(() => off.take("a", 100).ok)).toBe(true);
  });

  it("chargeQuery: only expensive actions cost; an empty bucket is a 429 envelope with Retry-After", async () => {
    const clock = fakeClock();
    const b = new QueryBudget({ perMinute: 60, burst: 1 }, clock.now);
    const viewer = { userId: "u1", workspaceId: "w" };
    for (let i = 0; i < 5; i++) await chargeQuery(viewer, "dataset:read", b);
    await chargeQuery(viewer, "crosstab:run", b);
    let err: unknown;
    try {
      await chargeQuery(viewer, "export:aggregate", b);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const res = toErrorResponse(err);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    expect((await res.json()).error).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 1 } });
    await expect(chargeQuery({ userId: "u2", workspaceId: "w" }, "crosstab:run", b)).resolves.toBeUndefined();
  });
});
