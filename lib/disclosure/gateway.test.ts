import { describe, expect, it } from "vitest";
import { isReleased, observeReleases, openReleased, seal, wasOpened, type Released } from "./gateway";

const aggregate = { kind: "aggregate", exact: false, why: "aggregate-only" } as const;

describe("Released<T>", () => {
  it("opens only what the gateway issued", () => {
    const r = seal("crosstab", aggregate, { n: null });
    expect(isReleased(r)).toBe(true);
    expect(openReleased(r)).toEqual({ n: null });
    expect(wasOpened(r)).toBe(true);
    // a look-alike (what a cast would smuggle in) is refused at run time
    const forged = { kind: "crosstab", audience: aggregate, body: { n: 1 } } as unknown as Released<{ n: number }>;
    expect(isReleased(forged)).toBe(false);
    expect(() => openReleased(forged)).toThrow(/did not pass the gateway/);
    // a copy of a release is not a release
    expect(() => openReleased({ ...r } as Released<{ n: null }>)).toThrow();
  });

  it("is frozen, and observers see every release with its audience", () => {
    const seen: string[] = [];
    const stop = observeReleases((e) => seen.push(`${e.kind}:${e.audience.kind}`));
    const r = seal("nps", { kind: "respondent", why: "admin" }, { x: 1 });
    stop();
    seal("nps", aggregate, {});
    expect(seen).toEqual(["nps:respondent"]);
    expect(Object.isFrozen(r)).toBe(true);
  });
});
