import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { rows, study } from "../define";

const VENDOR = "Vendor-sponsored survey, reported second-hand; question wording and weighting not seen.";
const COUNT = { unit: "count" as const };
const PREDICTION = { unit: "share" as const, n: null, caveat: "An analyst prediction, not a survey result." };

/** Peer enterprise AI surveys and analyst figures (research/benchmarks.md D11–D20). */
export const PEERS_ENTERPRISE: BenchmarkFigure[] = [
  ...study(
    {
      prefix: "dataiku-cio",
      study: "The 7 Career-Making AI Decisions for CIOs in 2026",
      publisher: "Dataiku × Harris Poll",
      date: "2026-02",
      n: 600,
      base: "600 CIOs in 8 countries (US, UK, France, Germany, UAE, Japan, South Korea, Singapore)",
      source: { title: "sipoch.com: Dataiku CIO survey 2026", url: "https://www.sipoch.com/en/articles/300330021657801" },
      tier: "S",
      singleSource: false,
      caveat: `One source says 812 respondents (likely another edition). ${VENDOR}`,
    },
    rows([
      ["agents-embedded", "production", "Have AI agents embedded in operations", 0.87],
      ["business-critical", "production", "Run agents in business-critical workflows", 0.62],
      ["no-realtime-visibility", "guardrails", "Lack real-time visibility of agents in production", 0.75],
      ["vendor-regret", "infrastructure", "Regret an AI vendor choice", 0.74],
      ["traceability-delays", "guardrails", "Say traceability gaps delayed or stopped projects", 0.85],
      ["citizen-ai-worry", "guardrails", "Worry citizen-built AI exposes data", 0.81],
      ["budget-cut-risk", "investment", "Expect budget cuts without results by mid-2026", 0.71],
      ["respondents", "sample", "Respondents", 600, COUNT],
    ]),
  ),
  ...study(
    {
      prefix: "dataiku-confessions",
      study: "Global AI Confessions Report: CIO Edition 2026",
      publisher: "Dataiku × Harris Poll",
      date: "2026-09-24",
      n: 685,
      base: "685 CIOs in 8 countries (fielded July 9–29, 2026)",
      source: { title: "Dataiku news: Global AI Confessions Report, CIO Edition 2026 (cited by a GitHub note; not stored)", url: "https://www.dataiku.com/company/news/global-ai-confessions-report-cio-edition-2026" },
      tier: "G",
      singleSource: true,
      caveat: `Seen only in one GitHub note. ${VENDOR}`,
    },
    rows([
      ["no-shadow-visibility", "guardrails", "Lack full visibility of agents built outside approved systems", 0.81],
      ["build-faster-than-governed", "guardrails", "Say employees build agents faster than IT can govern them", 0.84],
      ["deactivated-20-agents", "rollback", "Deactivated more than 20 agents this year", 0.47, { caveat: "A rollback-like measure, not Sinch's definition." }],
      ["cannot-confirm-outcomes", "production", "Cannot consistently confirm agents deliver the intended outcome", 0.72],
      ["respondents", "sample", "Respondents", 685, COUNT],
    ]),
  ),
  ...study(
    {
      prefix: "collibra",
      study: "AI agents survey (September 2026)",
      publisher: "Collibra × Harris Poll",
      date: "2026-09",
      n: 300,
      base: "300+ US data and AI decision makers",
      source: {
        title: "Collibra × Harris Poll, as quoted in a GitHub-stored research note; no article URL was seen, so this links the publisher's home page",
        url: "https://www.collibra.com/",
      },
      tier: "G",
      singleSource: true,
      caveat: `Seen only in one GitHub note; 'n = 300' is the published floor ('300+'). ${VENDOR}`,
    },
    rows([
      ["pilot-roadblocks", "production", "Hit critical roadblocks taking agents from pilot to production", 0.76],
      ["review-hours", "guardrails", "Spend significant hours reviewing agent output (firms above $100M revenue)", 0.64, { base: "Firms above $100M revenue", n: null }],
      ["bad-data-blame", "production", "Blame bad or misaligned data for AI failures", 0.72],
    ]),
  ),
  ...study(
    {
      prefix: "ibm-codb",
      study: "Cost of a Data Breach 2025",
      publisher: "IBM (research by Ponemon Institute)",
      date: "2025-07-30",
      n: 600,
      base: "600 organisations breached between March 2024 and February 2025",
      source: {
        title: "IBM newsroom: 13% of organizations reported breaches of AI models or applications (as cited)",
        url: "https://newsroom.ibm.com/2025-07-30-ibm-report-13-of-organizations-reported-breaches-of-ai-models-or-applications,-97-of-which-reported-lacking-proper-ai-access-controls",
      },
      tier: "S",
      singleSource: false,
      caveat: "Breached organisations only, so not a general-population rate; IBM-sponsored. Release page not stored; figures from secondary coverage.",
    },
    rows([
      ["ai-breach", "identity-access", "Had a breach of AI models or applications", 0.13],
      ["ai-breach-unknown", "identity-access", "Don't know whether AI models or apps were breached", 0.08],
      ["no-ai-access-controls", "identity-access", "Lacked AI access controls (among AI breaches)", 0.97, { base: "Organisations with an AI breach", n: null }],
      ["ai-incident-data", "identity-access", "AI incidents that compromised data", 0.6, { base: "AI security incidents", n: null }],
      ["ai-incident-operations", "identity-access", "AI incidents that disrupted operations", 0.31, { base: "AI security incidents", n: null }],
      ["ai-incident-financial", "identity-access", "AI incidents that caused financial loss", 0.23, { base: "AI security incidents", n: null }],
      ["no-governance-policy", "guardrails", "No AI governance policy, or still developing one", 0.63],
      ["approval-process", "guardrails", "Have an approval process for AI deployments", 0.45],
      ["no-governance-tech", "guardrails", "Lack AI governance technology", 0.61],
      ["shadow-ai-breaches", "identity-access", "Breaches involving shadow AI", 0.2, { caveat: "Reported as '1 in 5'." }],
      ["shadow-ai-cost", "investment", "Extra breach cost when shadow AI was involved (USD)", 670_000, { unit: "usd" }],
      ["attackers-ai", "identity-access", "Breaches where attackers used AI", 0.16],
      ["breach-cost-global", "investment", "Average breach cost, global (USD)", 4_440_000, { unit: "usd" }],
      ["breach-cost-us", "investment", "Average breach cost, United States (USD)", 10_220_000, { unit: "usd", base: "US breaches", n: null }],
      ["respondents", "sample", "Breached organisations studied", 600, COUNT],
    ]),
  ),
  ...study(
    {
      prefix: "gartner",
      study: "Agentic AI press releases",
      publisher: "Gartner",
      date: "2025-06-25",
      n: null,
      base: "Analyst prediction",
      source: { title: "vortx.ch: Gartner: 40% of agentic AI projects canceled by 2027", url: "https://vortx.ch/gartner-40-of-agentic-ai-projects-canceled-by-2027/" },
      tier: "S",
      singleSource: false,
      caveat: "Gartner press releases seen through secondary coverage.",
    },
    rows([
      ["projects-cancelled-2027", "rollback", "Agentic AI projects cancelled by end of 2027", 0.4, { ...PREDICTION, caveat: "Published as 'more than 40%'; an analyst prediction." }],
      ["invested", "investment", "Organisations that have invested in agentic AI", 0.61, { base: "Gartner poll of 3,412", n: 3412 }],
      ["invested-significantly", "investment", "Organisations that have invested significantly in agentic AI", 0.19, { base: "Gartner poll of 3,412", n: 3412 }],
      ["real-vendors", "production", "Vendors offering 'real' agentic capability", 130, { ...COUNT, caveat: "An analyst estimate ('about 130')." }],
      ["apps-with-agents-2026", "production", "Enterprise apps with task-specific agents by end of 2026", 0.4, PREDICTION],
      ["apps-with-agents-2025", "production", "Enterprise apps with task-specific agents in 2025", 0.05, { ...PREDICTION, caveat: "Published as 'less than 5%'; an analyst estimate." }],
      ["demote-agents-2027", "rollback", "Enterprises that will demote or decommission autonomous agents by 2027", 0.4, { ...PREDICTION, date: "2026-05-26", caveat: "An analyst prediction, reported second-hand." }],
    ]),
  ),
];
