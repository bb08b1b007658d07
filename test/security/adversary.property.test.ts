/**
 * Issue 17, "done when": an adversary property test. fast-check draws random sequences of requests
 * (crosstab proportions and means with random filters, segments, categories and weights; banners;
 * NPS; insight scans; do-nothing schema edits that start a new version) by one member of an
 * aggregate-only audience, drawn per run (analyst, executive, a partner workspace's admin through a
 * share, an AI agent), through the services the routes call. Every number a response shows is collected as a
 * linear equation over the canary's respondents (`Knowledge`, which re-evaluates each spec over the
 * CSV rows itself), and an exact check asks whether they determine a group of 1..k−1 respondents:
 * a count under k, or one person's value (a mean's Σy over a group of one).
 *
 * With every rule on, no sequence discloses. With a rule switched off (test-only options), the
 * same generator finds a disclosure. Small-cell and complementary suppression are not needed for
 * safety while the audit is on (the audit refuses a release holding a small group itself); they
 * are what lets most results through instead of being refused, and the test shows that.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIENCE_KINDS, Knowledge, learnBanner, learnCrosstab, learnNps, openCanary, type Canary, type Col, type Spec } from "./canary.fixtures";
import type { Dataset } from "@/lib/schema/dataset";

vi.setConfig({ testTimeout: 600_000 });

let canary: Canary;
let services: typeof import("@/lib/services/protected-crosstab");
let banner: typeof import("@/lib/services/banner-server");
let crosstab: typeof import("@/lib/services/crosstab");
let saveQuestions: typeof import("@/lib/services/save-questions");
let insights: typeof import("@/lib/insights/scan");
let roles: typeof import("@/lib/analysis/question-roles");

beforeAll(async () => {
  canary = await openCanary();
  services = await import("@/lib/services/protected-crosstab");
  banner = await import("@/lib/services/banner-server");
  crosstab = await import("@/lib/services/crosstab");
  saveQuestions = await import("@/lib/services/save-questions");
  insights = await import("@/lib/insights/scan");
  roles = await import("@/lib/analysis/question-roles");
}, 60_000);
afterAll(async () => canary?.close());

const VALUES: Record<"dept" | "tenure" | "region", string[]> = { dept: ["Legal", "Sales", "Ops"], tenure: ["<1y", "1-5y", "5y+"], region: ["North", "East", "South"] };
const segments = fc.constantFrom<Col>("dept", "tenure", "region");
const subset = (xs: string[]) => fc.subarray(xs, { minLength: 1 });
const filters = fc.record({ dept: subset(VALUES.dept), tenure: subset(VALUES.tenure), region: subset(VALUES.region) }, { requiredKeys: [] });
const weight = fc.option(fc.constant("w" as const), { nil: undefined, freq: 3 });

type Request =
  | { kind: "crosstab"; spec: Spec }
  | { kind: "banner"; spec: { outcome: "sat" | "score"; segments: Col[]; filters: Spec["filters"]; weight?: "w" } }
  | { kind: "nps"; spec: Spec }
  | { kind: "insights"; filters: Spec["filters"] }
  | { kind: "edit" };

const request: fc.Arbitrary<Request> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ outcome: fc.constant("sat" as const), outcome_category: subset(["1", "2", "3", "4", "5"]), segment: segments, filters, weight, missing_segment: fc.constantFrom("drop" as const, "include_in_total" as const) }).map((spec): Request => ({ kind: "crosstab", spec })) },
  { weight: 4, arbitrary: fc.record({ outcome: fc.constant("score" as const), statistic: fc.constant("mean" as const), segment: segments, filters, weight }).map((spec): Request => ({ kind: "crosstab", spec })) },
  { weight: 2, arbitrary: fc.record({ outcome: fc.constantFrom("sat" as const, "score" as const), segments: fc.subarray<Col>(["region", "dept", "tenure"], { minLength: 1, maxLength: 2 }), filters, weight }).map((spec): Request => ({ kind: "banner", spec })) },
  { weight: 2, arbitrary: fc.record({ outcome: fc.constant("recommend" as const), segment: segments, filters, weight }).map((spec): Request => ({ kind: "nps", spec })) },
  { weight: 1, arbitrary: filters.map((f): Request => ({ kind: "insights", filters: f })) },
  { weight: 1, arbitrary: fc.constant<Request>({ kind: "edit" }) },
);

/** Run one request; false when it was refused or invalid (nothing shown). */
async function perform(r: Request, know: Knowledge, viewer: ReturnType<Canary["viewer"]>, ds: { current: Dataset }, options: object): Promise<boolean> {
  try {
    if (r.kind === "crosstab") learnCrosstab(know, r.spec, await services.runProtectedCrosstab(canary.store, ds.current, r.spec, viewer, options));
    else if (r.kind === "banner") learnBanner(know, r.spec, await banner.runProtectedBanner(canary.store, ds.current, r.spec, viewer, undefined, options));
    else if (r.kind === "nps") {
      const nps = await crosstab.runNps(canary.store, ds.current, r.spec);
      learnNps(know, r.spec, (await services.releaseNps(nps, ds.current, viewer, options)) as never);
    } else if (r.kind === "insights") {
      // scanned numbers feed the viewer's history (the guard records them); the test does not read them
      await insights.scanInsights(ds.current.questions.map(roles.toQuestionLite), (spec) => services.runSuppressedCrosstab(canary.store, ds.current, spec, viewer, options), {
        outcome: "sat",
        outcome_category: "5",
        filters: r.filters as Record<string, string[]>,
      });
    } else ds.current = await saveQuestions.saveQuestionEdits(canary.store, ds.current, { questions: [] });
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "forbidden" || code === "invalid_spec" || code === "no_rows" || code === "unknown_question") return false;
    throw err;
  }
}

