/**
 * Test cases shared by the DuckDB and PostgreSQL suites: two SQL runners standing for two app
 * instances over one database must share the sign-in limiter, the query budget and the
 * differencing guard's history — also under concurrent requests (no lost updates).
 */
import { expect, it } from "vitest";
import { populationOf, type Population } from "@/lib/disclosure/population";
import { auditPopulations } from "@/lib/disclosure/population-audit";
import { MemoryPopulationStore, type PopulationHistoryStore } from "@/lib/disclosure/population-history";
import { forgetDatasetReleases, SqlPopulationStore } from "@/lib/store";
import { SqlQueryBudget } from "@/lib/store";
import { sqlRateLimitStorage } from "@/lib/store";
import type { SqlRunner } from "@/lib/store";
import { loginLimiter } from "./login-limiter";

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** 40 respondents; `overall` counts 0..19, `onlyX` 0..17: a difference of 2, a disclosure at k = 5 */
const overall = populationOf(40, Array.from({ length: 20 }, (_, i) => i));
const onlyX = populationOf(40, Array.from({ length: 18 }, (_, i) => i));

async function admit(store: PopulationHistoryStore, viewer: string, dataset: string, p: Population): Promise<boolean> {
  return store.withPopulations(viewer, dataset, (released) => {
    const ok = auditPopulations(released, [p], { k: 5 }).allowed;
    return { value: ok, record: ok ? [p] : [] };
  });
}

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

  it("differencing audit: a population released on one instance blocks the difference on the other", async () => {
    const { a, b } = instances();
    const [ra, rb] = [new SqlPopulationStore(a), new SqlPopulationStore(b)];
    expect(await admit(ra, "w/u1", "ds", overall)).toBe(true);
    expect(await admit(rb, "w/u1", "ds", overall)).toBe(true); // the same again
    expect(await admit(rb, "w/u1", "ds", onlyX)).toBe(false);
    // another viewer, another dataset: their own histories
    expect(await admit(rb, "w/u2", "ds", onlyX)).toBe(true);
    expect(await admit(ra, "w/u1", "ds2", onlyX)).toBe(true);
    // deleting the dataset forgets its populations (on every instance): the history starts afresh
    expect(await forgetDatasetReleases(a, "ds")).toBe(2); // overall for u1, onlyX for u2
    expect(await forgetDatasetReleases(b, "ds")).toBe(0);
    expect(await admit(rb, "w/u1", "ds", onlyX)).toBe(true);
    // the same attack against the in-memory store, for reference
    const mem = new MemoryPopulationStore();
    expect(await admit(mem, "w/u1", "ds", overall)).toBe(true);
    expect(await admit(mem, "w/u1", "ds", onlyX)).toBe(false);
  });

  it("differencing audit: two concurrent requests on two instances cannot both pass", async () => {
    const { a, b } = instances();
    const [ra, rb] = [new SqlPopulationStore(a), new SqlPopulationStore(b)];
    for (let round = 0; round < 3; round++) {
      const viewer = `w/race${round}`;
      const verdicts = await Promise.all([admit(ra, viewer, "ds", overall), admit(rb, viewer, "ds", onlyX)]);
      expect(verdicts.filter((x) => !x)).toHaveLength(1);
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
