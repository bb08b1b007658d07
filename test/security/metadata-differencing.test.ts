/**
 * Issue 17: counts outside the audited releases. A marginal count shown anywhere (the question
 * model, a derived variable's answer, a weighting report, a model's rows) is a population the
 * differencing audit never saw; beside an audited crosstab it singles people out. The attack, on
 * the canary (the only Legal respondent with 5y+ tenure): the question model shows "5y+" as 39;
 * a crosstab of 5y+ among everyone outside Legal (allowed: nothing in the history is near it)
 * shows 38; 39 − 38 = the canary. These tests prove every such count is gone for an
 * aggregate-only analyst, and that the crosstab alone discloses nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 60_000 });
import { Knowledge, learnCrosstab, openCanary, type Canary } from "./canary.fixtures";

let canary: Canary;
let gateway: typeof import("@/lib/services/gateway");
let audience: typeof import("@/lib/services/audience");
let crosstab: typeof import("@/lib/services/protected-crosstab");

beforeAll(async () => {
  canary = await openCanary();
  gateway = await import("@/lib/services/gateway");
  audience = await import("@/lib/services/audience");
  crosstab = await import("@/lib/services/protected-crosstab");
}, 60_000);
afterAll(async () => canary?.close());

const opened = async <T>(released: unknown) => (await import("@/lib/disclosure/gateway")).openReleased(released as never) as T;

describe("counts outside the audited releases (aggregate-only analyst, canary)", () => {
  it("the question model carries no count: the marginal + filtered crosstab attack has nothing to subtract", async () => {
    const viewer = canary.viewer();
    const shown = await audience.datasetShownTo(viewer, canary.dataset);
    const counts = shown.questions.flatMap((q) => [q.answered, ...q.options.map((o) => o.count), ...(q.nonSubstantive ?? []).map((o) => o.count)]);
    expect(counts.every((c) => c === null)).toBe(true);
    // the owner's model still has them
    expect(canary.dataset.questions.find((q) => q.id === "tenure")?.options.find((o) => o.code === "5y+")?.count).toBe(39);
    // the same through the released dataset (API, pages, MCP describe_dataset)
    const released = await opened<typeof shown>(await gateway.releaseDataset(viewer, canary.dataset));
    expect(released.questions.flatMap((q) => q.options.map((o) => o.count)).every((c) => c === null)).toBe(true);

    // the second half of the attack is allowed, and alone it discloses nothing
    const know = new Knowledge(canary.rows);
    const spec = { outcome: "tenure" as const, outcome_category: ["5y+"], segment: "region" as const, filters: { dept: ["Ops", "Sales"] } };
    const outsideLegal = await crosstab.runProtectedCrosstab(canary.store, canary.dataset, spec, viewer);
    learnCrosstab(know, spec as never, outsideLegal);
    expect(know.disclosed()).toBe(false);
    // what the marginal would have added: the disclosure the model no longer allows
    know.add(canary.rows.flatMap((r, i) => (r.tenure === "5y+" ? [i] : [])));
    expect(know.disclosed()).toBe(true);
  });

  it("a derived variable's answer shows no counts", async () => {
    const viewer = canary.viewer();
    const body = { id: `senior${Math.floor(Math.random() * 1e6)}`, label: "Senior", source: "tenure", groups: [{ code: "yes", from: ["5y+"] }, { code: "no", from: ["<1y", "1-5y"] }] };
    const answer = await opened<{ question: { answered: number | null; options: { count: number | null }[] } }>(await gateway.releaseDerived(canary.store, canary.dataset, body, viewer));
    expect(answer.question.answered).toBeNull();
    expect(answer.question.options.map((o) => o.count)).toEqual([null, null]);
  });

  it("weighting is refused: the caller's targets would turn the weights' min and max into counts", async () => {
    const viewer = canary.viewer();
    const body = { name: "cell", preview: true, scheme: { method: "rake", targets: { dept: { Legal: 0.1, Ops: 0.45, Sales: 0.45 } } } };
    const err = await gateway.releaseWeighting(canary.store, canary.dataset, body, viewer).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "forbidden" });
    expect((err as Error).message).not.toMatch(/\d/);
  });

  it("a key-drivers model's rows join the differencing history: a model and a crosstab one person apart are not both released", async () => {
    const viewer = canary.viewer();
    // the model over everyone with 5y+ outside Legal (38), then a crosstab over everyone with 5y+ (39: the canary too)
    const body = { model: "linear", outcome: "score", predictors: ["region"], filters: { dept: ["Ops", "Sales"], tenure: ["5y+"] } };
    const report = await opened<{ n: number; rows: { total: number; after_filters: number | null; excluded: number | null } }>(await gateway.releaseDrivers(canary.store, canary.dataset, body, viewer));
    expect(report.rows).toEqual({ total: canary.rows.length, after_filters: null, excluded: null });
    expect(report.n).toBe(38);
    const err = await crosstab.runProtectedCrosstab(canary.store, canary.dataset, { outcome: "score", statistic: "mean", segment: "region", filters: { tenure: ["5y+"] } }, viewer).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "forbidden" });
    // and the other way round, for a fresh viewer: the crosstab first, then the model is refused
    const other = canary.viewer();
    await crosstab.runProtectedCrosstab(canary.store, canary.dataset, { outcome: "score", statistic: "mean", segment: "region", filters: { tenure: ["5y+"] } }, other);
    await expect(gateway.releaseDrivers(canary.store, canary.dataset, body, other)).rejects.toMatchObject({ code: "forbidden" });
  });
});
