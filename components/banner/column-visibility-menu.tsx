"use client";

import type { Table } from "@tanstack/react-table";
import { Columns3 } from "lucide-react";
import type { BannerColumnGroup } from "@/lib/analysis/banner-view";
import type { BannerRow } from "@/lib/schema/banner";

/**
 * Show or hide whole column groups or single columns. A native disclosure (<details>), so it opens
 * with Enter/Space and every checkbox is in the tab order.
 */
export function ColumnVisibilityMenu({ table, groups }: { table: Table<BannerRow>; groups: BannerColumnGroup[] }) {
  const hiddenCount = table.getAllLeafColumns().filter((c) => !c.getIsVisible()).length;
  return (
    <details className="relative" data-testid="banner-columns-menu">
      <summary className="inline-flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-[var(--color-accent)]">
        <Columns3 className="size-4" aria-hidden /> Columns{hiddenCount ? ` (${hiddenCount} hidden)` : ""}
      </summary>
      <div className="absolute right-0 z-40 mt-1 max-h-80 w-72 max-w-[90vw] overflow-auto rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        {groups.map((g) => {
          const cols = g.columns.map((c) => table.getColumn(c.id)).filter((c) => c !== undefined);
          const visible = cols.filter((c) => c.getIsVisible()).length;
          return (
            <fieldset key={g.id} className="mb-2 last:mb-0">
              <legend className="sr-only">{g.label}</legend>
              <label className="flex items-center gap-2 text-sm font-semibold text-slate-800">
                <input
                  type="checkbox"
                  checked={visible === cols.length}
                  ref={(el) => {
                    if (el) el.indeterminate = visible > 0 && visible < cols.length;
                  }}
                  onChange={(e) => cols.forEach((c) => c.toggleVisibility(e.target.checked))}
                />
                <bdi>{g.label}</bdi>
              </label>
              {g.id === "total" ? null : (
                <div className="ml-5 mt-1 flex flex-col gap-1">
                  {g.columns.map((c) => {
                    const col = table.getColumn(c.id);
                    return (
                      <label key={c.id} className="flex items-center gap-2 text-sm text-slate-700">
                        <input type="checkbox" checked={col?.getIsVisible() ?? false} onChange={(e) => col?.toggleVisibility(e.target.checked)} />
                        <bdi>{c.label}</bdi>
                        <span className="text-xs text-slate-500">({c.letter})</span>
                      </label>
                    );
                  })}
                </div>
              )}
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}
