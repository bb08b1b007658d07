/**
 * Issue 17, "differencing is judged on populations": each attack of the issue against the canary
 * (the only Legal respondent with 5y+ tenure), by one aggregate-only analyst through the services
 * the routes call. The second request of each pair answers 403 `forbidden` with the same data-free
 * message whatever the rule, and what was released never determines a count under k (`Knowledge`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 60_000 });
import { K, Knowledge, learnBanner, learnCrosstab, openCanary, type Canary, type Spec } from "./canary.fixtures";

let canary: Canary;
let services: typeof import("@/lib/services/protected-crosstab");
let banner: typeof import("@/lib/services/banner-server");
let saveQuestions: typeof import("@/lib/services/save-questions");
let derive: typeof import("@/lib/services/derive-variable");

beforeAll(async () => {
  canary = await openCanary();
  services = await import("@/lib/services/protected-crosstab");
  banner = await import("@/lib/services/banner-server");
  saveQuestions = await import("@/lib/services/save-questions");
  derive = await import("@/lib/services/derive-variable");
}, 60_000);
afterAll(async () => canary?.close());

const legal = { dept: ["Legal"] };
const legalShort = { dept: ["Legal"], tenure: ["1-5y"] };

/** Run a crosstab as `viewer`; null when refused (403 forbidden, the one message). */
async function ask(know: Knowledge, viewer: ReturnType<Canary["viewer"]>, spec: Spec, dataset = canary.dataset, options = {}, learnAs: Spec = spec) {
  try {
    const shown = await services.runProtectedCrosstab(canary.store, dataset, spec, viewer, options);
    learnCrosstab(know, learnAs, shown);
    return shown;
  } catch (err) {
    expect(err).toMatchObject({ code: "forbidden" });
    expect((err as Error).message).toBe(`disclosure: this result and what you already saw together single out fewer than ${K} respondents, so it is withheld`);
    return null;
  }
}

const OFF = { pairwise: false, linear: false };
const mean = (filters: Spec["filters"], extra: Partial<Spec> = {}): Spec => ({ outcome: "score", statistic: "mean", segment: "region", filters, ...extra });

/** Each attack: a first release, then the differencing one; returns whether the last was refused. */
const attacks: Record<string, (know: Knowledge, v: ReturnType<Canary["viewer"]>, options: object) => Promise<boolean>> = {
  "switching outcome_category does not reset the history": async (know, v, o) => {
    expect(await ask(know, v, { outcome: "sat", outcome_category: ["5"], segment: "region", filters: legal }, canary.dataset, o)).not.toBeNull();
    return (await ask(know, v, { outcome: "sat", outcome_category: ["4"], segment: "region", filters: legalShort }, canary.dataset, o)) === null;
  },
  "adding a weight (the canary's weight is 0, so it drops out)": async (know, v, o) => {
    expect(await ask(know, v, mean({ tenure: ["5y+"] }), canary.dataset, o)).not.toBeNull();
    return (await ask(know, v, mean({ tenure: ["5y+"] }, { weight: "w" }), canary.dataset, o)) === null;
  },
  "a mean over a group that differs from another by one person": async (know, v, o) => {
    expect(await ask(know, v, mean(legal), canary.dataset, o)).not.toBeNull();
    return (await ask(know, v, mean(legalShort), canary.dataset, o)) === null;
  },
  "a do-nothing schema edit (new version)": async (know, v, o) => {
    expect(await ask(know, v, mean(legal), canary.dataset, o)).not.toBeNull();
    const edited = await saveQuestions.saveQuestionEdits(canary.store, canary.dataset, { questions: [] });
    expect(edited.version).toBeGreaterThan(canary.dataset.version);
    return (await ask(know, v, mean(legalShort), edited, o)) === null;
  },
  "a derived-variable version (a copied table) filtered on the new variable": async (know, v, o) => {
    expect(await ask(know, v, mean(legal), canary.dataset, o)).not.toBeNull();
    const { dataset: derived } = await derive.deriveVariable(canary.store, canary.dataset, {
      id: `senior${Math.floor(Math.random() * 1e6)}`,
      label: "Senior",
      source: "tenure",
      groups: [{ code: "yes", from: ["5y+"] }, { code: "no", from: ["<1y", "1-5y"] }],
    });
    const senior = derived.questions[derived.questions.length - 1].id;
    // the oracle reads the derived filter as the tenure values it groups
    return (await ask(know, v, mean({ dept: ["Legal"], [senior]: ["no"] } as Spec["filters"]), derived, o, mean(legalShort))) === null;
  },
  "a NET minus one of its parts (answer 1 is only the canary)": async (know, v, o) => {
    expect(await ask(know, v, { outcome: "sat", outcome_category: ["1", "2"], segment: "region" }, canary.dataset, o)).not.toBeNull();
    return (await ask(know, v, { outcome: "sat", outcome_category: ["2"], segment: "region" }, canary.dataset, o)) === null;
  },
  "a banner's base minus the answers taken from single breakdowns": async (know, v, o) => {
    const spec = { outcome: "sat" as const, segments: ["region" as const] };
    const b = await banner.runProtectedBanner(canary.store, canary.dataset, spec, v, undefined, o);
    learnBanner(know, spec, b);
    // the answer-1 row (only the canary) is hidden in the banner's Total column
    expect(b.rows.find((r) => r.codes.join() === "1")?.cells[0].count).toBeNull();
    let refused = false;
    for (const code of ["2", "3", "4", "5"]) {
      const shown = await ask(know, v, { outcome: "sat", outcome_category: [code], segment: "region", missing_segment: "include_in_total" }, canary.dataset, o);
      refused ||= shown === null;
    }
    return refused;
  },
  "Denning's tracker (padding with Sales ∧ 5y+; no pair nested, only the linear audit sees it)": async (know, v, o) => {
    expect(await ask(know, v, mean({ dept: ["Legal", "Sales"], tenure: ["5y+"] }), canary.dataset, o)).not.toBeNull();
    expect(await ask(know, v, mean({ dept: ["Sales"] }), canary.dataset, o)).not.toBeNull();
    return (await ask(know, v, mean({ dept: ["Sales"], tenure: ["<1y", "1-5y"] }), canary.dataset, o)) === null;
  },
};

describe("differencing on populations (issue 17 attacks)", () => {
  for (const [name, attack] of Object.entries(attacks)) {
    it(`${name}: refused, nothing under k determined; with the audit off the attack works`, async () => {
      const know = new Knowledge(canary.rows);
      expect(await attack(know, canary.viewer(), {})).toBe(true);
      expect(know.disclosed()).toBe(false);
      const open = new Knowledge(canary.rows);
      expect(await attack(open, canary.viewer(), OFF)).toBe(false);
      expect(open.disclosed()).toBe(true);
    });
  }

  it("the tracker passes the pairwise rule alone: the linear audit is what stops it", async () => {
    const know = new Knowledge(canary.rows);
    expect(await attacks["Denning's tracker (padding with Sales ∧ 5y+; no pair nested, only the linear audit sees it)"](know, canary.viewer(), { linear: false })).toBe(false);
    expect(know.disclosed()).toBe(true);
  });

  it("another viewer has their own history; the same request again is allowed", async () => {
    const [a, b] = [canary.viewer(), canary.viewer()];
    const know = new Knowledge(canary.rows);
    expect(await ask(know, a, mean(legal))).not.toBeNull();
    expect(await ask(know, a, mean(legal))).not.toBeNull();
    expect(await ask(new Knowledge(canary.rows), b, mean(legalShort))).not.toBeNull();
  });
});
