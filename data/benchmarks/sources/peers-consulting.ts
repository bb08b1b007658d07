import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { rows, study } from "../define";

const CONSULTING = "Consultancy survey reported second-hand; question wording and weighting not seen.";

/** Consultancy and vendor-neutral figures (research/benchmarks.md D16–D20). */
export const PEERS_CONSULTING: BenchmarkFigure[] = [
  ...study(
    {
      prefix: "mckinsey",
      study: "Trust in the age of agents",
      publisher: "McKinsey",
      date: null,
      n: null,
      base: "Organisations (base not stated)",
      source: { title: "McKinsey: Trust in the age of agents", url: "https://www.mckinsey.com/capabilities/risk-and-resilience/our-insights/trust-in-the-age-of-agents" },
      tier: "P",
      singleSource: false,
      caveat: "From a podcast transcript; the survey behind it, its sample and date were not seen.",
    },
    rows([["risky-behaviour", "identity-access", "Have encountered risky behaviour from AI agents", 0.8]]),
  ),
  ...study(
    {
      prefix: "kpmg-pulse",
      study: "Global AI Pulse, Q1 2026",
      publisher: "KPMG",
      date: "2026-03",
      n: 2110,
      base: "2,110 C-suite and senior leaders, 20 markets, revenue of $100M or more (fielded Feb 17–Mar 17, 2026)",
      source: { title: "stateofai.pages.dev: KPMG Global AI Pulse 2026", url: "https://stateofai.pages.dev/research/07-adoption-challenges/kpmg-global-ai-pulse-2026/" },
      tier: "S",
      singleSource: false,
      caveat: `Date is the end of fieldwork. ${CONSULTING}`,
    },
    rows([
      ["scaling-agents", "production", "Deploying and scaling agents enterprise-wide", 0.11],
      ["meaningful-value", "investment", "See meaningful value from AI", 0.64],
      ["value-leaders", "investment", "AI leaders seeing meaningful value", 0.82, { base: "AI leaders (maturity cohort)", n: null, caveat: "Maturity cohort defined by KPMG; sizes not seen." }],
      ["value-peers", "investment", "Average peers seeing meaningful value", 0.62, { base: "Average peers (maturity cohort)", n: null, caveat: "Maturity cohort defined by KPMG; sizes not seen." }],
      ["value-laggards", "investment", "Laggards seeing meaningful value", 0.2, { base: "Laggards (maturity cohort)", n: null, caveat: "Maturity cohort defined by KPMG; sizes not seen." }],
      ["value-talent-investors", "investment", "Investing in talent: see meaningful value", 0.77, { base: "Organisations investing in talent", n: null }],
      ["value-non-talent-investors", "investment", "Not investing in talent: see meaningful value", 0.2, { base: "Organisations not investing in talent", n: null }],
      ["recession-priority", "investment", "Would keep prioritising AI in a recession", 0.74],
      ["planned-spend", "investment", "Average planned AI spend (USD)", 186_000_000, { unit: "usd" }],
      ["respondents", "sample", "Respondents", 2110, { unit: "count" }],
    ]),
  ),
  ...study(
    {
      prefix: "kpmg",
      study: "AI Quarterly Pulse (US) 2025, Transforming the Enterprise 2026, Global Tech Report 2026",
      publisher: "KPMG",
      date: "2026",
      n: null,
      base: "Varies by report (Transforming the Enterprise: 1,750 leaders, 20 countries)",
      source: { title: "novasiq.com: AI readiness report", url: "https://novasiq.com/AI_Readiness_Report.html" },
      tier: "S",
      singleSource: false,
      caveat: `Figures come from three different KPMG reports; check which before comparing. ${CONSULTING}`,
    },
    rows([
      ["agents-deployed-q3-2025", "production", "US organisations with agents deployed (Q3 2025, up from 11% two quarters earlier)", 0.42, { date: "2025", caveat: "A US quarterly time series point." }],
      ["trust-differentiator", "guardrails", "See trust and governance as a differentiator", 0.6],
      ["measure-outcomes", "guardrails", "Measure trust and governance outcomes", 0.28],
      ["invest-agentic", "investment", "Invest in agentic AI", 0.88],
      ["roi-multiple", "investment", "Report ROI across multiple use cases", 0.24],
    ]),
  ),
  ...study(
    {
      prefix: "cisco",
      study: "Poll of security customers (RSAC 2026)",
      publisher: "Cisco",
      date: "2026",
      n: null,
      base: "Cisco security customers (size not stated)",
      source: { title: "misryoum.com: 85% of enterprises run AI agents, only 5% trust them enough", url: "https://misryoum.com/85-of-enterprises-run-ai-agents-only-5-trust-them-enough" },
      tier: "S",
      singleSource: false,
      caveat: "A customer poll, not a representative survey; sample not stated.",
    },
    rows([
      ["adopting-piloting", "production", "Adopting or piloting AI agents", 0.85],
      ["broad-production", "production", "AI agents in broad production", 0.05],
      ["security-barrier", "guardrails", "Cite security as the main barrier", 0.6, { caveat: "Published as 'about 60%'." }],
    ]),
  ),
  ...study(
    {
      prefix: "deloitte",
      study: "State of AI in the Enterprise 2026",
      publisher: "Deloitte",
      date: "2026",
      n: 3235,
      base: "3,235 leaders in 24 countries",
      source: { title: "corporateagents.com.au: the enterprise AI agent governance gap 2026", url: "https://corporateagents.com.au/blogs/enterprise-ai-agent-governance-gap-2026/" },
      tier: "S",
      singleSource: true,
      caveat: `One secondary source. ${CONSULTING}`,
    },
    rows([
      ["mature-governance", "guardrails", "Mature governance model for agents (among those deploying)", 0.21, { base: "Organisations deploying agents", n: null }],
      ["plan-agentic-use", "production", "Plan moderate-to-extensive agentic AI use within 2 years", 0.74],
      ["brazil-mature-governance", "guardrails", "Brazil: mature governance model for agents", 0.27, { base: "Respondents in Brazil", n: null, tier: "G", caveat: "Seen only in one GitHub note." }],
    ]),
  ),
];
