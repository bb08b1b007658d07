"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { BreakdownRow } from "@/lib/analysis/breakdown-rows";
import { formatBase, formatCount, formatNumber, formatPercent, formatPercentInterval } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { hiddenTitle } from "@/lib/disclosure/rules";

export function getBreakdownColumns(
  statistic: "proportion" | "mean",
  confLevel: number,
  onExplain: (row: BreakdownRow) => void,
  estimateHeader?: string,
): ColumnDef<BreakdownRow, unknown>[] {
  const est = (r: BreakdownRow) => (statistic === "mean" ? formatNumber(r.estimate) : formatPercent(r.estimate));
  const ci = (r: BreakdownRow) =>
    statistic === "mean" ? (r.ci ? `${formatNumber(r.ci[0])}–${formatNumber(r.ci[1])}` : "n/a") : formatPercentInterval(r.ci);
  return [
    {
      accessorKey: "label",
      header: "Segment",
      cell: ({ row }) => (
        <span className={row.original.isTotal ? "font-semibold" : undefined}>
          {row.original.label}
          {row.original.letter ? <span className="ml-1 font-mono text-xs text-slate-500">({row.original.letter})</span> : null}
          {row.original.lowBase && (row.original.n ?? 0) > 0 ? (
            <Badge tone="warning" className="ml-2" title="Effective base under the minimum: read with caution">
              low base
            </Badge>
          ) : null}
        </span>
      ),
    },
    {
      accessorKey: "estimate",
      header: estimateHeader ?? (statistic === "mean" ? "Mean" : "%"),
      cell: ({ row }) => (
        <span className="tabular font-medium" title={row.original.hidden ? hiddenTitle(row.original.hidden) : undefined}>
          {row.original.hidden && row.original.estimate === null ? row.original.hidden : est(row.original)}
        </span>
      ),
    },
    {
      id: "sig",
      header: "Sig.",
      enableSorting: false,
      cell: ({ row }) =>
        row.original.isTotal ? null : (
          <button
            type="button"
            className="min-w-8 rounded px-1 font-mono text-sm font-semibold text-[var(--color-accent)] hover:bg-[var(--color-accent-soft)]"
            aria-label={`Explain significance for ${row.original.label}`}
            onClick={() => onExplain(row.original)}
          >
            {row.original.sigText || "–"}
          </button>
        ),
    },
    { id: "ci", header: `${Math.round(confLevel * 100)}% CI`, enableSorting: false, cell: ({ row }) => <span className="tabular text-slate-600">{ci(row.original)}</span> },
    { accessorKey: "n", header: "n", cell: ({ row }) => <span className="tabular">{row.original.n === null ? (row.original.hidden ?? "n/a") : formatCount(row.original.n)}</span> },
    { accessorKey: "weightedN", header: "Weighted n", cell: ({ row }) => <span className="tabular">{formatBase(row.original.weightedN)}</span> },
    { accessorKey: "effectiveN", header: "Effective n", cell: ({ row }) => <span className="tabular">{formatBase(row.original.effectiveN)}</span> },
  ];
}
