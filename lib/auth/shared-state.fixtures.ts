/**
 * Test cases shared by the DuckDB and PostgreSQL suites: two SQL runners standing for two app
 * instances over one database must share the sign-in limiter, the query budget and the
 * differencing guard's history — also under concurrent requests (no lost updates).
 */
import { expect, it } from "vitest";
import { MemoryReleaseStore, protectAndRecordIn, type ReleaseMeta } from "@/lib/disclosure";
import { forgetDatasetReleases, SqlReleaseStore } from "@/lib/store";
import { crosstabOf, rep, type Row } from "@/lib/disclosure/disclosure.fixtures";
import { SqlQueryBudget } from "@/lib/store";
import { sqlRateLimitStorage } from "@/lib/store";
import type { SqlRunner } from "@/lib/store";
import { loginLimiter } from "./login-limiter";

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const meta = (filters: Record<string, string[]>): ReleaseMeta => ({
  datasetVersion: "ds@1", outcome: "q", statistic: "mean", weight: null, segment: "seg", missingSegment: "drop", filters,
});
const rows: Row[] = [...rep(10, ["3", "A", "x"]), ...rep(8, ["4", "B", "x"]), ...rep(2, ["1", "B", "y"])];
const overall = () => crosstabOf(rows, { statistic: "mean" });
/** differs from `overall` by the 2 respondents with f = y: a differencing attack at k = 5 */
const onlyX = () => crosstabOf(rows, { statistic: "mean", filters: { f: ["x"] } });

