import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { type Source, identityDemo, study } from "../define";

const NHI1: Source = {
  title: "NHI Mgmt Group: AI agent identity security gaps are exposing enterprise access risk",
  url: "https://nhimg.org/articles/ai-agent-identity-security-gaps-are-exposing-enterprise-access-risk/",
};
const NHI2: Source = {
  title: "NHI Mgmt Group: AI agent identity security is outgrowing human IAM controls",
  url: "https://nhimg.org/articles/ai-agent-identity-security-is-outgrowing-human-iam-controls/",
};
const SUB: Source = { title: "subagentic.ai: Akeyless AI agent identity security 2026", url: "https://subagentic.ai/posts/akeyless-ai-agent-identity-security-2026/" };
const DEV: Source = {
  title: "dev.to: Your AI agents are probably accessing data they shouldn't",
  url: "https://dev.to/albertomontagnese/your-ai-agents-are-probably-accessing-data-they-shouldnt-463",
};
const ARM: Source = {
  title: "Scott Armbruster: Your Agents Are Already Out of Bounds",
  url: "https://armbruster-brand-astro.pages.dev/articles/akeyless-ai-agent-identity-security-unauthorized-access-2026/",
};
const AK_PR: Source = {
  title: "PR Newswire: Two-Thirds of Enterprises Suspect AI Agents Have Already Accessed Unauthorized Data, Akeyless Finds (known from a GitHub digest; not stored)",
  url: "https://www.prnewswire.com/il/news-releases/two-thirds-of-enterprises-suspect-ai-agents-have-already-accessed-unauthorized-data-akeyless-finds-302769768.html",
};
const USERS = "Organisations using AI agents (probably the 94% of 400, about 376; base not stated)";

/** Akeyless, "2026 State of AI Agent Identity Security Report" (May 12, 2026; n = 400; with MRA Research). */
export const AKEYLESS: BenchmarkFigure[] = study(
  {
    prefix: "akeyless",
    study: "2026 State of AI Agent Identity Security Report",
    publisher: "Akeyless (with MRA Research)",
    date: "2026-05-12",
    n: null,
    base: USERS,
    source: NHI1,
    tier: "S",
    singleSource: false,
    caveat:
      "Vendor-sponsored; the release itself is not stored, so every figure is second-hand. Fieldwork dates, US/UK split and question wording not published.",
  },
  [
    {
      id: "suspect-out-of-scope",
      topic: "identity-access",
      label: "Suspect AI agents have already accessed data beyond their intended scope",
      value: 0.67,
      caveat: "Conflict: 67% in four secondary sources, 66% in one GitHub digest (akeyless-suspect-out-of-scope-66); 'suspect' is not 'confirmed'.",
      demoMatch: identityDemo("suspect_out_of_scope", "Yes"),
    },
    {
      id: "suspect-out-of-scope-66",
      topic: "identity-access",
      label: "Suspect AI agents have already accessed unauthorised data (conflicting report)",
      value: 0.66,
      source: AK_PR,
      tier: "G",
      singleSource: true,
      caveat: "Conflicts with the better-sourced 67% (akeyless-suspect-out-of-scope); do not chart both.",
      demoMatch: identityDemo("suspect_out_of_scope", "Yes"),
    },
    {
      id: "revoked-credentials",
      topic: "identity-access",
      label: "Have revoked or rotated AI agent credentials because of a security incident or concern",
      value: 0.61,
      base: "All respondents or agent users (unclear)",
      source: SUB,
      caveat: "Base unclear.",
      demoMatch: identityDemo("revoked_credentials", "Yes"),
    },
    {
      id: "controls-would-stop",
      topic: "identity-access",
      label: "Believe current identity and access controls could stop a compromised AI agent",
      value: 0.07,
      base: "All respondents or agent users (unclear)",
      source: SUB,
      caveat: "Base unclear; a belief, not a test of controls.",
      demoMatch: identityDemo("controls_would_stop", "Yes, confidently"),
    },
    {
      id: "detect-hours",
      topic: "identity-access",
      label: "Average time to detect a compromised AI agent (hours)",
      value: 14,
      unit: "hours",
      source: SUB,
      caveat: "A mean only: no distribution and no '% taking more than X hours' was published, so such shares in the demo are synthetic.",
      demoMatch: identityDemo("detect_hours"),
    },
    {
      id: "spend-usd",
      topic: "investment",
      label: "Average spent on AI agent identity issues in the past year (USD)",
      value: 1_000_000,
      unit: "usd",
      base: "Per organisation",
      source: SUB,
      caveat: "Published as '$1M+', an average with a lower bound; no '% spending more than $1M' was published.",
      demoMatch: identityDemo("identity_spend_usd"),
    },
    {
      id: "use-ai-agents",
      topic: "production",
      label: "Already use AI agents",
      value: 0.94,
      base: "All 400 respondents",
      n: 400,
      source: NHI2,
      singleSource: true,
      caveat: "One secondary source.",
      demoMatch: { dataset: "ai-agent-identity", outcome: "uses_ai_agents", outcome_category: "Yes" },
    },
    {
      id: "sensitive-access",
      topic: "identity-access",
      label: "Say their AI agents can access sensitive data",
      value: 0.85,
      base: "All respondents or agent users (unclear)",
      source: NHI2,
      singleSource: true,
      caveat: "One secondary source; base unclear (85% of 376 users or of all 400).",
      demoMatch: identityDemo("agents_access_sensitive", "Yes"),
    },
    {
      id: "blast-radius",
      topic: "identity-access",
      label: "Say a single compromised credential could affect multiple major systems",
      value: 0.8,
      base: "All respondents",
      source: DEV,
      singleSource: true,
      caveat: "Published only as 'more than four out of five', so 80% is a lower bound (the demo uses 82%); one secondary source.",
      demoMatch: identityDemo("single_credential_blast_radius", "Yes"),
    },
    {
      id: "remediation-days",
      topic: "identity-access",
      label: "Average time to contain and remediate a compromised agent (days)",
      value: 7,
      unit: "days",
      source: ARM,
      singleSource: true,
      caveat: "Unverified, one secondary source ('~7 days'); the same article misattributes two Gravitee figures to Akeyless.",
      demoMatch: identityDemo("remediation_days"),
    },
    {
      id: "respondents",
      topic: "sample",
      label: "Respondents (IT and security leaders)",
      value: 400,
      unit: "count",
      base: "Whole sample",
      n: 400,
      source: SUB,
      caveat: "Geography conflict: 'US and UK' in three sources, 'global' in one.",
    },
  ],
);
