"use client";

import Link from "next/link";
import { serializeBreakdownState } from "@/lib/analysis/breakdown-state";
import { formatCount, formatNumber, formatPValue } from "@/lib/format/number";
import type { DriversReport, RankedDriver } from "@/lib/insights/types";
import type { DriversResponse } from "@/lib/schema/drivers";
import { EmptyState, ErrorMessage, LoadingPanel } from "@/components/states/states";
import type { PostState } from "@/components/ui/use-post";
import { DriverChart, type DriverDatum } from "./driver-chart";
import { ImportanceBars } from "./importance-bars";
import type { InsightsSpec } from "./insights-panel";


const METHOD_TEXT: Record<DriversReport["method"], string> = {
  svyglm: "survey-weighted regression (svyglm, design-based SEs)",
  lmg: "survey-weighted linear regression (svyglm) with relative importance (LMG)",
  firth: "Firth-penalised logistic regression (model-based SEs)",
};

function analyzeHref(datasetId: string, spec: InsightsSpec, predictor: string) {
  const q = serializeBreakdownState({ outcome: spec.outcome, category: spec.outcome_category || undefined, segment: predictor, weight: spec.weight, filters: spec.filters });
  return `/datasets/${encodeURIComponent(datasetId)}/analyze?${q.toString()}`;
}

function detailOf(d: RankedDriver, model: DriversReport["model"], conf: number): string {
  const level = `${d.top_level ?? d.predictor}${d.reference ? ` vs ${d.reference}` : " (per unit)"}`;
  const pct = Math.round(conf * 100);
  if (model === "logistic") {
    return `${level}: odds ratio ${formatNumber(d.odds_ratio, 2)} (${pct}% CI ${formatNumber(d.ci[0], 2)}–${formatNumber(d.ci[1], 2)})`;
  }
  const top = d.terms.find((t) => t.term === d.top_term);
  return `${level}: ${formatNumber(top?.estimate, 3)} (${pct}% CI ${formatNumber(d.ci[0], 3)} to ${formatNumber(d.ci[1], 3)})`;
}

/** The fitted key-driver model: warnings first, then importance (linear) or odds ratios, then the ranked list. */
export function DriversResult({
  state,
  datasetId,
  spec,
  compact,
}: {
  state: PostState<DriversResponse>;
  datasetId: string;
  spec: InsightsSpec;
  compact: boolean;
}) {
  if (state.status === "loading" || state.status === "idle") return <LoadingPanel label="Fitting the key-driver model…" />;
  if (state.status === "error") return <ErrorMessage title="Could not fit the key-driver model" message={state.message} />;
  const r = state.data;
  if (r.drivers.length === 0) return <EmptyState title="No drivers to show">The model has no predictor terms.</EmptyState>;
  const top = compact ? r.drivers.slice(0, 5) : r.drivers;
  const title = `Key drivers of ${spec.outcome_label ?? spec.outcome}`;
  const chart: DriverDatum[] = top.map((d) => ({
    key: d.predictor,
    label: d.label,
    or: d.odds_ratio ?? 1,
    lo: d.ci[0],
    hi: d.ci[1],
    detail: detailOf(d, r.model, r.conf_level),
    pText: formatPValue(d.min_p),
    significant: d.min_p < 0.05,
  }));
  return (
    <div className="flex flex-col gap-3" data-testid="insight-drivers">
      {r.warnings.map((w) => (
        <div key={w.code} role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid={`drivers-warning-${w.code}`}>
          <p className="font-medium">{w.code === "separation" ? "A predictor separates the outcome" : "Relative importance not computed"}</p>
          <p className="break-words text-xs">{w.message}.</p>
        </div>
      ))}
      <p className="text-xs text-slate-500" data-testid="driver-model-n">
        Model n = {formatCount(r.n)} · {formatCount(r.rows.excluded)} excluded for a missing answer or weight (of {formatCount(r.rows.after_filters)} in scope) ·{" "}
        {r.weight ? "weighted" : "unweighted"} {METHOD_TEXT[r.method]} · {formatCount(r.predictors.length)} predictors
        {r.default_predictors ? " (default set)" : ""}
      </p>
      {r.importance ? (
        <ImportanceBars
          title={title}
          r2={r.importance.r2}
          data={top.map((d) => ({ key: d.predictor, label: d.label, share: d.share, lmg: d.lmg ?? 0 }))}
        />
      ) : r.model === "logistic" ? (
        <DriverChart data={chart} title={title} />
      ) : null}
      <ol className="flex flex-col gap-2 text-sm">
        {top.map((d, i) => (
          <li key={d.predictor} className="flex gap-2" data-testid="driver-row">
            <span className="tabular w-5 shrink-0 text-slate-500">{i + 1}.</span>
            <span className="flex min-w-0 flex-col">
              <Link href={analyzeHref(datasetId, spec, d.predictor)} className="break-words font-medium text-slate-900 hover:text-[var(--color-accent)] hover:underline">
                <bdi>{d.label}</bdi>
              </Link>
              <span className="tabular break-words text-xs text-slate-600">
                {compact ? null : <code className="mr-1 text-slate-500">{d.predictor}</code>}
                {chart[i].detail} · {formatPValue(d.min_p)}
                {r.statistic === "z" ? " (z test)" : ""}
              </span>
            </span>
          </li>
        ))}
      </ol>
      {!compact && r.dropped.length ? (
        <p className="break-words text-xs text-slate-500">Left out: {r.dropped.map((d) => `${d.predictor} (${d.reason})`).join("; ")}.</p>
      ) : null}
      {!compact ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-600">R code that reproduces this model</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-50 p-3 text-[11px] leading-snug" data-testid="drivers-r-script">
            {r.r_script}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
