import { describe, expect, it } from "vitest";
import { checkComparison } from "./benchmark-check";
import { baseMismatch, baseScope, splitDefinition } from "./benchmark-base";
import { curatedFigures, demoDatasets } from "./benchmark-match.fixtures";

const [hr, agents, identity] = demoDatasets();
const fig = (id: string) => curatedFigures().find((f) => f.id === id)!;
const sel = (outcome: string, category: string | string[], more: Partial<{ segment: string; column: string; filters: Record<string, string[]> }> = {}) => ({
  outcome,
  category,
  segment: more.segment ?? "country",
  column: more.column ?? "Total",
  filters: more.filters ?? {},
});

describe("checkComparison", () => {
  it("refuses a share of an unrelated question (issue #19: Sales department vs Sinch's rollback rate), naming the mismatch and the closest questions", () => {
    const c = checkComparison(fig("sinch-rollback-shipped"), { ...agents, questions: [...agents.questions, ...hr.questions] }, sel("department", "Sales", { segment: "role" }), false);
    expect(c.refusal).toMatch(/^Weak match: .* question department \(match \d+%\)/);
    expect(c.refusal).toMatch(/Closest questions: rolled_back = Yes/);
    expect(c.refusal).toMatch(/acknowledgeMismatch/);
    expect(c.strength).toBe("weak");
  });

  it("an acknowledged weak match is compared with the warning kept", () => {
    const c = checkComparison(fig("sinch-rollback-shipped"), { ...agents, questions: [...agents.questions, ...hr.questions] }, sel("department", "Sales", { segment: "role" }), true);
    expect(c.refusal).toBeNull();
    expect(c.warnings[0]).toMatch(/^Weak match/);
  });

  it("refuses a mean compared with a share, and a share compared with a mean", () => {
    const meanFigure = checkComparison(fig("akeyless-detect-hours"), identity, sel("suspect_out_of_scope", "Yes"), true);
    expect(meanFigure.refusal).toMatch(/^Different kind: akeyless-detect-hours is a mean of a number \(hours\) but question suspect_out_of_scope gives a share/);
    const shareFigure = checkComparison(fig("akeyless-suspect-out-of-scope"), identity, sel("detect_hours", "1"), true);
    expect(shareFigure.refusal).toMatch(/is a share of respondents .* question detect_hours gives a mean/);
  });

  it("the curated readings pass without refusal; the Sinch shipped base matches 'asked of those live in production'", () => {
    const c = checkComparison(fig("sinch-rollback-shipped"), agents, sel("rolled_back", "Yes", { filters: { agent_status: ["Live in production"] } }), false);
    expect(c.refusal).toBeNull();
    expect(c.strength).toBe("strong");
    expect(c.warnings).toEqual([]);
    const mature = checkComparison(fig("sinch-rollback-fully-mature"), agents, sel("rolled_back", "Yes", { segment: "guardrail_maturity", column: "Fully mature" }), false);
    expect(mature.refusal).toBeNull();
    expect(mature.warnings.join(" ")).not.toMatch(/base/i);
  });

  it("warns when the figure is among a group and the estimate among everyone (Brazil figure read on the Total)", () => {
    const c = checkComparison(fig("sinch-brazil-live"), agents, sel("agent_status", "Live in production"), false);
    expect(c.refusal).toBeNull();
    expect(c.warnings.join(" ")).toMatch(/Different base: the published figure is among respondents in Brazil; your estimate is among all respondents/);
    const brazil = checkComparison(fig("sinch-brazil-live"), agents, sel("agent_status", "Live in production", { column: "Brazil" }), false);
    expect(brazil.warnings).toEqual([]);
  });

  it("warns when the figure is among everyone and the estimate among a subgroup", () => {
    const c = checkComparison(fig("sinch-live-production"), agents, sel("agent_status", "Live in production", { segment: "industry", column: "Healthcare" }), false);
    expect(c.warnings.join(" ")).toMatch(/published figure is among everyone in its study .* your estimate is among a group only \(Industry: Healthcare\)/);
  });
});

describe("benchmark bases", () => {
  it("reads everyone vs a group from the published wording", () => {
    expect(baseScope("All respondents: 2,527 senior decision makers")).toBe("all");
    expect(baseScope("919 executives and practitioners")).toBe("all");
    expect(baseScope("Organisations that have already shipped an AI agent")).toBe("subgroup");
    expect(baseScope("Respondents in Brazil")).toBe("subgroup");
    expect(baseScope("Healthcare respondents")).toBe("subgroup");
  });

  it("moves an 'among …' clause of the label into the base", () => {
    expect(splitDefinition("Rollback rate among organisations with fully mature guardrails", "Orgs")).toEqual({ wording: "Rollback rate", base: "Orgs; organisations with fully mature guardrails" });
  });

  it("a firm-level base with agents in production is not 'all respondents'", () => {
    expect(baseMismatch("Among firms with agents in production", { questionLabel: "Department", filters: [], column: null })).toMatch(/^Different base/);
  });
});
