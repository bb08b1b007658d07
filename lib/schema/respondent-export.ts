import { z } from "zod";

/**
 * The file formats of the governed respondent-level export (POST /api/datasets/{id}/respondents/export):
 * one list for the route's `?format=`, the OpenAPI document and the export panel, so a format cannot be
 * offered in one place and missing in another. Every format carries the same rows and the same
 * governance (lib/governance); only the writer differs (lib/export).
 *
 * @example respondentExportFormatSchema.parse(undefined) // "csv"
 */
export const RESPONDENT_EXPORT_FORMATS = ["csv", "sav", "xlsx", "parquet"] as const;
export type RespondentExportFormat = (typeof RESPONDENT_EXPORT_FORMATS)[number];

export const respondentExportFormatSchema = z.enum(RESPONDENT_EXPORT_FORMATS).default("csv");
