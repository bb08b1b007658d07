import "server-only";
import { getBreakdownRows } from "@/lib/analysis/breakdown-rows";
import { toChartData } from "@/lib/analysis/chart-data";
import { chartToSvg, contentDisposition, deckToPptx, EXPORT_CONTENT_TYPES, svgToPng, tableToCsv, tableToXlsx, toExportTable } from "@/lib/export";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import { getEnv } from "@/lib/schema/env";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import type { ProtectedCrosstab } from "@/lib/disclosure";
import { PERTURBED_LABEL } from "@/lib/disclosure/cell-key/label";
import type { CrosstabSpec } from "@/lib/schema/crosstab-spec";
import { assignLetters } from "@/lib/stats/letters";
import { lettersRule } from "@/lib/stats/letters-rule";
import type { Correction } from "@/lib/stats/multiple-comparisons";

export type ExportFormat = "csv" | "xlsx" | "svg" | "png" | "pptx";
const FORMATS = new Set<string>(["csv", "xlsx", "svg", "png", "pptx"]);

/**
 * Turn a computed crosstab into a downloadable file: the same rows, letters and formatting as the
 * on-screen table, written by lib/export (formula-safe cells, allow-listed SVG).
 */
export async function exportCrosstab(dataset: Dataset, result: ProtectedCrosstab & { spec: CrosstabSpec }, format: string, correction: Correction = "none"): Promise<Response> {
  if (!FORMATS.has(format)) throw new AppError("bad_request", `unknown export format: ${format}`);
  const fmt = format as ExportFormat;
  const weighted = Boolean(result.spec.weight);
  const minBase = getEnv().MIN_EFFECTIVE_BASE;
  // hidden cells carry no pairwise tests (lib/disclosure removed them), so no letter can point at them
  const rule = { test: weighted ? ("weighted_z" as const) : ("unweighted" as const), correction };
  const letters = assignLetters(result as unknown as Pick<CrosstabResult, "pairwise" | "segments">, rule);
  const spec = result.spec;
  // groups by their answer labels (value labels of coded answers), as on screen
  const segment = dataset.questions.find((q) => q.id === spec.segment) ?? dataset.questions.find((q) => q.label === spec.segment);
  const labels = Object.fromEntries((segment?.options ?? []).map((o) => [o.code, o.label]));
  const rows = getBreakdownRows(result, { weighted, minBase, labels }, letters);
  const perturbed = result.disclosure.perturbed === true ? ` · counts ${PERTURBED_LABEL}` : "";
  const title = `${spec.statistic === "mean" ? "Mean" : `"${[spec.outcome_category].flat().join(" or ")}"`} · ${spec.outcome} by ${spec.segment}${perturbed}`;
  const baseNote = `n = ${result.rows?.analytic ?? "hidden"} of ${result.rows?.csv ?? "hidden"} ${result.rows?.csv === 1 ? "respondent" : "respondents"}${Object.keys(spec.filters).length ? ", filtered" : ""}${perturbed}`;
  const source = `${dataset.name}${dataset.synthetic ? " (synthetic data)" : ""}, version ${dataset.version}`;
  const headers: Record<string, string> = {
    "content-type": EXPORT_CONTENT_TYPES[fmt],
    "content-disposition": contentDisposition(`${dataset.name} ${spec.outcome} by ${spec.segment}`, fmt),
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  };
  const svg = () => chartToSvg({ title, data: toChartData(rows, spec.statistic), ...(spec.statistic === "proportion" ? { unit: "%", max: 100 } : {}) });
  if (fmt === "svg") {
    return new Response(svg(), { headers: { ...headers, "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" } });
  }
  if (fmt === "png") return new Response(new Uint8Array(await svgToPng(svg())), { headers });
  if (fmt === "pptx") {
    // the chart carries no letters, but the deck states the rule the table's letters follow, as the screen does
    const deck = await deckToPptx({ title, slides: [{ title, svg: svg(), baseNote: `${baseNote}. ${lettersRule(rule)}`, source }] }, { rasterize: svgToPng });
    return new Response(new Uint8Array(deck), { headers });
  }
  const table = toExportTable({ title, statistic: spec.statistic, confLevel: spec.conf_level, weighted, rows, baseNote, source, minBase, letters: rule });
  if (format === "csv") return new Response(tableToCsv(table), { headers });
  return new Response(new Uint8Array(await tableToXlsx(table)), { headers });
}
