// POST /api/datasets/{id}/respondents/export – respondent-level CSV of the filtered segment:
// researchers and admins only, allowed columns only (no direct identifiers unless admin), capped, audited
import { z } from "zod";
import { resolveFilters } from "@/lib/analysis/resolve-spec";
import { rowsToCsv, contentDisposition } from "@/lib/export";
import { assertExportable, ROW_CAP } from "@/lib/governance/respondent-export";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  columns: z.array(z.string()).min(1).max(500),
  filters: z.record(z.string(), z.array(z.string())).default({}),
});

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:respondents");
  const body = bodySchema.parse(await readJson(req, 64 * 1024));
  const questions = assertExportable(dataset, viewer.role, body.columns);
  const header = questions.flatMap((q) =>
    q.columns.length === 1 ? [q.id] : q.columns.map((c) => `${q.id}: ${q.options.find((o) => o.column === c)?.label ?? c}`),
  );
  const cap = ROW_CAP[viewer.role];
  const rows = await store.readRows(dataset, questions.flatMap((q) => q.columns), cap + 1, resolveFilters(dataset, body.filters));
  const truncated = rows.length > cap;
  const kept = truncated ? rows.slice(0, cap) : rows;
  await audit(viewer, {
    action: "export:respondents",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: { version: dataset.version, columns: body.columns, filters: body.filters, rows: kept.length, truncated },
  }, req);
  return new Response(rowsToCsv(header, kept), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(`${dataset.name} respondents`, "csv"),
      "x-rows-truncated": String(truncated),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
