"use client";

import { useId } from "react";
import { CHART_KIND_LABELS, type ChartKind } from "@/lib/analysis/banner-chart-data-kinds";

interface Props {
  kinds: ChartKind[];
  value: ChartKind;
  onChange: (kind: ChartKind) => void;
}

/**
 * Segmented control over native radio buttons: Tab reaches the group, arrow keys move the choice,
 * screen readers announce "Chart type, radio group".
 */
export function ChartKindPicker({ kinds, value, onChange }: Props) {
  const name = useId();
  if (kinds.length < 2) return null;
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">Chart type</legend>
      <div className="inline-flex max-w-full flex-wrap gap-1 rounded-lg border border-slate-200 bg-slate-50 p-1">
        {kinds.map((k) => (
          <label key={k} className="relative">
            <input
              type="radio"
              name={name}
              value={k}
              checked={value === k}
              onChange={() => onChange(k)}
              className="peer absolute inset-0 size-full cursor-pointer opacity-0"
            />
            <span className="block rounded-md px-2.5 py-1 text-sm text-slate-600 peer-checked:bg-white peer-checked:font-medium peer-checked:text-slate-900 peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-[var(--color-accent)] peer-hover:text-slate-900">
              {CHART_KIND_LABELS[k]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
