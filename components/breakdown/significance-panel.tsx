"use client";

import type { BreakdownRow } from "@/lib/analysis/breakdown-rows";
import { formatBase, formatNumber, formatPValue } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { X } from "lucide-react";

const TEST_LABELS: Record<string, string> = {
  weighted_z: "design-based z test (domain linearisation SEs)",
  svyttest: "svyttest t test",
  unweighted: "unweighted two-sample test (pooled z for shares, Welch t for means)",
};

interface Props {
  row: BreakdownRow;
  rows: BreakdownRow[];
  statistic: "proportion" | "mean";
  onClose: () => void;
}

/** The recipe behind a segment's letters: each test with statistic, df, p, correction and bases. */
export function SignificancePanel({ row, rows, statistic, onClose }: Props) {
  const nameOf = (segment: string) => {
    const r = rows.find((x) => x.label === segment);
    return r ? `${r.label} (${r.letter})` : segment;
  };
  const diff = (d: number | null) => (d === null ? "n/a" : statistic === "proportion" ? `${d >= 0 ? "+" : ""}${formatNumber(d * 100, 1)} pts` : formatNumber(d, 2));
  return (
    <aside
      aria-label={`Significance tests for ${row.label}`}
      className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
      data-testid="significance-panel"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="mb-2 flex items-start justify-between gap-2">
        <h3 className="font-semibold text-slate-900">
          {row.label} ({row.letter}): {row.marks.length ? `higher than ${row.marks.length} segment${row.marks.length === 1 ? "" : "s"}` : "no significant differences"}
        </h3>
        <Button variant="ghost" aria-label="Close the explanation" onClick={onClose} autoFocus>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      {row.marks.length ? (
        <ul className="flex flex-col gap-2">
          {row.marks.map((m) => (
            <li key={m.versus} className="rounded-md bg-white p-2">
              <p>
                <span className="font-mono font-semibold">{m.letter}</span>: higher than {nameOf(m.versus)} by {diff(m.diff)}
              </p>
              <p className="tabular text-slate-600">
                {TEST_LABELS[m.test] ?? m.test}: statistic {formatNumber(m.statistic, 3)}
                {m.df !== null ? `, df ${formatNumber(m.df, 1)}` : ""}, {formatPValue(m.p)}
                {m.correction !== "none" ? `, ${m.correction}-adjusted ${formatPValue(m.adjusted_p)}` : ""}; effective n {formatBase(m.n_eff)} vs{" "}
                {formatBase(m.n_eff_versus)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-slate-500">Upper-case letters: p &lt; 0.01; lower-case: p &lt; 0.05 (after the chosen correction).</p>
    </aside>
  );
}