/** Whether a random sequence of requests discloses (null: none found in `runs` runs). */
async function findDisclosure(options: object, runs: number, seed: number): Promise<{ found: boolean; refused: number; shown: number }> {
  let refused = 0;
  let shown = 0;
  const result = await fc.check(
    // each run is one member of one aggregate-only audience (analyst, executive, a partner
    // workspace's admin through a share, an AI agent)
    fc.asyncProperty(fc.array(request, { minLength: 2, maxLength: 8 }), fc.constantFrom(...AUDIENCE_KINDS), async (requests, kind) => {
      const know = new Knowledge(canary.rows);
      const viewer = canary.viewerOf(kind);
      const ds = { current: canary.dataset };
      for (const r of requests) {
        if (await perform(r, know, viewer, ds, options)) shown++;
        else refused++;
      }
      return !know.disclosed();
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return { found: result.failed, refused, shown };
}

describe("adversary property test (issue 17)", () => {
  it("every audience the adversary is drawn from is aggregate-only on the canary", async () => {
    const { audienceOf } = await import("@/lib/services/audience");
    for (const kind of AUDIENCE_KINDS) expect(await audienceOf(canary.viewerOf(kind), canary.dataset.id)).toMatchObject({ kind: "aggregate", exact: false });
  });

  it("with every rule on, no random sequence of allowed requests determines a count under k or a value", async () => {
    const r = await findDisclosure({}, 30, 17);
    expect(r.found).toBe(false);
    expect(r.shown).toBeGreaterThan(r.refused); // most requests are answered
  });

  const switches: [string, object][] = [
    ["the differencing audit (pairwise and linear)", { pairwise: false, linear: false }],
    ["the linear audit (pairwise kept)", { linear: false }],
    ["small-cell suppression and the audit", { smallCells: false, pairwise: false, linear: false }],
    ["complementary suppression and the audit", { complements: false, pairwise: false, linear: false }],
  ];
  for (const [name, options] of switches) {
    it(`finds a disclosure when ${name} is switched off`, async () => {
      expect((await findDisclosure(options, 200, 17)).found).toBe(true);
    });
  }

  it("switching off small-cell or complementary suppression alone makes the audit refuse instead (no disclosure, more refusals)", async () => {
    const on = await findDisclosure({}, 8, 5);
    for (const off of [{ smallCells: false }, { complements: false }]) {
      const r = await findDisclosure(off, 8, 5);
      expect(r.found).toBe(false);
      expect(r.refused).toBeGreaterThanOrEqual(on.refused);
    }
  });
});
