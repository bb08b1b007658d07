import type { DemoManifest } from "@/lib/schema/demo-manifest";
import { N as AGENTS_N, SEED as AGENTS_SEED } from "./ai-agents-production/targets";
import { N as IDENTITY_N, SEED as IDENTITY_SEED } from "./ai-agent-identity/targets";

/** The demo manifest (written to data/demo/manifest.json by the generator). */
export const MANIFEST: DemoManifest = {
  datasets: [
    {
      id: "ai-agents-production",
      name: "AI customer-communications agents in production (synthetic, Sinch-like)",
      file: "ai-agents-production.csv",
      questions: "ai-agents-production.questions.json",
      description:
        "SYNTHETIC respondents calibrated to the published figures of Sinch's \"The AI Production Paradox\" (2026; n = 2,527 senior decision makers, 10 countries). Not the real respondent data. Post-stratified to an illustrative country × company-size population.",
      synthetic: true,
      respondents: AGENTS_N,
      seed: AGENTS_SEED,
      headline: {
        title: "Rollback rate by guardrail maturity",
        outcome: "rolled_back",
        outcome_category: "Yes",
        segment: "guardrail_maturity",
        weight: "weight",
        filters: [{ column: "agent_status", values: ["Live in production"] }],
        benchmarkIds: ["sinch-rollback-shipped", "sinch-rollback-fully-mature"],
      },
    },
    {
      id: "ai-agent-identity",
      name: "AI agent identity security (synthetic, Akeyless-like)",
      file: "ai-agent-identity.csv",
      questions: "ai-agent-identity.questions.json",
      description:
        "SYNTHETIC respondents calibrated to secondary reports of Akeyless's \"2026 State of AI Agent Identity Security\" (n = 400 IT and security leaders, US and UK). Not the real respondent data. Post-stratified to an illustrative region × company-size population.",
      synthetic: true,
      respondents: IDENTITY_N,
      seed: IDENTITY_SEED,
      headline: {
        title: "Suspected out-of-scope data access by industry",
        outcome: "suspect_out_of_scope",
        outcome_category: "Yes",
        segment: "industry",
        weight: "weight",
        filters: [{ column: "uses_ai_agents", values: ["Yes"] }],
        benchmarkIds: ["akeyless-suspect-out-of-scope"],
      },
    },
  ],
};
