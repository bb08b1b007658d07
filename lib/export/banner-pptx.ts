/**
 * Banner result → a two-slide PPTX: the chart (native and editable, ./banner-pptx-chart) and the banner table as a
 * native PowerPoint table (Total + column groups, letters, bases, hidden cells as "< k"), each with
 * title, base note and source. Text goes to pptxgenjs as plain strings (it XML-escapes them); control
 * characters are stripped and no invisible marks are added (PowerPoint lays
 * out mixed-direction text). Hidden cells only ever show their hidden mark.
 */
import { bannerColumnGroups, bannerCellText, bannerRowLabel } from "@/lib/analysis/banner-view";
import { stripControls } from "@/lib/format/bidi";
import { formatBase, formatCount } from "@/lib/format/number";
import type { BannerResult } from "@/lib/schema/banner";
import { bannerBaseNote, bannerChartTitle, type BannerChartOptions } from "./banner-chart";
import { bannerDeckChart } from "./banner-pptx-chart";
import { deckToPptx, type DeckOptions, type DeckTable, type DeckTableCell } from "./pptx";
import { INK, pptxColor } from "@/lib/format/palette";
import { lettersRule } from "@/lib/stats/letters-rule";

const HEAD_FILL = pptxColor(INK.headFill);
const LOW_BASE = pptxColor(INK.lowBaseFill);
const LETTERS = pptxColor(INK.letters);
const NOTE = pptxColor(INK.note);
const MUTED = pptxColor(INK.muted);

/**
 * The banner as a native slide table: two header rows (groups spanning their columns, then each
 * column with its letter), the base row, one row per answer with its letters.
 * @example bannerSlideTable(result).rows[1][1].text // "Total"
 */
export function bannerSlideTable(result: BannerResult): DeckTable {
  const groups = bannerColumnGroups(result);
  const cols = groups.flatMap((g) => g.columns);
  const low = (i: number): Partial<DeckTableCell> => (cols[i].lowBase ? { fill: LOW_BASE } : {});
  const top: DeckTableCell[] = [{ text: "", fill: HEAD_FILL }];
  for (const g of groups) {
    top.push({ text: g.id === "total" ? "" : stripControls(g.label), bold: true, align: "center", fill: HEAD_FILL, ...(g.columns.length > 1 ? { colspan: g.columns.length } : {}) });
  }
  const head: DeckTableCell[] = [
    { text: "Answer", bold: true, fill: HEAD_FILL },
    ...cols.map((c): DeckTableCell => ({ text: c.letter ? `${stripControls(c.label)} (${c.letter})` : stripControls(c.label), bold: true, align: "center", fill: HEAD_FILL })),
  ];
  const base: DeckTableCell[] = [
    { text: "Base (n)", color: NOTE },
    ...cols.map((c, i): DeckTableCell => ({ text: c.hidden ?? (result.weighted && c.weightedN !== null && c.weightedN !== c.n ? `${formatCount(c.n)} (wtd ${formatBase(c.weightedN)})` : formatCount(c.n)), align: "right", color: NOTE, ...low(i) })),
  ];
  const body = result.rows.map((r): DeckTableCell[] => [
    r.kind === "nonsubstantive" ? { text: stripControls(bannerRowLabel(r)), italic: true, color: NOTE } : { text: stripControls(r.label), bold: true },
    ...cols.map((c, i): DeckTableCell => {
      const cell = r.cells.find((x) => x.columnId === c.id);
      if (!cell || cell.hidden !== null || c.hidden !== null) return { text: c.hidden ?? cell?.hidden ?? "n/a", italic: true, color: MUTED, align: "right", ...low(i) };
      const value = bannerCellText(result.statistic, cell);
      return { text: cell.letters ? [{ text: value }, { text: ` ${cell.letters}`, color: LETTERS, bold: true, fontSize: 7 }] : value, align: "right", ...low(i) };
    }),
  ]);
  const labelW = Math.min(2.6, Math.max(1.6, 9 - cols.length * 0.85));
  const colW = [labelW, ...cols.map(() => (9 - labelW) / Math.max(1, cols.length))];
  const fontSize = cols.length > 9 || result.rows.length > 10 ? 7 : cols.length > 6 || result.rows.length > 7 ? 8 : 10;
  return { rows: [top, head, base, ...body], colW, fontSize };
}

export interface BannerPptxOptions extends BannerChartOptions {
  /** e.g. "Demo survey (synthetic data), version 3" */
  source: string;
  /** deck options: pass `rasterize: svgToPng` so the chart is a PNG every viewer shows */
  deck?: DeckOptions;
}

/**
 * The two-slide deck: the chart, then the table.
 * @example const pptx = await bannerToPptx(result, { chart: "bars", row: "r0", source: "Demo, version 1" });
 */
export async function bannerToPptx(result: BannerResult, o: BannerPptxOptions): Promise<Buffer> {
  const title = bannerChartTitle(result, o);
  const baseNote = bannerBaseNote(result, o.filtered);
  const groups = [...new Set(result.columns.flatMap((c) => (c.segmentLabel ? [c.segmentLabel] : [])))].join(", ");
  const tableTitle = `${result.outcome.label} by ${groups}`;
  const letters = ` ${lettersRule({ test: result.weighted ? "weighted_z" : "unweighted", correction: result.sig, banner: true })}`;
  return deckToPptx(
    {
      title: tableTitle,
      slides: [
        { title, chart: bannerDeckChart(result, o), baseNote, source: o.source, altText: title },
        { title: tableTitle, table: bannerSlideTable(result), baseNote: `${baseNote}${letters}`, source: o.source },
      ],
    },
    o.deck,
  );
}
