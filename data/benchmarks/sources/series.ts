import type { BenchmarkSeriesDimension } from "@/lib/schema/benchmark";

/** A curated series: figures of one study that measure the same thing across countries, industries, cohorts, years or answer categories. */
export interface SeriesSpec {
  id: string;
  title: string;
  dimension: BenchmarkSeriesDimension;
  /** [figure id, level label] in display order */
  members: [string, string][];
}

/**
 * The series the benchmark page can chart. Only figures of the same study on the same kind of base
 * are put together; the chart's notes still give each bar's own base and source.
 */
export const SERIES: SeriesSpec[] = [
  {
    id: "sinch-live-by-country",
    title: "AI agents live in production, by country (Sinch)",
    dimension: "country",
    members: [
      ["sinch-live-production", "All 10 countries"],
      ["sinch-us-live", "United States"],
      ["sinch-brazil-live", "Brazil"],
    ],
  },
  {
    id: "sinch-cause-leak-by-region",
    title: "Shut down agents after a data leak, by region (Sinch)",
    dimension: "country",
    members: [
      ["sinch-brazil-cause-leak", "Brazil"],
      ["sinch-latam-cause-leak", "Latin America"],
      ["sinch-north-america-cause-leak", "North America"],
    ],
  },
  {
    id: "sinch-rollback-causes",
    title: "Rollback causes (Sinch)",
    dimension: "category",
    members: [
      ["sinch-cause-data-exposure", "Customer data exposure"],
      ["sinch-cause-hallucination", "Hallucinations or brand risk"],
      ["sinch-cause-auditability", "Lack of auditability"],
    ],
  },
  {
    id: "sinch-provider-shortfalls",
    title: "Where the current communications provider falls short (Sinch)",
    dimension: "category",
    members: [
      ["sinch-shortfall-reliability", "Insufficient reliability"],
      ["sinch-shortfall-multichannel", "Limited multi-channel capabilities"],
      ["sinch-shortfall-ai-integrations", "Lack of AI platform integrations"],
    ],
  },
  {
    id: "sinch-failure-impacts",
    title: "Biggest impact of an AI agent failure (Sinch)",
    dimension: "category",
    members: [
      ["sinch-impact-support-load", "Surge in human support load"],
      ["sinch-impact-reputation", "Reputational damage"],
    ],
  },
  {
    id: "gravitee-agent-status",
    title: "Stage of AI agent adoption, US and UK (Gravitee)",
    dimension: "category",
    members: [
      ["gravitee-in-production", "In production"],
      ["gravitee-piloting", "In pilot"],
      ["gravitee-not-started", "Not started"],
    ],
  },
  {
    id: "gravitee-incident-by-industry",
    title: "Agent security or privacy incident in the last 12 months, by industry (Gravitee)",
    dimension: "industry",
    members: [
      ["gravitee-incident-12m", "All industries"],
      ["gravitee-incident-healthcare", "Healthcare"],
    ],
  },
  {
    id: "csa-token-incident-consequences",
    title: "Consequences of agent-caused incidents (CSA × Token Security)",
    dimension: "category",
    members: [
      ["csa-token-incident-data-exposure", "Data exposure"],
      ["csa-token-incident-disruption", "Operational disruption"],
      ["csa-token-incident-unintended-actions", "Unintended actions"],
      ["csa-token-incident-financial-loss", "Financial loss"],
    ],
  },
  {
    id: "csa-token-shadow-agents",
    title: "Where shadow agents were found (CSA × Token Security)",
    dimension: "category",
    members: [
      ["csa-token-shadow-scripting", "Scripting and automation"],
      ["csa-token-shadow-llm-platforms", "LLM platforms"],
      ["csa-token-shadow-saas", "SaaS"],
      ["csa-token-shadow-developer", "Developer workflows"],
    ],
  },
  {
    id: "csa-strata-agent-authentication",
    title: "How agents authenticate (CSA × Strata Identity)",
    dimension: "category",
    members: [
      ["csa-strata-auth-static-keys", "Static API keys"],
      ["csa-strata-auth-passwords", "Username and password"],
      ["csa-strata-auth-shared-accounts", "Shared service accounts"],
    ],
  },
  {
    id: "csa-strata-iam-trust",
    title: "Trust in IAM for AI agents (CSA × Strata Identity)",
    dimension: "category",
    members: [
      ["csa-strata-trust-iam", "Trust"],
      ["csa-strata-trust-iam-moderate", "Moderate confidence"],
      ["csa-strata-trust-iam-none", "No confidence"],
    ],
  },
  {
    id: "csa-strata-identity-owner",
    title: "Who owns agent identity (CSA × Strata Identity)",
    dimension: "category",
    members: [
      ["csa-strata-owner-security", "Security team"],
      ["csa-strata-owner-it", "IT"],
      ["csa-strata-owner-ai-security", "AI-security function"],
    ],
  },
  {
    id: "csa-aembit-agent-identities",
    title: "Identities agents use (CSA × Aembit)",
    dimension: "category",
    members: [
      ["csa-aembit-identity-workload", "Workload identities"],
      ["csa-aembit-identity-shared-accounts", "Shared service accounts"],
      ["csa-aembit-identity-human", "Human identities"],
    ],
  },
  {
    id: "okta-2026-exec-incidents",
    title: "Executives reporting AI-related issues (Okta)",
    dimension: "category",
    members: [
      ["okta-2026-exec-security-issue", "Security issue (12 months)"],
      ["okta-2026-exec-actual-incident", "Actual incident"],
      ["okta-2026-exec-close-call", "Close call"],
    ],
  },
  {
    id: "ibm-codb-ai-incident-effects",
    title: "What AI security incidents caused (IBM)",
    dimension: "category",
    members: [
      ["ibm-codb-ai-incident-data", "Compromised data"],
      ["ibm-codb-ai-incident-operations", "Disrupted operations"],
      ["ibm-codb-ai-incident-financial", "Financial loss"],
    ],
  },
  {
    id: "ibm-codb-breach-cost-by-country",
    title: "Average breach cost, USD (IBM)",
    dimension: "country",
    members: [
      ["ibm-codb-breach-cost-global", "Global"],
      ["ibm-codb-breach-cost-us", "United States"],
    ],
  },
  {
    id: "gartner-apps-with-agents-by-year",
    title: "Enterprise apps with task-specific agents, by year (Gartner prediction)",
    dimension: "year",
    members: [
      ["gartner-apps-with-agents-2025", "2025"],
      ["gartner-apps-with-agents-2026", "2026"],
    ],
  },
  {
    id: "kpmg-pulse-value-by-cohort",
    title: "Seeing meaningful value from AI, by maturity cohort (KPMG)",
    dimension: "cohort",
    members: [
      ["kpmg-pulse-meaningful-value", "All respondents"],
      ["kpmg-pulse-value-leaders", "AI leaders"],
      ["kpmg-pulse-value-peers", "Average peers"],
      ["kpmg-pulse-value-laggards", "Laggards"],
    ],
  },
  {
    id: "kpmg-pulse-value-by-talent",
    title: "Seeing meaningful value from AI, by talent investment (KPMG)",
    dimension: "cohort",
    members: [
      ["kpmg-pulse-value-talent-investors", "Investing in talent"],
      ["kpmg-pulse-value-non-talent-investors", "Not investing in talent"],
    ],
  },
  {
    id: "deloitte-mature-governance-by-country",
    title: "Mature governance model for agents, by country (Deloitte)",
    dimension: "country",
    members: [
      ["deloitte-mature-governance", "All countries"],
      ["deloitte-brazil-mature-governance", "Brazil"],
    ],
  },
];
