// POST /api/datasets/{id}/respondents/export[?format=csv|sav] – respondent-level CSV (or SPSS .sav) of the filtered segment:
// researchers and admins only, allowed columns only (no direct identifiers unless admin), capped,
// k-anonymous on the quasi-identifiers by local suppression (x-suppressed-cells), audited
import { z } from "zod";
import { resolveFilters } from "@/lib/analysis/resolve-spec";
import { rowsToCsv, rowsToSav, savColumns, contentDisposition, EXPORT_CONTENT_TYPES } from "@/lib/export";
import { suppressToK } from "@/lib/governance/k-anonymity";
import { resolveQuasiIdentifiers } from "@/lib/governance/quasi-identifiers";
import { assertExportable, ROW_CAP } from "@/lib/governance/respondent-export";
import { getEnv } from "@/lib/schema/env";
import { audit } from "@/lib/server/audit";
import { authorizeDataset } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  columns: z.array(z.string()).min(1).max(500),
  filters: z.record(z.string(), z.array(z.string())).default({}),
  /** question ids to protect by k-anonymity (default: demographics, metadata, dates; non-admins cannot remove those) */
  quasiIdentifiers: z.array(z.string()).max(500).optional(),
});

const formatSchema = z.enum(["csv", "sav"]).default("csv");

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:respondents");
  const format = formatSchema.parse(new URL(req.url).searchParams.get("format") ?? undefined);
  const body = bodySchema.parse(await readJson(req, 64 * 1024));
  const questions = assertExportable(dataset, viewer.role, body.columns);
  const header = questions.flatMap((q) =>
    q.columns.length === 1 ? [q.id] : q.columns.map((c) => `${q.id}: ${q.options.find((o) => o.column === c)?.label ?? c}`),
  );
  const cap = ROW_CAP[viewer.role];
  const rows = await store.readRows(dataset, questions.flatMap((q) => q.columns), cap + 1, resolveFilters(dataset, body.filters));
  const truncated = rows.length > cap;
  const k = getEnv().DISCLOSURE_K;
  const qi = resolveQuasiIdentifiers(dataset, viewer.role, questions, body.quasiIdentifiers);
  const qiColumns = new Set(qi.flatMap((q) => q.columns));
  const qiIndexes = questions.flatMap((q) => q.columns).flatMap((c, i) => (qiColumns.has(c) ? [i] : []));
  const protectedRows = suppressToK(truncated ? rows.slice(0, cap) : rows, qiIndexes, k);
  const kept = protectedRows.rows;
  await audit(viewer, {
    action: "export:respondents",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: {
      version: dataset.version,
      columns: body.columns,
      filters: body.filters,
      rows: kept.length,
      truncated,
      kAnonymity: { k, quasiIdentifiers: qi.map((q) => q.id), suppressedCells: protectedRows.suppressed, rowsAffected: protectedRows.rowsAffected },
    },
  }, req);
  const notes = [
    `Surveyscope respondent export of "${dataset.name}" version ${dataset.version}: ${kept.length} rows${truncated ? ` (truncated at ${cap})` : ""}`,
    `Filters: ${Object.keys(body.filters).length ? JSON.stringify(body.filters) : "none"}`,
    `k-anonymity k=${k} on ${qi.map((q) => q.id).join(", ") || "no quasi-identifiers"}: ${protectedRows.suppressed} cells suppressed (system-missing in numeric variables, "*" in string variables)`,
  ];
  const file = format === "sav" ? new Uint8Array(rowsToSav(savColumns(questions), kept, { notes })) : rowsToCsv(header, kept);
  return new Response(file, {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES[format],
      "content-disposition": contentDisposition(`${dataset.name} respondents`, format),
      "x-rows-truncated": String(truncated),
      "x-k-anonymity-k": String(k),
      "x-suppressed-cells": String(protectedRows.suppressed),
      "x-quasi-identifiers": qi.map((q) => encodeURIComponent(q.id)).join(","),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
