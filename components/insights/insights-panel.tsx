"use client";

import Link from "next/link";
import { serializeBreakdownState } from "@/lib/analysis/breakdown-state";
import { formatCount, formatNumber, formatPValue } from "@/lib/format/number";
import type { InsightFinding } from "@/lib/insights/types";
import { EmptyState, ErrorMessage, LoadingPanel } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DriverChart, type DriverDatum } from "./driver-chart";
import { usePost, type PostState } from "@/components/ui/use-post";
import { driversResponseSchema, type DriversResponse } from "@/lib/schema/drivers";
import { insightsResponseSchema, type InsightsResponse } from "@/lib/schema/insights";

export interface InsightsSpec {
  outcome: string;
  outcome_category: string;
  weight?: string;
  filters: Record<string, string[]>;
  /** short outcome name used in the sentences ("rollback") */
  outcome_label?: string;
}

interface Props {
  datasetId: string;
  spec: InsightsSpec;
  /** home page: fewer drivers and findings, no R script */
  compact?: boolean;
}


const shorten = (s: string, max = 44) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const formatQ = (q: number | null) => formatPValue(q).replace(/^p/, "q");
/** A chart label: the question text when short, else its id in words ("guardrail maturity"). */
const chartLabel = (label: string, id: string) => (label.length <= 30 ? label : shorten(id.replace(/[_.]+/g, " ").trim(), 30));

function analyzeHref(datasetId: string, query: string) {
  return `/datasets/${encodeURIComponent(datasetId)}/analyze?${query}`;
}

function FindingItem({ f, datasetId }: { f: InsightFinding; datasetId: string }) {
  return (
    <li className="flex flex-col gap-0.5 rounded-md border border-slate-200 px-3 py-2" data-testid={f.significant ? "insight-finding" : "insight-candidate"}>
      <Link href={analyzeHref(datasetId, f.query)} className="text-sm font-medium text-slate-900 hover:text-[var(--color-accent)] hover:underline" data-testid="insight-link">
        {f.text}
      </Link>
      <span className="text-xs text-slate-500">
        {shorten(f.question_label, 90)} · {formatQ(f.q_value)} after correcting for multiple tests · effective n {formatNumber(f.n_eff_high, 0)} vs{" "}
        {formatNumber(f.n_eff_low, 0)}
      </span>
    </li>
  );
}

function Findings({ state, datasetId, compact }: { state: PostState<InsightsResponse>; datasetId: string; compact: boolean }) {
  if (state.status === "loading" || state.status === "idle") return <LoadingPanel label="Scanning every segment question…" />;
  if (state.status === "error") return <ErrorMessage title="Could not scan for differences" message={state.message} />;
  const { findings, candidates, tested, fdr } = state.data;
  const questions = tested.filter((t) => t.status === "tested").length;
  const shown = compact ? findings.slice(0, 3) : findings;
  const method = `${formatCount(fdr.m)} tests over ${formatCount(questions)} questions, Benjamini–Hochberg at q = ${formatNumber(fdr.q, 2)}, ${fdr.weighted ? "design-based (weighted)" : "unweighted"} tests, segments with an effective base under ${formatCount(fdr.min_effective_n)} left out`;
  return (
    <div className="flex flex-col gap-3" data-testid="insight-findings">
      {shown.length ? (
        <ol className="flex flex-col gap-2">
          {shown.map((f) => (
            <FindingItem key={f.id} f={f} datasetId={datasetId} />
          ))}
        </ol>
      ) : (
        <EmptyState title="No difference survives the false-discovery control">
          None of the segment differences is significant once corrected for the number of comparisons made.
        </EmptyState>
      )}
      {!compact && findings.length > shown.length ? <p className="text-xs text-slate-500">{findings.length - shown.length} more findings.</p> : null}
      {candidates.length && (findings.length === 0 || !compact) ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm font-medium text-slate-700">
            Worth a look <Badge tone="warning">not significant after correction</Badge>
          </p>
          <ol className="flex flex-col gap-2">
            {(compact ? candidates.slice(0, 2) : candidates).map((f) => (
              <FindingItem key={f.id} f={f} datasetId={datasetId} />
            ))}
          </ol>
        </div>
      ) : null}
      <p className="text-xs text-slate-500">{method}.</p>
    </div>
  );
}

