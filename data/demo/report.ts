/**
 * Prints every calibration target of the demo datasets, unweighted and weighted, plus the home
 * headline (rollback by guardrail maturity): `npx tsx data/demo/report.ts`.
 */
import { buildAiAgentsProduction } from "./ai-agents-production/build";
import { AI_AGENTS_TARGETS, type CalibrationTarget } from "./ai-agents-production/calibration-targets";
import { MATURITY } from "./ai-agents-production/columns";
import { buildAiAgentIdentity } from "./ai-agent-identity/build";
import { AI_IDENTITY_MEANS, AI_IDENTITY_TARGETS } from "./ai-agent-identity/calibration-targets";
import { mean, pearson, share } from "./lib/tabulate";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

function printTargets(title: string, rows: Record<string, string>[], targets: readonly CalibrationTarget[]): void {
  console.log(`\n${title.padEnd(40)} target  unweighted weighted  (n)`);
  for (const t of targets) {
    const u = share(rows, t.column, t.categories, { filter: t.filter, multi: t.multi });
    const w = share(rows, t.column, t.categories, { filter: t.filter, multi: t.multi, weight: "weight" });
    const flag = Math.abs(u.share - t.target) > t.tolerance ? "  <-- outside tolerance" : "";
    console.log(`${t.benchmark.padEnd(40)} ${pct(t.target)} ${pct(u.share)} ${pct(w.share)}  (${u.n})${flag}`);
  }
}

const agents = buildAiAgentsProduction();
printTargets("ai-agents-production", agents, AI_AGENTS_TARGETS);
console.log("\nheadline: rolled back, among the live, by guardrail maturity");
for (const m of MATURITY) {
  const filter = { agent_status: ["Live in production"], guardrail_maturity: [m] };
  const u = share(agents, "rolled_back", ["Yes"], { filter });
  const w = share(agents, "rolled_back", ["Yes"], { filter, weight: "weight" });
  console.log(`  ${m.padEnd(38)}         ${pct(u.share)} ${pct(w.share)}  (${u.n})`);
}
console.log(`r(infrastructure_satisfaction, deployment_confidence) = ${pearson(agents, "infrastructure_satisfaction", "deployment_confidence").toFixed(3)}`);

const identity = buildAiAgentIdentity();
printTargets("ai-agent-identity", identity, AI_IDENTITY_TARGETS);
for (const t of AI_IDENTITY_MEANS) {
  console.log(`${t.benchmark.padEnd(40)} mean ${t.target} → unweighted ${mean(identity, t.column).toFixed(2)}, weighted ${mean(identity, t.column, "weight").toFixed(2)}`);
}
