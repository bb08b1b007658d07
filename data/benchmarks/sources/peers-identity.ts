import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { rows, study } from "../define";

const VENDOR = "Vendor-sponsored survey, reported second-hand; question wording and weighting not seen.";
const COUNT = { unit: "count" as const };

/** Peer surveys on AI agents, identity and incidents (research/benchmarks.md D6–D10, D21). */
export const PEERS_IDENTITY: BenchmarkFigure[] = [
  ...study(
    {
      prefix: "okta-2026",
      study: "AI Agents at Work 2026",
      publisher: "Okta (fieldwork by Apprize360)",
      date: "2026-03",
      n: 292,
      base: "292 executives, 7 countries (US, UK, Australia, Canada, Japan, France, Germany)",
      source: { title: "Okta newsroom: AI agents at work 2026", url: "https://www.okta.com/en-au/newsroom/articles/ai-agents-at-work-2026-agentic-enterprise-security/" },
      tier: "S",
      singleSource: false,
      caveat: "Compiled from Okta's newsroom article and secondary coverage (The Outpost, Raconteur); which figure appears where was not recorded. Vendor-sponsored; the date is the fieldwork month (March 2026); per-country figures not seen.",
    },
    rows([
      ["workers-unapproved-tools", "guardrails", "Knowledge workers using unapproved AI tools", 0.52, { base: "492 knowledge workers", n: 492 }],
      ["exec-confident-oversight", "guardrails", "Executives confident in their oversight of AI", 0.9],
      ["exec-confident-responsible", "guardrails", "Executives confident AI use is responsible", 0.95],
      ["exec-security-issue", "identity-access", "Executives reporting an AI-related security issue in the past 12 months", 0.58],
      ["exec-actual-incident", "identity-access", "Executives reporting an actual AI-related incident", 0.267],
      ["exec-close-call", "identity-access", "Executives reporting an AI-related close call", 0.312],
      ["respondents", "sample", "Respondents (292 executives + 492 knowledge workers)", 784, { ...COUNT, n: 784, base: "Whole sample" }],
    ]),
  ),
  ...study(
    {
      prefix: "okta-earlier",
      study: "AI agent security survey (before the 2026 report)",
      publisher: "Okta",
      date: null,
      n: 260,
      base: "260 executives",
      source: { title: "Petri: the AI agents identity security gap", url: "https://petri.com/ai-agents-identity-security-gap/" },
      tier: "S",
      singleSource: true,
      caveat: `Date not seen; one secondary source. ${VENDOR}`,
    },
    rows([
      ["use-agents", "production", "Use AI agents", 0.91],
      ["iam-important", "identity-access", "Say identity and access management is important for agents", 0.85],
      ["nhi-strategy", "identity-access", "Have a well-developed non-human identity strategy", 0.1],
    ]),
  ),
  ...study(
    {
      prefix: "sailpoint",
      study: "AI agents: the new attack surface",
      publisher: "SailPoint",
      date: null,
      n: null,
      base: "Sample not found",
      source: { title: "Business Chief: SailPoint on governing AI agents in the enterprise", url: "https://businesschief.com/news/sailpoint-governing-ai-agents-in-the-enterprise" },
      tier: "S",
      singleSource: false,
      caveat: `Date and sample size not seen. ${VENDOR}`,
    },
    rows([
      ["agents-production", "production", "Have AI agents in production", 0.82],
      ["permission-policies", "guardrails", "Have documented permission policies for agents", 0.44],
      ["unintended-actions", "identity-access", "Saw agents take unintended actions", 0.8],
      ["credentials-exposed", "identity-access", "Had agent credentials exposed", 0.23],
      ["track-data-access", "guardrails", "Can track the data agents access", 0.52],
    ]),
  ),
  ...study(
    {
      prefix: "arkose",
      study: "2026 Agentic AI Security Report",
      publisher: "Arkose Labs",
      date: "2026-02",
      n: 300,
      base: "300 enterprise leaders (security, fraud, identity, AI)",
      source: { title: "NHI Mgmt Group: AI agent security readiness lags incident expectations", url: "https://nhimg.org/articles/ai-agent-security-readiness-lags-incident-expectations-in-enterprises/" },
      tier: "S",
      singleSource: false,
      caveat: VENDOR,
    },
    rows([
      ["expect-incident-12m", "identity-access", "Expect a material agent-driven incident within 12 months", 0.97, { caveat: "An expectation, not an observed rate." }],
      ["expect-incident-6m", "identity-access", "Expect a material agent-driven incident within 6 months", 0.49, { caveat: "An expectation, not an observed rate." }],
      ["budget-share", "investment", "Share of security budget spent on agent security", 0.06, { caveat: "A share of budget, not of respondents." }],
      ["no-governance-controls", "guardrails", "No formal agent governance controls", 0.57],
      ["insider-threat", "identity-access", "Say agents with legitimate credentials are a bigger insider threat than humans", 0.87],
      ["attribution-confident", "guardrails", "Very confident they could attribute an agent incident", 0.26],
      ["expect-mature-frameworks", "guardrails", "Expect mature agent security frameworks within 3 years", 0.88],
      ["respondents", "sample", "Respondents", 300, COUNT],
    ]),
  ),
  ...study(
    {
      prefix: "avepoint",
      study: "Shift Happens 2026",
      publisher: "AvePoint",
      date: "2026",
      n: 750,
      base: "750 leaders in the Americas, EMEA and APAC",
      source: { title: "beri.net: AI agent security confidence gap", url: "https://www.beri.net/article/ai-agent-security-confidence-gap-88-percent-incidents-82-percent-think-protected-2026" },
      tier: "S",
      singleSource: true,
      caveat: `One secondary source; regional figures not seen. ${VENDOR}`,
    },
    rows([
      ["incident", "identity-access", "Had at least one AI-agent security incident", 0.884],
      ["respondents", "sample", "Respondents", 750, COUNT],
    ]),
  ),
  ...study(
    {
      prefix: "cyberark",
      study: "2025 Identity Security Landscape",
      publisher: "CyberArk",
      date: "2025",
      n: null,
      base: "Sample not stated in the source seen",
      source: { title: "askmeidentity.com: state of AI agent identity", url: "https://askmeidentity.com/resources/state-of-ai-agent-identity/" },
      tier: "S",
      singleSource: true,
      caveat: `One secondary source; sample not stated. ${VENDOR}`,
    },
    rows([
      ["no-ai-identity-controls", "identity-access", "Lack identity security controls for AI", 0.68],
      ["same-privileged-controls", "identity-access", "Apply the same privileged controls to agents as to humans", 0.45],
      ["no-ai-access-policy", "identity-access", "Have no clear AI access policy", 0.33],
      ["machine-human-ratio", "identity-access", "Machine identities per human identity", 80, { ...COUNT, caveat: "A ratio (80:1), not a share." }],
    ]),
  ),
];
