/**
 * The audience model: who sees a dataset's numbers exactly and who gets protected aggregates.
 *
 * - **Respondent access** (exact numbers, low bases flagged, nothing suppressed): admins and
 *   researchers of the owning workspace, and the dataset's uploader.
 * - Everyone else who may see the dataset — analysts without respondent access, viewers and
 *   executives, other workspaces through a share, tokens, agents — is an **aggregate-only
 *   audience**: every number reaches them through the disclosure gateway (small cells, complements,
 *   the differencing guard keyed on populations).
 * - A dataset whose owner chose the `open` policy (e.g. a market-research panel with no
 *   confidentiality promise) is released exactly to everyone who may see it.
 * - A dataset under the `perturbed` policy is protected like `protected` and, on top, its counts
 *   reach aggregate-only audiences perturbed by the cell-key method (lib/disclosure/cell-key).
 *
 * Pure: the caller supplies the viewer, how they reach the dataset and the dataset's governance.
 */
import { z } from "zod";

/** A dataset's confidentiality policy, set by its uploader or an admin of the owning workspace. */
export const CONFIDENTIALITY_POLICIES = ["open", "protected", "perturbed"] as const;
export const confidentialityPolicySchema = z.enum(CONFIDENTIALITY_POLICIES);
export type ConfidentialityPolicy = z.infer<typeof confidentialityPolicySchema>;

/** What the store keeps about a dataset's governance; a dataset without a record is `protected`. */
export interface DatasetGovernance {
  policy: ConfidentialityPolicy;
  /** the user who uploaded the dataset (null: unknown, e.g. seeded or imported before this was kept) */
  uploadedBy: string | null;
}

export const DEFAULT_GOVERNANCE: DatasetGovernance = Object.freeze({ policy: "protected", uploadedBy: null });

/** The parts of a caller the model needs. */
export interface AudienceViewer {
  userId: string;
  workspaceId: string;
  role: "admin" | "researcher" | "analyst" | "viewer";
  /** "agent" credentials are always aggregate-only */
  via: string;
}

/** How the viewer reaches the dataset: their workspace owns it, or it was shared with them. */
export type DatasetReach = "owner" | "shared";

export type Audience =
  | { kind: "respondent"; why: "admin" | "researcher" | "uploader" }
  | { kind: "aggregate"; exact: boolean; why: "open-policy" | "aggregate-only"; /** counts perturbed by the cell-key method (`perturbed` policy) */ perturbed?: true };

/**
 * The audience a viewer belongs to for one dataset.
 * @example audienceFor({ userId: "u1", workspaceId: "w", role: "analyst", via: "session" }, "owner", { policy: "protected", uploadedBy: "u1" }) // { kind: "respondent", why: "uploader" }
 * @example audienceFor({ userId: "u2", workspaceId: "w", role: "admin", via: "session" }, "shared", DEFAULT_GOVERNANCE) // { kind: "aggregate", exact: false, why: "aggregate-only" }
 */
export function audienceFor(viewer: AudienceViewer, reach: DatasetReach, gov: DatasetGovernance): Audience {
  if (reach === "owner" && viewer.via !== "agent") {
    if (viewer.role === "admin") return { kind: "respondent", why: "admin" };
    if (viewer.role === "researcher") return { kind: "respondent", why: "researcher" };
    if (gov.uploadedBy !== null && gov.uploadedBy === viewer.userId && viewer.role !== "viewer") return { kind: "respondent", why: "uploader" };
  }
  if (gov.policy === "open") return { kind: "aggregate", exact: true, why: "open-policy" };
  return gov.policy === "perturbed" ? { kind: "aggregate", exact: false, why: "aggregate-only", perturbed: true } : { kind: "aggregate", exact: false, why: "aggregate-only" };
}

/**
 * Whether the audience gets counts perturbed by the cell-key method (aggregate-only, `perturbed` policy).
 * @example isPerturbed({ kind: "aggregate", exact: false, why: "aggregate-only", perturbed: true }) // true
 */
export function isPerturbed(a: Audience): boolean {
  return a.kind === "aggregate" && a.perturbed === true;
}

/** Whether the audience gets exact numbers (respondent access, or an open dataset). */
export function seesExact(a: Audience): boolean {
  return a.kind === "respondent" || a.exact;
}

/** Who may change a dataset's policy: admins of the owning workspace and its uploader. */
export function canSetPolicy(viewer: AudienceViewer, reach: DatasetReach, gov: DatasetGovernance): boolean {
  if (reach !== "owner" || viewer.via === "agent") return false;
  return viewer.role === "admin" || (gov.uploadedBy !== null && gov.uploadedBy === viewer.userId && viewer.role !== "viewer");
}