/** Register the cases; `instances()` gives two runners over the same, migrated database. */
export function sharedStateCases(instances: () => { a: SqlRunner; b: SqlRunner }) {
  it("sign-in limiter: one bucket across instances, a fixed window, exact under concurrency", async () => {
    const { a, b } = instances();
    const clock = fakeClock();
    const [la, lb] = [sqlRateLimitStorage(a, clock.now), sqlRateLimitStorage(b, clock.now)];
    const rule = { window: 60, max: 3 };
    expect(await la.consume("10.0.0.1|/sign-in/email", rule)).toEqual({ allowed: true, retryAfter: null });
    expect((await lb.consume("10.0.0.1|/sign-in/email", rule)).allowed).toBe(true);
    expect((await la.consume("10.0.0.1|/sign-in/email", rule)).allowed).toBe(true);
    clock.advance(15_000);
    expect(await lb.consume("10.0.0.1|/sign-in/email", rule)).toEqual({ allowed: false, retryAfter: 45 });
    expect((await la.consume("10.0.0.2|/sign-in/email", rule)).allowed).toBe(true); // another client
    clock.advance(45_000);
    expect((await lb.consume("10.0.0.1|/sign-in/email", rule)).allowed).toBe(true); // a new window

    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? la : lb).consume("10.9.9.9|/sign-in/email", { window: 60, max: 5 })));
    expect(burst.filter((r) => r.allowed)).toHaveLength(5);
  });

  it("query budget: instances spend from one bucket; refills at the rate; exact under concurrency", async () => {
    const { a, b } = instances();
    const clock = fakeClock();
    const config = { perMinute: 60, burst: 3 };
    const [ba, bb] = [new SqlQueryBudget(a, config, clock.now), new SqlQueryBudget(b, config, clock.now)];
    expect(await ba.take("w:u1")).toEqual({ ok: true, remaining: 2 });
    expect(await bb.take("w:u1")).toEqual({ ok: true, remaining: 1 });
    expect(await ba.take("w:u1")).toEqual({ ok: true, remaining: 0 });
    expect(await bb.take("w:u1")).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await ba.take("w:u1", 5)).toEqual({ ok: false, retryAfterSeconds: 5 });
    expect((await bb.take("w:u2")).ok).toBe(true); // per key
    clock.advance(1000);
    expect((await bb.take("w:u1")).ok).toBe(true);
    expect((await ba.take("w:u1")).ok).toBe(false);
    clock.advance(600_000); // refills to the burst, never beyond
    const again = await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? ba : bb).take("w:u1")));
    expect(again.filter((r) => r.ok)).toHaveLength(3);

    const slow = { perMinute: 1, burst: 7 };
    const [sa, sb] = [new SqlQueryBudget(a, slow, clock.now), new SqlQueryBudget(b, slow, clock.now)];
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? sa : sb).take("w:race")));
    expect(many.filter((r) => r.ok)).toHaveLength(7);
  });

  it("differencing guard: a release on one instance blocks the difference on the other", async () => {
    const { a, b } = instances();
    const [ra, rb] = [new SqlReleaseStore(a), new SqlReleaseStore(b)];
    const first = await protectAndRecordIn(ra, "w/u1", overall(), { k: 5 }, meta({}));
    expect(first.disclosure.blocked).toBe(false);
    expect((await protectAndRecordIn(rb, "w/u1", overall(), { k: 5 }, meta({}))).disclosure.blocked).toBe(false); // the same again
    const second = await protectAndRecordIn(rb, "w/u1", onlyX(), { k: 5 }, meta({ f: ["x"] }));
    expect(second.disclosure.blocked).toBe(true);
    expect(second.total.n).toBeNull();
    // another viewer, another dataset version: their own histories
    expect((await protectAndRecordIn(rb, "w/u2", onlyX(), { k: 5 }, meta({ f: ["x"] }))).disclosure.blocked).toBe(false);
    expect((await protectAndRecordIn(ra, "w/u1", onlyX(), { k: 5 }, { ...meta({ f: ["x"] }), datasetVersion: "ds@2" })).disclosure.blocked).toBe(false);
    // deleting the dataset forgets its releases (on every instance): the history starts afresh
    expect(await forgetDatasetReleases(a, "ds")).toBe(3); // u1 and u2 on ds@1, u1 on ds@2
    expect(await forgetDatasetReleases(b, "ds")).toBe(0);
    expect((await protectAndRecordIn(rb, "w/u1", onlyX(), { k: 5 }, meta({ f: ["x"] }))).disclosure.blocked).toBe(false);
    // the same attack against the in-memory store, for reference
    const mem = new MemoryReleaseStore();
    await protectAndRecordIn(mem, "w/u1", overall(), { k: 5 }, meta({}));
    expect((await protectAndRecordIn(mem, "w/u1", onlyX(), { k: 5 }, meta({ f: ["x"] }))).disclosure.blocked).toBe(true);
  });

  it("differencing guard: two concurrent requests on two instances cannot both pass", async () => {
    const { a, b } = instances();
    const [ra, rb] = [new SqlReleaseStore(a), new SqlReleaseStore(b)];
    for (let round = 0; round < 3; round++) {
      const viewer = `w/race${round}`;
      const [x, y] = await Promise.all([
        protectAndRecordIn(ra, viewer, overall(), { k: 5 }, meta({})),
        protectAndRecordIn(rb, viewer, onlyX(), { k: 5 }, meta({ f: ["x"] })),
      ]);
      expect([x.disclosure.blocked, y.disclosure.blocked].filter(Boolean)).toHaveLength(1);
    }
  });

  it("per-account sign-in back-off: shared across instances, exponential, never a hard lock, exact under concurrency", async () => {
    const { a, b } = instances();
    const clock = fakeClock(5_000_000);
    const limits = { freeFailures: 2, accountFreeFailures: 4, baseDelayMs: 1000, pairMaxDelayMs: 8000, accountMaxDelayMs: 4000 };
    const [la, lb] = [loginLimiter(a, limits, clock.now), loginLimiter(b, limits, clock.now)];
    const email = `backoff-${Math.random()}@example.org`;
    // 2 free failures from one address, counted on either instance
    expect(await la.attempt(email, "198.51.100.1")).toEqual({ allowed: true });
    expect(await lb.attempt(email, "198.51.100.1")).toEqual({ allowed: true });
    expect(await la.attempt(email, "198.51.100.1")).toEqual({ allowed: false, retryAfter: 1 });
    clock.advance(1000);
    expect(await lb.attempt(email, "198.51.100.1")).toEqual({ allowed: true }); // 3rd failure
    expect(await la.attempt(email, "198.51.100.1")).toEqual({ allowed: false, retryAfter: 2 }); // doubled
    clock.advance(2000);
    expect(await la.attempt(email, "198.51.100.1")).toEqual({ allowed: true });
    expect(await la.attempt(email, "198.51.100.1")).toEqual({ allowed: false, retryAfter: 4 });
    clock.advance(60_000);
    // capped (8 s), then allowed again: a delay, never a lock
    expect(await lb.attempt(email, "198.51.100.1")).toEqual({ allowed: true });
    expect(await lb.attempt(email, "198.51.100.1")).toEqual({ allowed: false, retryAfter: 8 });
    // a success clears it and makes the address known
    await la.succeeded(email, "198.51.100.1");
    expect(await lb.attempt(email, "198.51.100.1")).toEqual({ allowed: true });
    // 20 concurrent tries from fresh addresses on both instances: exactly accountFreeFailures pass
    const other = `burst-${Math.random()}@example.org`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? la : lb).attempt(other, `203.0.113.${i + 1}`)));
    expect(results.filter((r) => r.allowed)).toHaveLength(4);
    // the known address is not held back by the account-wide back-off of `email`
    for (let i = 0; i < 8; i++) await la.attempt(email, `203.0.113.${100 + i}`);
    expect((await la.attempt(email, "203.0.113.200")).allowed).toBe(false);
    expect((await la.attempt(email, "198.51.100.1")).allowed).toBe(true);
  });
}
