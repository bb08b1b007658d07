import "server-only";
import { getDatasetGovernance } from "@/lib/auth/dataset-governance";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import { datasetAccessWith } from "@/lib/auth/workspaces";
import { audienceFor, seesExact, type Audience } from "@/lib/disclosure/audience";
import { getStore } from "@/lib/store";
import { aggregateQuestionModel } from "./column-governance";
import type { Dataset, ProtectedDataset } from "@/lib/schema/dataset";

/** The viewer's audience for a dataset (aggregate-only, protected, when they cannot reach it at all). */
export async function audienceOf(viewer: Viewer, datasetId: string): Promise<Audience> {
  const sql = (await getIdentity()).sql;
  const reach = await datasetAccessWith(sql, viewer, datasetId);
  if (reach === null) return { kind: "aggregate", exact: false, why: "aggregate-only" };
  return audienceFor(viewer, reach, await getDatasetGovernance(sql, datasetId));
}

/**
 * The dataset as the viewer may see it: exact counts for respondent access (or an open dataset),
 * else the model without counts (`protectQuestionModel`: counts come through audited crosstabs only).
 */
export async function datasetShownTo(viewer: Viewer, dataset: Dataset): Promise<Dataset | ProtectedDataset> {
  return seesExact(await audienceOf(viewer, dataset.id)) ? dataset : aggregateQuestionModel(await getStore(), dataset);
}
