import { formatNumber, formatPercent } from "@/lib/format/number";

export interface ImportanceDatum {
  key: string;
  /** the predictor's full question text (wraps, never cut) */
  label: string;
  /** share of R² (0–1; null when R² is 0) */
  share: number | null;
  /** R² points attributed to the predictor */
  lmg: number;
}

/**
 * Relative importance (LMG): one bar per predictor, its share of the explained variance, largest
 * first as given. Plain HTML so long question texts wrap onto several lines at any width.
 */
export function ImportanceBars({ data, r2, title }: { data: ImportanceDatum[]; r2: number; title: string }) {
  const top = Math.max(...data.map((d) => d.share ?? 0), 0.0001);
  return (
    <figure className="flex flex-col gap-2" data-testid="importance-bars" aria-label={title}>
      <ol className="flex flex-col gap-2">
        {data.map((d) => (
          <li key={d.key} className="grid gap-1 sm:grid-cols-[minmax(10rem,18rem)_1fr] sm:items-center sm:gap-3" data-testid="importance-row">
            <span className="break-words text-sm text-slate-800">
              <bdi>{d.label}</bdi>
            </span>
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="h-3 flex-1 rounded-sm bg-slate-100">
                <span className="block h-3 rounded-sm bg-[var(--color-accent)]" style={{ width: `${((d.share ?? 0) / top) * 100}%` }} />
              </span>
              <span className="tabular w-36 shrink-0 text-right text-xs text-slate-600">
                {formatPercent(d.share, 0)} of R² ({formatNumber(d.lmg, 3)})
              </span>
            </span>
          </li>
        ))}
      </ol>
      <figcaption className="text-xs text-slate-500">
        Relative importance (LMG, the Shapley value of R²): each question&apos;s average gain in R² over every order of entering the
        model; the shares add up to R² = {formatNumber(r2, 3)}. Not design-based: no intervals.
      </figcaption>
    </figure>
  );
}
