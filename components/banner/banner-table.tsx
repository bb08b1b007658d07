"use client";

import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState, type VisibilityState } from "@tanstack/react-table";
import { Fragment, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { bannerCellText, bannerCellTitle, bannerColumnGroups, NOT_IN_BASE } from "@/lib/analysis/banner-view";
import { isolate } from "@/lib/format/bidi";
import { formatBase, formatCount } from "@/lib/format/number";
import type { BannerResult, BannerRow } from "@/lib/schema/banner";
import { cx } from "@/lib/cx";
import { ColumnVisibilityMenu } from "./column-visibility-menu";

interface Props {
  result: BannerResult;
  caption: string;
  /** open the significance explanation of a cell (click, Enter or Space) */
  onExplain?: (rowId: string, columnId: string) => void;
}

/**
 * The banner table: answers as rows, Total + segment levels as column groups (TanStack Table:
 * sorting by any column, column visibility). A keyboard grid: one cell is in the tab order
 * (roving tabindex); arrows, Home/End and Ctrl+Home/End move between cells.
 */
export function BannerTable({ result, caption, onExplain }: Props) {
  const groups = useMemo(() => bannerColumnGroups(result), [result]);
  const index = useMemo(() => new Map(result.columns.map((c, i) => [c.id, i])), [result]);
  const columns = useMemo<ColumnDef<BannerRow, unknown>[]>(() => {
    const leaf = (id: string): ColumnDef<BannerRow, unknown> => ({
      id,
      header: () => null,
      accessorFn: (r) => r.cells[index.get(id)!]?.value ?? undefined,
      sortUndefined: "last",
      sortDescFirst: true,
    });
    return [
      { id: "answer", header: "Answer", accessorFn: (r) => r.label, enableHiding: false, sortingFn: "alphanumeric" },
      ...groups.map((g) => (g.id === "total" ? leaf("total") : { id: `group:${g.id}`, header: g.label, columns: g.columns.map((c) => leaf(c.id)) })),
    ];
  }, [groups, index]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [visibility, setVisibility] = useState<VisibilityState>({});
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions by design
  const table = useReactTable({
    data: result.rows,
    columns,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const leafColumns = table.getVisibleLeafColumns().filter((c) => c.id !== "answer");
  // answers out of the base stay last, after their divider, however the table is sorted
  const sorted = table.getRowModel().rows;
  const rows = [...sorted.filter((r) => r.original.kind !== "nonsubstantive"), ...sorted.filter((r) => r.original.kind === "nonsubstantive")];
  const [active, setActive] = useState({ r: 0, c: 0 });
  const r0 = Math.min(active.r, rows.length - 1);
  const c0 = Math.min(active.c, leafColumns.length);
  const gridRef = useRef<HTMLTableElement>(null);
  const colOf = (id: string) => result.columns[index.get(id)!];
  // a rule before each column group (Total, then each segment)
  const groupStarts = useMemo(() => new Set(groups.map((g) => g.columns[0].id)), [groups]);
  const edge = (id: string) => (groupStarts.has(id) ? "border-l border-l-slate-200" : undefined);

  const move = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const lastR = rows.length - 1;
    const lastC = leafColumns.length;
    let { r, c } = { r: r0, c: c0 };
    switch (e.key) {
      case "ArrowUp": r = Math.max(0, r - 1); break;
      case "ArrowDown": r = Math.min(lastR, r + 1); break;
      case "ArrowLeft": c = Math.max(0, c - 1); break;
      case "ArrowRight": c = Math.min(lastC, c + 1); break;
      case "Home": c = 0; if (e.ctrlKey) r = 0; break;
      case "End": c = lastC; if (e.ctrlKey) r = lastR; break;
      case "PageUp": r = 0; break;
      case "PageDown": r = lastR; break;
      case "Enter":
      case " ": {
        const id = leafColumns[c - 1]?.id;
        if (id && onExplain && rows[r]) {
          e.preventDefault();
          onExplain(rows[r].original.id, id);
        }
        return;
      }
      default: return;
    }
    e.preventDefault();
    setActive({ r, c });
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  };

  const headerGroups = table.getHeaderGroups();
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-500" id="banner-keys">
          Arrow keys move between cells; Home and End jump to the row’s ends. Hover a cell for its interval; Enter (or a click) explains its letters.
        </p>
        <ColumnVisibilityMenu table={table} groups={groups} />
      </div>
      <div className="max-h-[70vh] max-w-full overflow-auto rounded-lg border border-slate-200" data-testid="banner-scroll">
        <table ref={gridRef} role="grid" aria-describedby="banner-keys" className="w-max min-w-full border-separate border-spacing-0 text-sm" data-testid="banner-table">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 z-20 bg-slate-50">
            {headerGroups.map((hg, hi) => (
              <tr key={hg.id} role="row">
                {hg.headers.map((h) => {
                  const isAnswer = h.column.id === "answer";
                  const isLeaf = hi === headerGroups.length - 1;
                  if (h.isPlaceholder || (!isLeaf && isAnswer)) {
                    return <th key={h.id} colSpan={h.colSpan} className={cx("border-b border-slate-200 bg-slate-50", isAnswer && "sticky left-0 z-30")} aria-hidden />;
                  }
                  if (!isLeaf) {
                    return (
                      <th key={h.id} colSpan={h.colSpan} scope="colgroup" role="columnheader" className="border-b border-l border-slate-200 px-3 py-1.5 text-center text-xs font-semibold text-slate-700">
                        {/* a long question wraps instead of widening every column of its group */}
                        <bdi className="inline-block max-w-[min(24rem,70vw)] text-balance">{flexRender(h.column.columnDef.header, h.getContext())}</bdi>
                      </th>
                    );
                  }
                  const sorted = h.column.getIsSorted();
                  const col = isAnswer ? null : colOf(h.column.id);
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      role="columnheader"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cx("border-b border-slate-200 px-3 py-1.5 align-bottom text-xs font-semibold text-slate-700", isAnswer ? "sticky left-0 z-30 bg-slate-50 text-left" : "text-right", col?.lowBase && "bg-amber-50", edge(h.column.id))}
                    >
                      <button type="button" className="inline-flex max-w-32 items-end gap-1 text-balance text-right rounded focus-visible:outline-2 focus-visible:outline-[var(--color-accent)]" onClick={h.column.getToggleSortingHandler()} aria-label={`Sort by ${isAnswer ? "answer" : isolate(col?.label ?? "")}`}>
                        {isAnswer ? "Answer" : <bdi>{col?.label}</bdi>}
                        {col?.letter ? <span className="font-normal text-blue-700">({col.letter})</span> : null}
                        {sorted === "asc" ? <ArrowUp className="size-3" aria-hidden /> : sorted === "desc" ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 text-slate-300" aria-hidden />}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
            <tr role="row" data-testid="banner-bases">
              <th scope="row" role="rowheader" className="sticky left-0 z-30 border-b border-slate-200 bg-slate-50 px-3 py-1 text-left text-[11px] font-medium text-slate-500">
                {result.weighted ? "Base (n / effective n)" : "Base (n)"}
              </th>
              {leafColumns.map((lc) => {
                const col = colOf(lc.id);
                return (
                  <td key={lc.id} role="gridcell" className={cx("border-b border-slate-200 px-3 py-1 text-right text-[11px] tabular-nums text-slate-500", col.lowBase && "bg-amber-50", edge(lc.id))} data-testid={`base-${lc.id}`}>
                    {col.hidden ?? formatCount(col.n)}
                    {result.weighted && col.hidden === null ? <span className="block">{formatBase(col.effectiveN)}</span> : null}
                  </td>
                );
              })}
            </tr>
          </thead>
          <tbody onKeyDown={move}>
            {rows.map((row, ri) => (
              <Fragment key={row.id}>
              {row.original.kind === "nonsubstantive" && rows[ri - 1]?.original.kind !== "nonsubstantive" ? (
                <tr role="row" data-testid="not-in-base-divider">
                  <th scope="colgroup" role="rowheader" colSpan={leafColumns.length + 1} className="sticky left-0 border-t-2 border-b border-slate-300 bg-slate-50 px-3 py-1 text-left text-[11px] font-medium text-slate-600">
                    Not in the base: shares of everyone who answered, these answers included; not in the NETs, means or charts
                  </th>
                </tr>
              ) : null}
              <tr role="row" data-kind={row.original.kind} className={cx(row.original.kind !== "option" && "bg-slate-50/70")}>
                <th
                  scope="row"
                  role="rowheader"
                  tabIndex={r0 === ri && c0 === 0 ? 0 : -1}
                  data-cell={`${ri}:0`}
                  onFocus={() => setActive({ r: ri, c: 0 })}
                  className="sticky left-0 z-10 max-w-64 border-b border-slate-100 bg-white px-3 py-2 text-left font-medium text-slate-800 focus:outline-2 focus:-outline-offset-2 focus:outline-[var(--color-accent)]"
                >
                  <bdi>{row.original.label}</bdi>
                  {row.original.kind === "net" ? <span className="ml-1 text-[10px] font-normal uppercase text-slate-500">net</span> : null}
                  {row.original.kind === "nonsubstantive" ? (
                    <span className="ml-1 block text-[10px] font-normal text-slate-500" data-testid="not-in-base">
                      {NOT_IN_BASE}
                    </span>
                  ) : null}
                </th>
                {leafColumns.map((lc, ci) => {
                  const col = colOf(lc.id);
                  const cell = row.original.cells[index.get(lc.id)!];
                  return (
                    <td
                      key={lc.id}
                      role="gridcell"
                      tabIndex={r0 === ri && c0 === ci + 1 ? 0 : -1}
                      data-cell={`${ri}:${ci + 1}`}
                      data-testid={`cell-${row.original.id}-${lc.id}`}
                      onFocus={() => setActive({ r: ri, c: ci + 1 })}
                      onClick={() => onExplain?.(row.original.id, lc.id)}
                      title={bannerCellTitle(result, cell, row.original.kind)}
                      className={cx(
                        "cursor-pointer border-b border-slate-100 px-3 py-2 text-right align-top tabular-nums hover:bg-slate-50 focus:outline-2 focus:-outline-offset-2 focus:outline-[var(--color-accent)]",
                        col.lowBase && "bg-amber-50",
                        edge(lc.id),
                        cell.hidden !== null && "italic text-slate-500",
                      )}
                    >
                      <span>{bannerCellText(result.statistic, cell)}</span>
                      {cell.letters ? (
                        <span className="ml-0.5 align-super text-[10px] font-semibold text-blue-700" data-testid="letters">
                          {cell.letters}
                        </span>
                      ) : null}
                      {cell.count !== null ? <span className="block text-[11px] text-slate-500">{formatCount(cell.count)}</span> : null}
                    </td>
                  );
                })}
              </tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
