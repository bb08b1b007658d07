import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildDemoFiles } from "./build-files";
import { AI_AGENTS_TARGETS } from "./ai-agents-production/calibration-targets";
import { AI_IDENTITY_MEANS, AI_IDENTITY_TARGETS } from "./ai-agent-identity/calibration-targets";
import { COLUMNS as AGENTS_COLUMNS, MATURITY } from "./ai-agents-production/columns";
import { COLUMNS as IDENTITY_COLUMNS } from "./ai-agent-identity/columns";
import { weightingTargets as agentsTargets } from "./ai-agents-production/targets";
import { weightingTargets as identityTargets } from "./ai-agent-identity/targets";
import { readDemoCsv } from "./lib/read-csv";
import { mean, pearson, share } from "./lib/tabulate";

// Tolerances (absolute, unweighted): ±2 pts for whole-sample shares of the n = 2,527 file,
// ±5 pts for subgroups (country, maturity level, region), ±1 pt for the n = 400 file, whose
// shares are allocated exactly; r(satisfaction, confidence) = 0.52 ± 0.02.
const here = dirname(fileURLToPath(import.meta.url));
const agents = readDemoCsv(join(here, "ai-agents-production.csv"));
const identity = readDemoCsv(join(here, "ai-agent-identity.csv"));
const LIVE = { agent_status: ["Live in production"] };

describe("the committed files are the generator's output", () => {
  test("re-running the generator in memory reproduces every file byte for byte, in under 2 s", () => {
    const started = performance.now();
    const files = buildDemoFiles();
    expect(performance.now() - started).toBeLessThan(2000);
    for (const [name, contents] of Object.entries(files)) {
      expect(readFileSync(join(here, name), "utf8"), `${name} is stale: run npx tsx data/demo/generate.ts`).toBe(contents);
    }
  });

  test("plain microdata: one header row of snake_case names, LF endings, the published sample sizes", () => {
    expect(agents.header).toEqual(AGENTS_COLUMNS.map((c) => c.column));
    expect(identity.header).toEqual(IDENTITY_COLUMNS.map((c) => c.column));
    for (const h of [...agents.header, ...identity.header]) expect(h).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(agents.rows).toHaveLength(2527);
    expect(identity.rows).toHaveLength(400);
    expect(readFileSync(join(here, "ai-agents-production.csv"), "utf8")).not.toContain("\r");
    expect(agents.rows[0].respondent_id).toBe("R00001");
  });
});

