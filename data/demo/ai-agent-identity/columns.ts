import type { DemoColumn } from "../lib/columns";
import { INDUSTRIES } from "../ai-agents-production/columns";

/** Industries: the same list as the Sinch-like dataset, for a consistent UI (not published for Akeyless). */
export { INDUSTRIES };
/** Published: "IT and security leaders across the US and UK" (one source says "global"). */
export const REGIONS = ["United States", "United Kingdom"] as const;
/** Company-size bands (FREE; not published). */
export const SIZES = ["500–999 employees", "1,000–4,999 employees", "5,000+ employees"] as const;
/** Respondent function (published: "IT and security leaders"). */
export const FUNCTIONS = ["IT", "Security"] as const;
/** Seniority (FREE). */
export const ROLES = ["CIO or CISO", "VP", "Director", "Manager"] as const;
/** Yes / No answers. */
export const YES_NO = ["Yes", "No"] as const;
/** Yes / No / Don't know answers. */
export const YES_NO_DK = ["Yes", "No", "Don't know"] as const;
/** Follow-up for those who suspect out-of-scope access. */
export const CONFIRMED = ["Confirmed", "Suspected, not confirmed"] as const;
/** Could current controls stop a compromised agent ("Yes, confidently" = the published 7%). */
export const CONTROLS = ["Yes, confidently", "Partially", "No", "Don't know"] as const;
/** Agent authentication methods (multi-select; FREE shares). */
export const AUTH = [
  "Static API keys",
  "Shared service accounts",
  "OAuth tokens",
  "Workload identity federation",
  "Short-lived secrets from a vault",
  "Human user credentials",
] as const;
/** Five-point agreement scale, low → high. */
export const AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"] as const;

const asked = " (asked of organisations using AI agents)";

/** Columns of `ai-agent-identity.csv`, in file order, with their question model. */
export const COLUMNS: readonly DemoColumn[] = [
  { column: "respondent_id", label: "Respondent ID", type: "id" },
  { column: "field_date", label: "Interview date", type: "date" },
  { column: "region", label: "Region (country)", type: "single", options: REGIONS },
  { column: "industry", label: "Industry", type: "single", options: INDUSTRIES },
  { column: "company_size", label: "Company size (employees)", type: "ordinal", options: SIZES },
  { column: "job_function", label: "Function", type: "single", options: FUNCTIONS },
  { column: "role", label: "Role", type: "single", options: ROLES },
  { column: "uses_ai_agents", label: "Does your organisation use AI agents?", type: "single", options: YES_NO },
  { column: "agents_access_sensitive", label: `Can those AI agents access sensitive data?${asked}`, type: "single", options: YES_NO_DK },
  {
    column: "suspect_out_of_scope",
    label: `Do you suspect AI agents have already accessed data beyond their intended scope?${asked}`,
    type: "single",
    options: YES_NO_DK,
  },
  {
    column: "out_of_scope_confirmed",
    label: "Has that out-of-scope access been confirmed? (asked of those who suspect it)",
    type: "single",
    options: CONFIRMED,
  },
  {
    column: "revoked_credentials",
    label: `Have you revoked or rotated AI agent credentials because of a security incident or concern?${asked}`,
    type: "single",
    options: YES_NO,
  },
  {
    column: "controls_would_stop",
    label: `Could your current identity and access controls stop a compromised AI agent?${asked}`,
    type: "single",
    options: CONTROLS,
  },
  {
    column: "single_credential_blast_radius",
    label: `Could a single compromised agent credential affect multiple major systems?${asked}`,
    type: "single",
    options: YES_NO_DK,
  },
  { column: "detect_hours", label: `On average, how many hours does it take to detect a compromised AI agent?${asked}`, type: "numeric" },
  { column: "remediation_days", label: `On average, how many days does it take to contain and remediate it?${asked}`, type: "numeric" },
  {
    column: "identity_spend_usd",
    label: `About how much did your organisation spend on AI agent identity issues in the past year (USD)?${asked}`,
    type: "numeric",
  },
  {
    column: "agent_auth_methods",
    label: `How do your AI agents authenticate to other systems? (select all that apply)${asked}`,
    type: "multi",
    options: AUTH,
  },
  {
    column: "agree_visibility",
    label: "We have full visibility of what our AI agents can access",
    type: "ordinal",
    options: AGREE,
    group: "agent_identity_agreement",
  },
  {
    column: "agree_least_privilege",
    label: "Our AI agents run with least-privilege access",
    type: "ordinal",
    options: AGREE,
    group: "agent_identity_agreement",
  },
  {
    column: "agree_iam_fit",
    label: "Our identity and access tools were built for non-human identities like AI agents",
    type: "ordinal",
    options: AGREE,
    group: "agent_identity_agreement",
  },
  { column: "weight", label: "Post-stratification weight (region × company size)", type: "weight" },
];
