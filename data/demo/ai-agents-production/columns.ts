import type { DemoColumn } from "../lib/columns";

/** The 10 fieldwork countries (published list, Sinch release). */
export const COUNTRIES = [
  "United States",
  "United Kingdom",
  "Australia",
  "Brazil",
  "Germany",
  "France",
  "India",
  "Singapore",
  "Mexico",
  "Canada",
] as const;
/** One of {@link COUNTRIES}. */
export type Country = (typeof COUNTRIES)[number];

/** The six industries (published list, second-hand); financial services and healthcare largest. */
export const INDUSTRIES = ["Financial services", "Healthcare", "Telecommunications", "Technology", "Retail", "Professional services"] as const;
/** Company-size bands (published 68/32 mix; fewer than 1,000 screened out). */
export const COMPANY_SIZES = ["1,000–4,999 employees", "5,000+ employees"] as const;
/** Respondent roles (published list; shares FREE). */
export const ROLES = ["C-suite", "VP", "Director", "Manager"] as const;
/** Guardrail self-rating, low → high. Only "Fully mature" is a published label. */
export const MATURITY = ["Early", "Developing", "Established", "Fully mature"] as const;
/** One of {@link MATURITY}. */
export type Maturity = (typeof MATURITY)[number];
/** The "live in production" status (published 62%). */
export const LIVE = "Live in production";
/** Deployment status; all but the last expect production within 12 months (published 88%). */
export const STATUS = [LIVE, "Piloting", "Planning to deploy within 12 months", "No plans within 12 months"] as const;
/** Yes / No answers. */
export const YES_NO = ["Yes", "No"] as const;
/** Main rollback cause (31/22/16 published second-hand; "Other cause" the remainder). */
export const CAUSES = ["Customer data exposure", "Hallucinations or brand risk", "Lack of auditability", "Other cause"] as const;
/** Single biggest impact of an agent failure (35/34 published). */
export const IMPACTS = [
  "Surge in human support agent load",
  "Reputational damage and loss of customer trust",
  "Engineering cost and rework",
  "Other impact",
] as const;
/** Investment change in 2026, low → high (98% increasing published). */
export const INVESTMENT_CHANGE = ["Decrease", "Stay the same", "Increase by up to 25%", "Increase by more than 25%"] as const;
/** Share of AI engineering time on safety, low → high (84% at least half published). */
export const SAFETY_TIME = ["Less than 25%", "25–49%", "50–74%", "75% or more"] as const;
/** Budget focus, multi-select (76/63 published second-hand). */
export const FOCUS = [
  "Trust, security and compliance",
  "AI development",
  "Communications infrastructure",
  "Data and integration",
  "Talent and training",
  "Other",
] as const;
/** Provider shortfalls, multi-select (42/37/32 published); "None of these" is exclusive. */
export const SHORTFALLS = [
  "Insufficient reliability for AI at scale",
  "Limited multi-channel capabilities",
  "Lack of AI platform integrations",
  "Unpredictable pricing",
  "Weak compliance and data-residency support",
  "None of these",
] as const;
/** Importance scale, low → high (top-2 87% published). */
export const IMPORTANCE = ["Not important", "Slightly important", "Moderately important", "Very important", "Essential"] as const;
/** Codes of the 1–5 satisfaction and confidence scales. */
export const FIVE = ["1", "2", "3", "4", "5"] as const;

/** Columns of `ai-agents-production.csv`, in file order, with their question model. */
export const COLUMNS: readonly DemoColumn[] = [
  { column: "respondent_id", label: "Respondent ID", type: "id" },
  { column: "field_date", label: "Interview date", type: "date" },
  { column: "country", label: "Country", type: "single", options: COUNTRIES },
  { column: "industry", label: "Industry", type: "single", options: INDUSTRIES },
  { column: "company_size", label: "Company size (employees)", type: "ordinal", options: COMPANY_SIZES },
  { column: "role", label: "Role", type: "single", options: ROLES },
  {
    column: "guardrail_maturity",
    label: "How would you describe the maturity of your organisation's AI guardrails?",
    type: "ordinal",
    options: MATURITY,
  },
  {
    column: "agent_status",
    label: "What is the status of AI agents in your organisation's customer communications?",
    type: "single",
    options: STATUS,
  },
  {
    column: "rolled_back",
    label:
      "Has your organisation rolled back or shut down a live AI customer-communications agent after a governance failure? (asked of those live in production)",
    type: "single",
    options: YES_NO,
  },
  {
    column: "rollback_cause",
    label: "What was the main cause of the rollback? (asked of those who rolled back)",
    type: "single",
    options: CAUSES,
  },
  { column: "failure_impact", label: "What is the single biggest impact when an AI agent fails?", type: "single", options: IMPACTS },
  {
    column: "investment_change",
    label: "How will your organisation's investment in AI communications change in 2026?",
    type: "ordinal",
    options: INVESTMENT_CHANGE,
  },
  {
    column: "safety_time_share",
    label: "What share of your AI engineering team's time goes to safety infrastructure?",
    type: "ordinal",
    options: SAFETY_TIME,
  },
  {
    column: "custom_infrastructure",
    label: "Do you have to build custom infrastructure to keep customer context across channels?",
    type: "single",
    options: YES_NO,
  },
  {
    column: "investment_focus",
    label: "Where is your AI-communications budget going in 2026? (select all that apply)",
    type: "multi",
    options: FOCUS,
  },
  {
    column: "provider_shortfalls",
    label: "In which areas does your current communications provider fall short? (select all that apply)",
    type: "multi",
    options: SHORTFALLS,
  },
  {
    column: "considering_new_provider",
    label: "Are you evaluating or considering new communications providers?",
    type: "single",
    options: YES_NO,
  },
  {
    column: "infrastructure_importance",
    label: "How important is high-performance communications infrastructure to your AI strategy?",
    type: "ordinal",
    options: IMPORTANCE,
  },
  {
    column: "infrastructure_satisfaction",
    label: "How satisfied are you with your current communications infrastructure?",
    type: "ordinal",
    options: FIVE,
    optionLabels: { "1": "1 – Very dissatisfied", "2": "2", "3": "3", "4": "4", "5": "5 – Very satisfied" },
    group: "infrastructure_confidence",
  },
  {
    column: "deployment_confidence",
    label: "How confident are you in your organisation's AI agent deployment?",
    type: "ordinal",
    options: FIVE,
    optionLabels: { "1": "1 – Not at all confident", "2": "2", "3": "3", "4": "4", "5": "5 – Completely confident" },
    group: "infrastructure_confidence",
  },
  { column: "weight", label: "Post-stratification weight (country × company size)", type: "weight" },
];
