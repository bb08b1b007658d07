import "server-only";
import { getDatasetGovernance } from "@/lib/auth/dataset-governance";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import { datasetAccessWith } from "@/lib/auth/workspaces";
import { audienceFor, type Audience } from "@/lib/disclosure/audience";

/** The viewer's audience for a dataset (aggregate-only, protected, when they cannot reach it at all). */
export async function audienceOf(viewer: Viewer, datasetId: string): Promise<Audience> {
  const sql = (await getIdentity()).sql;
  const reach = await datasetAccessWith(sql, viewer, datasetId);
  if (reach === null) return { kind: "aggregate", exact: false, why: "aggregate-only" };
  return audienceFor(viewer, reach, await getDatasetGovernance(sql, datasetId));
}
