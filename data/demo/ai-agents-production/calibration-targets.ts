/** One published figure the synthetic file must reproduce, and how to read it off the rows. */
export interface CalibrationTarget {
  /** the benchmark figure id in data/benchmarks/benchmarks.json */
  benchmark: string;
  column: string;
  /** categories counted together (a NET when several) */
  categories: readonly string[];
  filter?: Readonly<Record<string, readonly string[]>>;
  multi?: boolean;
  /** the published share */
  target: number;
  /** allowed absolute difference, unweighted */
  tolerance: number;
}

const HEADLINE = 0.02;
const SUBGROUP = 0.05;
const LIVE = { agent_status: ["Live in production"] };

/** The published Sinch figures the `ai-agents-production` demo is calibrated to (unweighted). */
export const AI_AGENTS_TARGETS: readonly CalibrationTarget[] = [
  { benchmark: "sinch-live-production", column: "agent_status", categories: ["Live in production"], target: 0.62, tolerance: HEADLINE },
  {
    benchmark: "sinch-production-within-12m",
    column: "agent_status",
    categories: ["Live in production", "Piloting", "Planning to deploy within 12 months"],
    target: 0.88,
    tolerance: HEADLINE,
  },
  { benchmark: "sinch-rollback-shipped", column: "rolled_back", categories: ["Yes"], filter: LIVE, target: 0.74, tolerance: HEADLINE },
  {
    benchmark: "sinch-rollback-fully-mature",
    column: "rolled_back",
    categories: ["Yes"],
    filter: { ...LIVE, guardrail_maturity: ["Fully mature"] },
    target: 0.81,
    tolerance: SUBGROUP,
  },
  { benchmark: "sinch-investment-increasing", column: "investment_change", categories: ["Increase by up to 25%", "Increase by more than 25%"], target: 0.98, tolerance: HEADLINE },
  { benchmark: "sinch-safety-time-half", column: "safety_time_share", categories: ["50–74%", "75% or more"], target: 0.84, tolerance: HEADLINE },
  { benchmark: "sinch-custom-infrastructure", column: "custom_infrastructure", categories: ["Yes"], target: 0.55, tolerance: HEADLINE },
  { benchmark: "sinch-focus-trust-security", column: "investment_focus", categories: ["Trust, security and compliance"], multi: true, target: 0.76, tolerance: HEADLINE },
  { benchmark: "sinch-focus-ai-development", column: "investment_focus", categories: ["AI development"], multi: true, target: 0.63, tolerance: HEADLINE },
  { benchmark: "sinch-considering-new-provider", column: "considering_new_provider", categories: ["Yes"], target: 0.86, tolerance: HEADLINE },
  { benchmark: "sinch-infrastructure-important", column: "infrastructure_importance", categories: ["Very important", "Essential"], target: 0.87, tolerance: HEADLINE },
  { benchmark: "sinch-shortfall-reliability", column: "provider_shortfalls", categories: ["Insufficient reliability for AI at scale"], multi: true, target: 0.42, tolerance: HEADLINE },
  { benchmark: "sinch-shortfall-multichannel", column: "provider_shortfalls", categories: ["Limited multi-channel capabilities"], multi: true, target: 0.37, tolerance: HEADLINE },
  { benchmark: "sinch-shortfall-ai-integrations", column: "provider_shortfalls", categories: ["Lack of AI platform integrations"], multi: true, target: 0.32, tolerance: HEADLINE },
  { benchmark: "sinch-impact-support-load", column: "failure_impact", categories: ["Surge in human support agent load"], target: 0.35, tolerance: HEADLINE },
  { benchmark: "sinch-impact-reputation", column: "failure_impact", categories: ["Reputational damage and loss of customer trust"], target: 0.34, tolerance: HEADLINE },
  { benchmark: "sinch-cause-data-exposure", column: "rollback_cause", categories: ["Customer data exposure"], target: 0.31, tolerance: HEADLINE },
  { benchmark: "sinch-cause-hallucination", column: "rollback_cause", categories: ["Hallucinations or brand risk"], target: 0.22, tolerance: HEADLINE },
  { benchmark: "sinch-cause-auditability", column: "rollback_cause", categories: ["Lack of auditability"], target: 0.16, tolerance: HEADLINE },
  { benchmark: "sinch-size-1000-4999", column: "company_size", categories: ["1,000–4,999 employees"], target: 0.68, tolerance: HEADLINE },
  { benchmark: "sinch-brazil-live", column: "agent_status", categories: ["Live in production"], filter: { country: ["Brazil"] }, target: 0.76, tolerance: SUBGROUP },
  { benchmark: "sinch-us-live", column: "agent_status", categories: ["Live in production"], filter: { country: ["United States"] }, target: 0.67, tolerance: SUBGROUP },
  { benchmark: "sinch-brazil-rollback", column: "rolled_back", categories: ["Yes"], filter: { ...LIVE, country: ["Brazil"] }, target: 0.8, tolerance: SUBGROUP },
  { benchmark: "sinch-brazil-cause-leak", column: "rollback_cause", categories: ["Customer data exposure"], filter: { country: ["Brazil"] }, target: 0.39, tolerance: SUBGROUP },
  { benchmark: "sinch-latam-cause-leak", column: "rollback_cause", categories: ["Customer data exposure"], filter: { country: ["Brazil", "Mexico"] }, target: 0.41, tolerance: SUBGROUP },
  { benchmark: "sinch-north-america-cause-leak", column: "rollback_cause", categories: ["Customer data exposure"], filter: { country: ["United States", "Canada"] }, target: 0.26, tolerance: SUBGROUP },
  { benchmark: "sinch-brazil-big-increase", column: "investment_change", categories: ["Increase by more than 25%"], filter: { country: ["Brazil"] }, target: 0.66, tolerance: SUBGROUP },
];
