// GET /api/datasets/{id}/policy – the dataset's confidentiality policy and how the caller sees its
// numbers; PUT {policy: "open" | "protected"} – set it (the uploader or an admin of the owning workspace)
import { z } from "zod";
import { getDatasetGovernance, setDatasetPolicy } from "@/lib/auth/dataset-governance";
import { getIdentity } from "@/lib/auth/server";
import { datasetAccessWith } from "@/lib/auth/workspaces";
import { audienceFor, canSetPolicy, confidentialityPolicySchema, seesExact } from "@/lib/disclosure/audience";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { datasetPolicyResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ policy: confidentialityPolicySchema });

async function describe(viewer: Parameters<typeof audienceFor>[0], datasetId: string) {
  const { sql } = await getIdentity();
  const reach = (await datasetAccessWith(sql, viewer, datasetId)) ?? "shared";
  const gov = await getDatasetGovernance(sql, datasetId);
  const audience = audienceFor(viewer, reach, gov);
  return { gov, reach, answer: { policy: gov.policy, k: getEnv().DISCLOSURE_K, exact: seesExact(audience), audience: audience.kind, canSet: canSetPolicy(viewer, reach, gov) } };
}

export const GET = route<{ id: string }>(async (req, { id }) => {
  const { viewer } = await authorizeDataset(req, id, "dataset:read");
  return respond(datasetPolicyResponseSchema, (await describe(viewer, id)).answer);
});

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const { viewer } = await authorizeDataset(req, id, "dataset:read");
  const body = bodySchema.parse(await readJson(req, 4 * 1024));
  const before = await describe(viewer, id);
  if (!before.answer.canSet) throw new AppError("forbidden", "only the dataset's uploader or an admin of its workspace may change its confidentiality policy");
  await setDatasetPolicy((await getIdentity()).sql, id, body.policy, viewer.userId);
  await audit(viewer, { action: "dataset:policy", resourceType: "dataset", resourceId: id, result: "ok", detail: { from: before.gov.policy, to: body.policy } }, req);
  return respond(datasetPolicyResponseSchema, (await describe(viewer, id)).answer);
});
