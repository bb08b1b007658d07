import "server-only";
import { aboutNotes, parquetTable, respondentColumns, rowsToCsv, rowsToSav, rowsToXlsx, type RespondentExportAbout } from "@/lib/export";
import type { Question } from "@/lib/schema/question";
import type { RespondentExportFormat } from "@/lib/schema/respondent-export";
import { writeParquet } from "@/lib/store";

/** How the SAV file writes a suppressed cell (its document lines say so). */
const SAV_SUPPRESSED_AS = 'system-missing in numeric variables, "*" in string variables';

/**
 * The file of one governed respondent export: the rows are already protected (allowed columns,
 * k-anonymous, capped, shuffled: lib/governance); only the writer differs by format. CSV: the
 * header and rows as they are. SAV: variables with labels, the facts as document lines. XLSX: a
 * "Respondents" sheet and an "About this export" sheet. Parquet: typed columns, the facts as
 * key/value metadata (written by DuckDB through lib/store).
 *
 * @example
 * const body = await respondentFile("parquet", questions, protectedRows, about);
 */
export async function respondentFile(format: RespondentExportFormat, questions: Question[], rows: (string | null)[][], about: RespondentExportAbout): Promise<string | Uint8Array<ArrayBuffer>> {
  const columns = respondentColumns(questions);
  switch (format) {
    case "csv":
      return rowsToCsv(
        columns.map((c) => c.name),
        rows,
      );
    case "sav":
      return new Uint8Array(rowsToSav(columns, rows, { notes: aboutNotes(about, SAV_SUPPRESSED_AS), now: about.generatedAt }));
    case "xlsx":
      return new Uint8Array(await rowsToXlsx(columns, rows, { about }));
    case "parquet":
      return new Uint8Array(await writeParquet(parquetTable(columns, rows, about)));
  }
}
