"use client";

import Link from "next/link";
import { formatCount, formatNumber, formatPValue } from "@/lib/format/number";
import type { InsightFinding } from "@/lib/insights/types";
import { EmptyState, ErrorMessage, LoadingPanel } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { usePost, type PostState } from "@/components/ui/use-post";
import { driversResponseSchema } from "@/lib/schema/drivers";
import { insightsResponseSchema, type InsightsResponse } from "@/lib/schema/insights";
import { DriversResult } from "./drivers-result";

export interface InsightsSpec {
  outcome: string;
  /** the "success" category (logistic); "" for a numeric outcome (linear model) */
  outcome_category: string;
  /** "linear" for a numeric outcome (default "logistic") */
  model?: "logistic" | "linear";
  /** driver predictors (question ids); undefined: the server's small default set */
  predictors?: string[];
  /** driver estimator; undefined: "auto" */
  method?: "auto" | "svyglm" | "lmg" | "firth";
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


const formatQ = (q: number | null) => formatPValue(q).replace(/^p/, "q");

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
        <bdi>{f.question_label}</bdi> · {formatQ(f.q_value)} after correcting for multiple tests · effective n {formatNumber(f.n_eff_high, 0)} vs{" "}
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
          None of the segment differences is significant once corrected for the {formatCount(fdr.m)} comparisons made. A gap can still be significant on its own
          (a chart&apos;s letters, the headline): this scan asks which of all the gaps stand out without false alarms, a stricter question.
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

/** Key drivers of an outcome share and the segment differences that survive FDR control. */
export function InsightsPanel({ datasetId, spec, compact = false }: Props) {
  const base = `/api/datasets/${encodeURIComponent(datasetId)}`;
  const linear = spec.model === "linear";
  const scan = usePost(insightsResponseSchema, linear ? null : `${base}/insights`, {
    outcome: spec.outcome,
    outcome_category: spec.outcome_category,
    ...(spec.weight ? { weight: spec.weight } : {}),
    filters: spec.filters,
    ...(spec.outcome_label ? { outcome_label: spec.outcome_label } : {}),
  });
  const drivers = usePost(driversResponseSchema, `${base}/drivers`, {
    model: linear ? "linear" : "logistic",
    method: spec.method ?? "auto",
    outcome: spec.outcome,
    ...(linear ? {} : { outcome_category: spec.outcome_category }),
    ...(spec.predictors?.length ? { predictors: spec.predictors } : {}),
    ...(spec.weight ? { weight: spec.weight } : {}),
    filters: spec.filters,
  });
  return (
    <div className={compact ? "grid gap-4 lg:grid-cols-2" : "flex flex-col gap-6"} data-testid="insights-panel">
      <Card>
        <CardHeader>
          <CardTitle>
            What drives <bdi>{spec.outcome_label ?? (linear ? spec.outcome : `${spec.outcome} = ${spec.outcome_category}`)}</bdi>
          </CardTitle>
          <CardDescription>The chosen questions in one model, so each effect is adjusted for the others.</CardDescription>
        </CardHeader>
        <CardContent>
          <DriversResult state={drivers} datasetId={datasetId} spec={spec} compact={compact} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Differences that matter</CardTitle>
          <CardDescription>Segment-by-segment comparisons, corrected for the number of comparisons, largest first.</CardDescription>
        </CardHeader>
        <CardContent>
          {linear ? (
            <EmptyState title="Segment differences compare shares">Choose a single-choice or scale outcome to compare segments.</EmptyState>
          ) : (
            <Findings state={scan} datasetId={datasetId} compact={compact} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
