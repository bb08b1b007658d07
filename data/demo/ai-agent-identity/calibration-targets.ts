import type { CalibrationTarget } from "../ai-agents-production/calibration-targets";

/** n = 400 (376 agent users): one respondent is 0.27 points, so exact-count targets get ±1 pt. */
const HEADLINE = 0.01;
const USERS = { uses_ai_agents: ["Yes"] };

/** The published Akeyless figures the `ai-agent-identity` demo is calibrated to (unweighted). */
export const AI_IDENTITY_TARGETS: readonly CalibrationTarget[] = [
  { benchmark: "akeyless-use-ai-agents", column: "uses_ai_agents", categories: ["Yes"], target: 0.94, tolerance: HEADLINE },
  { benchmark: "akeyless-sensitive-access", column: "agents_access_sensitive", categories: ["Yes"], filter: USERS, target: 0.85, tolerance: HEADLINE },
  { benchmark: "akeyless-suspect-out-of-scope", column: "suspect_out_of_scope", categories: ["Yes"], filter: USERS, target: 0.67, tolerance: HEADLINE },
  { benchmark: "akeyless-revoked-credentials", column: "revoked_credentials", categories: ["Yes"], filter: USERS, target: 0.61, tolerance: HEADLINE },
  { benchmark: "akeyless-controls-would-stop", column: "controls_would_stop", categories: ["Yes, confidently"], filter: USERS, target: 0.07, tolerance: HEADLINE },
  { benchmark: "akeyless-blast-radius", column: "single_credential_blast_radius", categories: ["Yes"], filter: USERS, target: 0.82, tolerance: HEADLINE },
];

/** Published means (secondary reports) and the allowed absolute difference. */
export const AI_IDENTITY_MEANS: readonly { benchmark: string; column: string; target: number; tolerance: number }[] = [
  { benchmark: "akeyless-detect-hours", column: "detect_hours", target: 14, tolerance: 0.25 },
  { benchmark: "akeyless-remediation-days", column: "remediation_days", target: 7, tolerance: 0.5 },
  { benchmark: "akeyless-spend-usd", column: "identity_spend_usd", target: 1_100_000, tolerance: 100_000 },
];
