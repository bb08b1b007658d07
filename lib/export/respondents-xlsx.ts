/**
 * Respondent-level export as an .xlsx workbook (exceljs, streamed row by row so an admin's large
 * segment is not held as a cell model): sheet "Respondents" with the CSV export's header and one
 * row per respondent (numeric questions as numbers, everything else as text, missing cells empty),
 * and sheet "About this export" with the export's facts (dataset, filters, k, cells suppressed,
 * rows, truncation, time) and the columns' question texts. Text goes through neutralizeFormula
 * (C7; a plain number such as `-99` in a text column needs none), characters XML cannot hold become U+FFFD, and no cell is ever a formula.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { neutralizeNumericText } from "./escape";
import { cellKinds, typedCell, type RespondentColumn } from "./respondent-columns";
import { aboutFacts, factText, type RespondentExportAbout } from "./respondents-about";

/** How this format writes a suppressed cell. */
export const XLSX_SUPPRESSED_AS = '"*" in text columns, empty in number columns';

/** rows written between two turns of the event loop (an admin's segment can take a minute) */
const ROWS_PER_TURN = 5_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Excel's limit on the characters of one cell. */
export const XLSX_CELL_MAX = 32_767;

/** Characters XML 1.0 cannot hold (controls other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

class TextCells {
  cut = 0;
  /** text for a cell: XML-safe, formula-neutralized (a plain number such as `-99` is left alone), at most XLSX_CELL_MAX characters (counted in `cut`) */
  of(text: string): string {
    const safe = neutralizeNumericText(text.replace(XML_INVALID, "\ufffd"));
    if (safe.length <= XLSX_CELL_MAX) return safe;
    this.cut++;
    // never split a surrogate pair
    const end = /[\ud800-\udbff]/.test(safe[XLSX_CELL_MAX - 1]) ? XLSX_CELL_MAX - 1 : XLSX_CELL_MAX;
    return safe.slice(0, end);
  }
}

export interface RespondentsXlsxOptions {
  about: RespondentExportAbout;
}

/**
 * The exported rows as an .xlsx workbook. `rows[i][j]` is column j's cell (null: missing; `*`: suppressed).
 *
 * @example
 * const bytes = await rowsToXlsx(respondentColumns(questions), rows, { about });
 */
export async function rowsToXlsx(columns: RespondentColumn[], rows: (string | null)[][], options: RespondentsXlsxOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "Surveyscope";
  wb.created = options.about.generatedAt;
  const text = new TextCells();
  const kinds = cellKinds(columns, rows);

  const data = wb.addWorksheet("Respondents", { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = columns.map((c) => ({ width: Math.min(40, Math.max(8, [...c.name].length + 2)) }));
  const header = data.addRow(columns.map((c) => text.of(c.name)));
  header.font = { bold: true };
  header.commit();
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length) throw new Error(`row has ${row.length} cells, expected ${columns.length}`);
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
    data
      .addRow(
        row.map((cell, j) => {
          const v = typedCell(cell, kinds[j], "*");
          return typeof v === "string" ? text.of(v) : v;
        }),
      )
      .commit();
  }
  data.commit();

  const about = wb.addWorksheet("About this export");
  about.columns = [{ width: 44 }, { width: 60 }, { width: 14 }, { width: 12 }, { width: 24 }];
  const title = about.addRow(["Surveyscope respondent-level export"]);
  title.font = { bold: true, size: 14 };
  title.commit();
  about.addRow([]).commit();
  for (const f of aboutFacts(options.about, XLSX_SUPPRESSED_AS)) {
    about.addRow([f.label, typeof f.value === "number" ? f.value : text.of(factText(f.value))]).commit();
  }
  if (text.cut) about.addRow([`Text cells cut at Excel's ${XLSX_CELL_MAX.toLocaleString("en-US")}-character limit`, text.cut]).commit();
  about.addRow([]).commit();
  const head = about.addRow(["Column", "Question", "Question type", "Written as", "Missing codes"]);
  head.font = { bold: true };
  head.commit();
  columns.forEach((c, j) => {
    about.addRow([text.of(c.name), text.of(c.label), c.question.type, kinds[j], text.of(c.question.missingCodes.join(", "))]).commit();
  });
  about.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
