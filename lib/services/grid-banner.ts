/**
 * A grid question (Qualtrics/SurveyMonkey matrix: rows × one scale, `Question.grid`) as a banner:
 * one column per grid row (each row its own sub-question with its own base), the scale points, the
 * Top/Bottom-2 NETs and the non-substantive answers as rows. Each row's figures are the Total of
 * that row question's own banner, run through the caller's PROTECTED path, so every cell is exactly
 * what that question's banner shows; the stacked and diverging charts then draw one bar per row.
 */
import type { BannerColumn, BannerResult, BannerRow } from "@/lib/schema/banner";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { GridRef, Question } from "@/lib/schema/question";

/** The grid an outcome name refers to (its id), with its row questions in order; null when it names none. */
export function findGrid(dataset: Pick<Dataset, "questions">, name: string): { grid: GridRef; rows: Question[] } | null {
  if (dataset.questions.some((q) => q.id === name)) return null;
  const first = dataset.questions.find((q) => q.grid?.id === name);
  if (!first?.grid) return null;
  const rows = first.grid.rows.map((id) => dataset.questions.find((q) => q.id === id)).filter((q): q is Question => q !== undefined && (q.type === "single" || q.type === "ordinal"));
  return rows.length ? { grid: first.grid, rows } : null;
}

/**
 * The label of a grid row without the grid's shared question text ("How satisfied … - Price" → "Price").
 * @example rowLabel("Satisfaction - Price", "Satisfaction") // "Price"
 */
export function rowLabel(label: string, gridLabel: string): string {
  const rest = label.startsWith(gridLabel) ? label.slice(gridLabel.length).replace(/^[\s:\-–—[\]()]+|[\s\]).]+$/g, "") : "";
  return rest || label;
}

/**
 * Assemble the grid banner from each row's own banner (Total column; every row's scale in the
 * grid's order, the first row's). `perRow[i]` is the banner of `rows[i]`.
 * @example gridBanner(dataset, grid, rows, banners).columns.map((c) => c.label) // ["Price", "Service"]
 */
export function gridBanner(dataset: Pick<Dataset, "id" | "version">, grid: GridRef, rows: Question[], perRow: BannerResult[]): BannerResult {
  if (!perRow.length) throw new AppError("invalid_spec", `grid ${grid.id} has no rows to show`);
  const first = perRow[0];
  const columns: BannerColumn[] = rows.map((q, i) => {
    const total = perRow[i].columns.find((c) => c.segment === null)!;
    return { ...total, id: `g0c${i}`, segment: grid.id, segmentLabel: "Grid row", level: q.id, label: rowLabel(q.label, grid.label), letter: "" };
  });
  const key = (r: Pick<BannerRow, "kind" | "codes" | "label">) => (r.kind === "net" ? r.label.split(" ")[0] + r.label.split(" ")[1] : r.codes.join("\u0000"));
  // the first row's answers, then any answer only other rows have (a "Don't know" one row offers)
  const templates = [...first.rows];
  for (const b of perRow.slice(1)) for (const r of b.rows) if (!templates.some((t) => t.kind === r.kind && key(t) === key(r))) templates.push(r);
  const bannerRows: BannerRow[] = templates.map((template, ri) => ({
    id: `r${ri}`,
    codes: template.codes,
    label: template.label,
    kind: template.kind,
    cells: perRow.map((b, i) => {
      const row = b.rows.find((r) => r.kind === template.kind && key(r) === key(template));
      const cell = row?.cells.find((c) => c.columnId === "total");
      // a grid row without this answer (or whose banner hid it): nothing to show
      if (!cell) return { columnId: `g0c${i}`, value: null, ci: null, count: null, hidden: null, letters: "" };
      return { ...cell, columnId: `g0c${i}`, letters: "" };
    }),
  }));
  // NET labels name the first row's answers; they are the same scale in every row
  const suppressedCells = bannerRows.reduce((s, r) => s + r.cells.filter((c) => c.hidden !== null).length, 0);
  const notes = [
    `Each column is one row of the grid “${grid.label}”, with its own base (respondents answering that row); rows are not tested against each other.`,
    ...first.notes.filter((n) => !n.startsWith("Letters:") && !n.startsWith("Shaded")),
  ];
  return {
    outcome: { id: grid.id, label: grid.label, type: rows.every((q) => q.type === "ordinal") ? "ordinal" : "single" },
    statistic: "proportion",
    weighted: first.weighted,
    weighting: first.weighting,
    conf_level: first.conf_level,
    sig: "none",
    columns,
    rows: bannerRows,
    tests: [],
    notes: [...new Set(notes)],
    disclosure: { k: first.disclosure.k, suppressedCells, ...(first.disclosure.exact ? { exact: true } : {}) },
    dataset: { id: dataset.id, version: dataset.version },
  };
}