describe("ai-agents-production reproduces the published Sinch figures", () => {
  test.each(AI_AGENTS_TARGETS.map((t) => [t.benchmark, t] as const))("%s", (_id, t) => {
    const got = share(agents.rows, t.column, t.categories, { filter: t.filter, multi: t.multi });
    expect(Math.abs(got.share - t.target)).toBeLessThanOrEqual(t.tolerance);
  });

  test("rollback rises with guardrail maturity (the 'paradox')", () => {
    const rates = MATURITY.map((m) => share(agents.rows, "rolled_back", ["Yes"], { filter: { ...LIVE, guardrail_maturity: [m] } }).share);
    for (let j = 1; j < rates.length; j++) expect(rates[j]).toBeGreaterThan(rates[j - 1]);
  });

  test("satisfaction and confidence correlate at r = 0.52 ± 0.02", () => {
    expect(Math.abs(pearson(agents.rows, "infrastructure_satisfaction", "deployment_confidence") - 0.52)).toBeLessThanOrEqual(0.02);
  });

  test("financial services and healthcare are the largest industries", () => {
    const counts = new Map<string, number>();
    for (const r of agents.rows) counts.set(r.industry, (counts.get(r.industry) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    expect(top.slice(0, 2).sort()).toEqual(["Financial services", "Healthcare"]);
  });

  test("skip logic: rolled_back only for the live, rollback_cause only after a rollback", () => {
    for (const r of agents.rows) {
      expect(r.rolled_back === "").toBe(r.agent_status !== "Live in production");
      if (r.rolled_back !== "Yes") expect(r.rollback_cause).toBe("");
    }
  });

  test("optional questions have a few % blanks; core questions none", () => {
    const blankShare = (c: string) => agents.rows.filter((r) => r[c] === "").length / agents.rows.length;
    for (const c of ["failure_impact", "safety_time_share", "investment_focus", "provider_shortfalls", "infrastructure_satisfaction"]) {
      expect(blankShare(c)).toBeGreaterThan(0.005);
      expect(blankShare(c)).toBeLessThan(0.05);
    }
    for (const c of ["country", "industry", "company_size", "role", "guardrail_maturity", "agent_status", "investment_change", "weight"]) {
      expect(blankShare(c)).toBe(0);
    }
  });
});

describe("ai-agent-identity reproduces the published Akeyless figures", () => {
  test.each(AI_IDENTITY_TARGETS.map((t) => [t.benchmark, t] as const))("%s", (_id, t) => {
    const got = share(identity.rows, t.column, t.categories, { filter: t.filter, multi: t.multi });
    expect(Math.abs(got.share - t.target)).toBeLessThanOrEqual(t.tolerance);
  });

  test.each(AI_IDENTITY_MEANS.map((t) => [t.benchmark, t] as const))("%s (mean)", (_id, t) => {
    expect(Math.abs(mean(identity.rows, t.column) - t.target)).toBeLessThanOrEqual(t.tolerance);
  });

  test("the published $1M+ average spend holds", () => {
    expect(mean(identity.rows, "identity_spend_usd")).toBeGreaterThanOrEqual(1_000_000);
  });

  test("skip logic: non-users (24) are blank on every agent question", () => {
    const agentColumns = IDENTITY_COLUMNS.map((c) => c.column).slice(IDENTITY_COLUMNS.findIndex((c) => c.column === "agents_access_sensitive"), -1);
    const nonUsers = identity.rows.filter((r) => r.uses_ai_agents === "No");
    expect(nonUsers).toHaveLength(24);
    for (const r of nonUsers) for (const c of agentColumns) expect(r[c]).toBe("");
    for (const r of identity.rows) expect(r.out_of_scope_confirmed === "").toBe(r.suspect_out_of_scope !== "Yes");
  });
});

describe("post-stratification weights", () => {
  const cases = [
    { name: "ai-agents-production", rows: agents.rows, vars: ["country", "company_size"], targets: agentsTargets() },
    { name: "ai-agent-identity", rows: identity.rows, vars: ["region", "company_size"], targets: identityTargets() },
  ];
  test.each(cases.map((c) => [c.name, c] as const))("%s: weights sum to n and hit every cell target", (_name, c) => {
    const total = c.rows.reduce((s, r) => s + Number(r.weight), 0);
    expect(Math.abs(total - c.rows.length)).toBeLessThan(0.01);
    for (const t of c.targets) {
      const inCell = c.rows.filter((r) => c.vars.every((v, j) => r[v] === t.levels[j]));
      const w = inCell.reduce((s, r) => s + Number(r.weight), 0) / total;
      expect(Math.abs(w - t.share)).toBeLessThan(1e-5);
    }
  });

  test("weighted and unweighted estimates differ visibly", () => {
    const size = (weight?: string) => share(agents.rows, "company_size", ["1,000–4,999 employees"], { weight }).share;
    expect(size("weight") - size()).toBeGreaterThan(0.08);
    const live = (weight?: string) => share(agents.rows, "agent_status", ["Live in production"], { weight }).share;
    expect(Math.abs(live("weight") - live())).toBeGreaterThan(0.01);
    const suspect = (weight?: string) => share(identity.rows, "suspect_out_of_scope", ["Yes"], { weight }).share;
    expect(Math.abs(suspect("weight") - suspect())).toBeGreaterThan(0.02);
  });
});