function Drivers({ state, datasetId, spec, compact }: { state: PostState<DriversResponse>; datasetId: string; spec: InsightsSpec; compact: boolean }) {
  if (state.status === "loading" || state.status === "idle") return <LoadingPanel label="Fitting the key-driver model…" />;
  if (state.status === "error") return <ErrorMessage title="Could not fit the key-driver model" message={state.message} />;
  const r = state.data;
  if (r.drivers.length === 0) return <EmptyState title="No drivers to show">The model has no predictor terms.</EmptyState>;
  const top = compact ? r.drivers.slice(0, 5) : r.drivers;
  const data: DriverDatum[] = top.map((d) => ({
    key: d.predictor,
    label: chartLabel(d.label, d.predictor),
    or: d.odds_ratio ?? 1,
    lo: d.ci[0],
    hi: d.ci[1],
    detail: `${d.top_level ?? d.predictor}${d.reference ? ` vs ${d.reference}` : " (per unit)"}: odds ratio ${formatNumber(d.odds_ratio, 2)} (95% CI ${formatNumber(d.ci[0], 2)}–${formatNumber(d.ci[1], 2)})`,
    pText: formatPValue(d.min_p),
    significant: d.min_p < 0.05,
  }));
  const href = (predictor: string) =>
    analyzeHref(
      datasetId,
      serializeBreakdownState({ outcome: spec.outcome, category: spec.outcome_category, segment: predictor, weight: spec.weight, filters: spec.filters }).toString(),
    );
  return (
    <div className="flex flex-col gap-3" data-testid="insight-drivers">
      <p className="text-xs text-slate-500" data-testid="driver-model-n">
        Model n = {formatCount(r.n)} · {formatCount(r.rows.excluded)} excluded for a missing answer (of {formatCount(r.rows.after_filters)} in scope) ·{" "}
        {r.weight ? "weighted" : "unweighted"} logistic regression (svyglm, design-based SEs) · {formatCount(r.predictors.length)} predictors
      </p>
      <DriverChart data={data} title={`Key drivers of ${spec.outcome_label ?? spec.outcome}`} />
      <ol className="flex flex-col gap-1 text-sm">
        {top.map((d, i) => (
          <li key={d.predictor} className="flex flex-wrap items-baseline gap-x-2" data-testid="driver-row">
            <span className="tabular w-5 text-slate-500">{i + 1}.</span>
            <Link href={href(d.predictor)} className="font-medium text-slate-900 hover:text-[var(--color-accent)] hover:underline">
              {shorten(d.label, compact ? 48 : 70)}
            </Link>
            {compact ? null : <code className="text-xs text-slate-500">{d.predictor}</code>}
            <span className="tabular text-xs text-slate-600">{data[i].detail} · {formatPValue(d.min_p)}</span>
          </li>
        ))}
      </ol>
      {!compact && r.dropped.length ? (
        <p className="text-xs text-slate-500">
          Left out: {r.dropped.map((d) => `${d.predictor} (${d.reason})`).join("; ")}.
        </p>
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

/** Key drivers of an outcome share and the segment differences that survive FDR control. */
export function InsightsPanel({ datasetId, spec, compact = false }: Props) {
  const base = `/api/datasets/${encodeURIComponent(datasetId)}`;
  const scan = usePost(insightsResponseSchema, `${base}/insights`, {
    outcome: spec.outcome,
    outcome_category: spec.outcome_category,
    ...(spec.weight ? { weight: spec.weight } : {}),
    filters: spec.filters,
    ...(spec.outcome_label ? { outcome_label: spec.outcome_label } : {}),
  });
  const drivers = usePost(driversResponseSchema, `${base}/drivers`, {
    model: "logistic",
    outcome: spec.outcome,
    outcome_category: spec.outcome_category,
    ...(spec.weight ? { weight: spec.weight } : {}),
    filters: spec.filters,
  });
  return (
    <div className={compact ? "grid gap-4 lg:grid-cols-2" : "flex flex-col gap-6"} data-testid="insights-panel">
      <Card>
        <CardHeader>
          <CardTitle>
            What drives <bdi>{spec.outcome_label ?? `${spec.outcome} = ${spec.outcome_category}`}</bdi>
          </CardTitle>
          <CardDescription>Every candidate question in one model, so each effect is adjusted for the others.</CardDescription>
        </CardHeader>
        <CardContent>
          <Drivers state={drivers} datasetId={datasetId} spec={spec} compact={compact} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Differences that matter</CardTitle>
          <CardDescription>Segment-by-segment comparisons, corrected for the number of comparisons, largest first.</CardDescription>
        </CardHeader>
        <CardContent>
          <Findings state={scan} datasetId={datasetId} compact={compact} />
        </CardContent>
      </Card>
    </div>
  );
}
