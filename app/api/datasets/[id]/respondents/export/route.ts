// POST /api/datasets/{id}/respondents/export[?format=csv|sav|xlsx|parquet] – respondent-level CSV (or SPSS .sav, Excel
// .xlsx, Parquet: same rows, same governance, only the writer differs) of the filtered segment:
// researchers and admins only, allowed columns only (no direct identifiers unless admin; identifier and
// quasi-identifier status is the governed one, not the schema's), no filter on identifiers or free text,
// a segment under k refused, k-anonymous on the quasi-identifiers and the filter columns by local
// suppression (x-suppressed-cells), rows in a fresh random order, audited (with the format); the typed
// formats note the filters and the suppression in the file itself
import { z } from "zod";
import { resolveFilters } from "@/lib/analysis/resolve-spec";
import { contentDisposition, EXPORT_CONTENT_TYPES, type RespondentExportAbout } from "@/lib/export";
import { governedStatus } from "@/lib/governance/column-status";
import { assertExportFilters, cryptoRandom, protectSegment } from "@/lib/governance/export-segment";
import { resolveQuasiIdentifiers } from "@/lib/governance/quasi-identifiers";
import { assertExportable, ROW_CAP } from "@/lib/governance/respondent-export";
import { getEnv } from "@/lib/schema/env";
import { respondentExportFormatSchema } from "@/lib/schema/respondent-export";
import { governedColumnStatus } from "@/lib/services/column-governance";
import { respondentFile } from "@/lib/services/respondent-file";
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

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "export:respondents");
  const format = respondentExportFormatSchema.parse(new URL(req.url).searchParams.get("format") ?? undefined);
  const body = bodySchema.parse(await readJson(req, 64 * 1024));
  const statuses = await governedColumnStatus(store, dataset);
  const statusOf = governedStatus(statuses);
  const questions = assertExportable(dataset, viewer.role, body.columns, statusOf);
  const plans = Object.fromEntries(Object.entries(body.filters).map(([name, values]) => [name, resolveFilters(dataset, { [name]: values })[0]]));
  const exportedColumns = questions.flatMap((q) => q.columns);
  // the filter columns count as quasi-identifiers of this export: read (not written) beside the exported ones
  const hidden = assertExportFilters(plans, (c) => statuses.get(c) ?? "identifier").filter((c) => !exportedColumns.includes(c));
  const cap = ROW_CAP[viewer.role];
  const rows = await store.readRows(dataset, [...exportedColumns, ...hidden], cap + 1, Object.values(plans));
  const truncated = rows.length > cap;
  const k = getEnv().DISCLOSURE_K;
  const qi = resolveQuasiIdentifiers(dataset, viewer.role, questions, body.quasiIdentifiers, statusOf);
  const filterColumns = new Set(Object.values(plans).flatMap((p) => (p.kind === "values" ? [p.column] : [])));
  const qiColumns = new Set([...qi.flatMap((q) => q.columns), ...hidden, ...filterColumns]);
  const qiIndexes = [...exportedColumns, ...hidden].flatMap((c, i) => (qiColumns.has(c) ? [i] : []));
  const protectedRows = protectSegment({ rows: truncated ? rows.slice(0, cap) : rows, exported: exportedColumns.length, quasiIdentifiers: qiIndexes, k, random: cryptoRandom });
  const kept = protectedRows.rows;
  const about: RespondentExportAbout = {
    dataset: dataset.name,
    version: dataset.version,
    filters: body.filters,
    k,
    quasiIdentifiers: qi.map((q) => q.id),
    hiddenFilterColumns: hidden.length > 0,
    suppressedCells: protectedRows.suppressed,
    rows: kept.length,
    truncated,
    rowCap: cap,
    generatedAt: new Date(),
  };
  // written before the audit record, so a writer that fails leaves no "ok" record behind
  const file = await respondentFile(format, questions, kept, about);
  await audit(viewer, {
    action: "export:respondents",
    resourceType: "dataset",
    resourceId: id,
    result: "ok",
    detail: {
      version: dataset.version,
      format,
      columns: body.columns,
      filters: body.filters,
      rows: kept.length,
      truncated,
      kAnonymity: { k, quasiIdentifiers: qi.map((q) => q.id), suppressedCells: protectedRows.suppressed, rowsAffected: protectedRows.rowsAffected },
    },
  }, req);
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
