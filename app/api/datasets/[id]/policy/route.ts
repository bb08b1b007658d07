// GET /api/datasets/{id}/policy – the dataset's confidentiality policy, how the caller sees its
// numbers and the governed identifier / quasi-identifier status of its questions; PUT
// {policy?: "open" | "protected", columns?: {questionId: status}} – set the policy (the uploader or an
// admin of the owning workspace) and/or column statuses (admins of the owning workspace only); audited
import { z } from "zod";
import { getDatasetGovernance, setDatasetPolicy } from "@/lib/auth/dataset-governance";
import { getIdentity } from "@/lib/auth/server";
import { datasetAccessWith } from "@/lib/auth/workspaces";
import { audienceFor, canSetPolicy, confidentialityPolicySchema, seesExact } from "@/lib/disclosure/audience";
import { columnStatusSchema } from "@/lib/governance/column-status";
import { getEnv } from "@/lib/schema/env";
import { AppError } from "@/lib/schema/errors";
import { questionStatusRows, setQuestionStatus } from "@/lib/services/column-governance";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { datasetPolicyResponseSchema } from "@/lib/schema/admin";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z
  .object({ policy: confidentialityPolicySchema.optional(), columns: z.record(z.string(), columnStatusSchema).optional() })
  .refine((b) => b.policy !== undefined || (b.columns !== undefined && Object.keys(b.columns).length > 0), { message: "give a policy or column statuses" });

type Authorized = Awaited<ReturnType<typeof authorizeDataset>>;

async function describe({ viewer, store, dataset }: Authorized) {
  const { sql } = await getIdentity();
  const reach = (await datasetAccessWith(sql, viewer, dataset.id)) ?? "shared";
  const gov = await getDatasetGovernance(sql, dataset.id);
  const audience = audienceFor(viewer, reach, gov);
  return {
    gov,
    reach,
    answer: {
      policy: gov.policy,
      k: getEnv().DISCLOSURE_K,
      exact: seesExact(audience),
      audience: audience.kind,
      canSet: canSetPolicy(viewer, reach, gov),
      columns: await questionStatusRows(store, dataset),
      canSetColumns: reach === "owner" && viewer.role === "admin",
    },
  };
}

export const GET = route<{ id: string }>(async (req, { id }) => {
  const authorized = await authorizeDataset(req, id, "dataset:read");
  return respond(datasetPolicyResponseSchema, (await describe(authorized)).answer);
});

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const authorized = await authorizeDataset(req, id, "dataset:read");
  const { viewer, store, dataset } = authorized;
  const body = bodySchema.parse(await readJson(req, 64 * 1024));
  const before = await describe(authorized);
  if (body.policy !== undefined && !before.answer.canSet) throw new AppError("forbidden", "only the dataset's uploader or an admin of its workspace may change its confidentiality policy");
  if (body.columns !== undefined && !before.answer.canSetColumns) throw new AppError("forbidden", "only an admin of the dataset's workspace may change identifier and quasi-identifier status");
  if (body.columns !== undefined) {
    await setQuestionStatus(store, dataset, body.columns, viewer.userId);
    const from = Object.fromEntries(before.answer.columns.filter((c) => c.id in body.columns!).map((c) => [c.id, c.status]));
    await audit(viewer, { action: "dataset:column-status", resourceType: "dataset", resourceId: id, result: "ok", detail: { from, to: body.columns } }, req);
  }
  if (body.policy !== undefined) {
    await setDatasetPolicy((await getIdentity()).sql, id, body.policy, viewer.userId);
    await audit(viewer, { action: "dataset:policy", resourceType: "dataset", resourceId: id, result: "ok", detail: { from: before.gov.policy, to: body.policy } }, req);
  }
  return respond(datasetPolicyResponseSchema, (await describe(authorized)).answer);
});
