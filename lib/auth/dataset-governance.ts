import { confidentialityPolicySchema, DEFAULT_GOVERNANCE, type ConfidentialityPolicy, type DatasetGovernance } from "@/lib/disclosure/audience";
import { ensureCellKeySecret, readDatasetGovernance, writeDatasetPolicy, type SqlRunner } from "@/lib/store";

export { forgetDatasetGovernance, recordUploader } from "@/lib/store";

/**
 * A dataset's governance record (policy, uploader). No row, or an unreadable policy, reads as the
 * default (`protected`, uploader unknown): fail closed.
 */
export async function getDatasetGovernance(sql: SqlRunner, datasetId: string): Promise<DatasetGovernance> {
  const r = await readDatasetGovernance(sql, datasetId);
  if (!r) return DEFAULT_GOVERNANCE;
  const policy = confidentialityPolicySchema.safeParse(r.policy);
  return { policy: policy.success ? policy.data : "protected", uploadedBy: r.uploadedBy };
}

/** Set a dataset's confidentiality policy (the caller has checked `canSetPolicy`). */
export async function setDatasetPolicy(sql: SqlRunner, datasetId: string, policy: ConfidentialityPolicy, byUserId: string): Promise<void> {
  // the cell-key method needs the dataset's record-key secret: created (atomically, once) before the
  // policy takes effect, for a dataset imported before secrets were written at import
  if (policy === "perturbed") await ensureCellKeySecret(sql, datasetId);
  await writeDatasetPolicy(sql, datasetId, policy, byUserId);
}
