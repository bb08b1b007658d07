"use client";

import Link from "next/link";
import { useState } from "react";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { fitsRole } from "@/lib/analysis/question-search";
import { QuestionCombobox } from "@/components/questions/question-combobox";
import { useQuestionCatalog } from "@/components/questions/use-question-catalog";
import type { WeightsResponse } from "@/lib/schema/weighting";

type WeightingReport = WeightsResponse["report"];
import { formatPercent } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/states/states";
import { WeightingReportView } from "./weighting-report";
import { parseTargetsCsv } from "@/lib/analysis/targets-csv";

type Targets = Record<string, Record<string, string>>;
type Outcome = { report: WeightingReport; saved?: { version: number; weight: string } };

/** Sample shares in percent with one decimal, the largest adjusted so they sum to exactly 100. */
function sampleShares(q: QuestionLite): Record<string, string> {
  // counts hidden from an aggregate-only audience: start from equal shares
  const counts = q.options.some((o) => o.count === null) ? q.options.map(() => 1) : q.options.map((o) => o.count ?? 0);
  const total = counts.reduce((a, c) => a + c, 0) || 1;
  const tenths = counts.map((c) => Math.round((c / total) * 1000));
  const largest = tenths.indexOf(Math.max(...tenths));
  tenths[largest] += 1000 - tenths.reduce((a, b) => a + b, 0);
  return Object.fromEntries(q.options.map((o, i) => [o.code, (tenths[i] / 10).toFixed(1)]));
}

/** Rim-weighting editor: choose variables, enter population targets (%), preview, save as a weight. */
export function WeightingEditor({ datasetId, questions: initial, lazy = false, questionCount }: { datasetId: string; questions: QuestionLite[]; lazy?: boolean; questionCount?: number }) {
  // a wide dataset's page carries no candidate: variables are searched, and loaded when chosen
  const catalog = useQuestionCatalog(datasetId, initial, lazy, questionCount);
  const candidates = catalog.questions.filter((q) => fitsRole(q, "weighting"));
  const [targets, setTargets] = useState<Targets>({});
  const [name, setName] = useState("population rake");
  const [bounds, setBounds] = useState({ min: "", max: "" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const chosen = Object.keys(targets);

  const toggle = (q: QuestionLite) =>
    setTargets((t) => {
      const next = { ...t };
      if (next[q.id]) delete next[q.id];
      else next[q.id] = sampleShares(q);
      return next;
    });
  const sums = Object.fromEntries(chosen.map((id) => [id, Object.values(targets[id]).reduce((a, v) => a + (Number(v) || 0), 0)]));
  const valid = chosen.length > 0 && chosen.every((id) => Math.abs(sums[id] - 100) < 0.05);

  const [json, setJson] = useState("");
  const rimScheme = () => ({
    method: "rake",
    units: "percent",
    targets: Object.fromEntries(chosen.map((id) => [id, Object.fromEntries(Object.entries(targets[id]).map(([k, v]) => [k, Number(v) || 0]))])),
    ...(bounds.min || bounds.max ? { bounds: { ...(bounds.min ? { min: Number(bounds.min) } : {}), ...(bounds.max ? { max: Number(bounds.max) } : {}) } } : {}),
  });
  const importCsv = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseTargetsCsv(new Uint8Array(await file.arrayBuffer()));
      const found = await catalog.ensure(Object.keys(parsed));
      const unknown = Object.keys(parsed).filter((v) => !found.some((q) => q.id === v && fitsRole(q, "weighting")));
      if (unknown.length) throw new Error(`targets csv: not a weighting variable here: ${unknown.join(", ")}`);
      setTargets((t) => ({ ...t, ...parsed }));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const run = async (preview: boolean, custom?: string) => {
    setBusy(true);
    setError(null);
    let scheme: unknown;
    try {
      scheme = custom === undefined ? rimScheme() : (JSON.parse(custom) as unknown);
    } catch {
      setBusy(false);
      return setError("scheme json: not valid JSON");
    }
    try {
      const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/weights`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, scheme, preview }),
      });
      const body = (await res.json()) as { report?: WeightingReport; dataset?: { version: number; weight: string } | null; error?: { message: string } };
      if (!res.ok || !body.report) throw new Error(body.error?.message ?? `weighting failed (${res.status})`);
      setOutcome({ report: body.report, saved: body.dataset ?? undefined });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium text-slate-700">Weighting variables</legend>
        {lazy ? (
          <div className="max-w-md">
            <QuestionCombobox
              catalog={catalog}
              role="weighting"
              label="Add a weighting variable"
              exclude={chosen}
              onPick={(id) => void catalog.ensure([id]).then(([q]) => q && !targets[q.id] && toggle(q))}
            />
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {(lazy ? candidates.filter((q) => targets[q.id]) : candidates).map((q) => (
            <label key={q.id} className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm">
              <input type="checkbox" checked={Boolean(targets[q.id])} onChange={() => toggle(q)} /> <bdi>{q.id}</bdi>
            </label>
          ))}
        </div>
      </fieldset>
      {chosen.map((id) => {
        const q = candidates.find((x) => x.id === id)!;
        const sample = sampleShares(q);
        return (
          <fieldset key={id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`targets-${id}`}>
            <legend className="px-1 text-sm font-semibold">
              <bdi>{q.label}</bdi> <span className="font-mono text-xs text-slate-500">(<bdi>{id}</bdi>)</span>
            </legend>
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {q.options.map((o) => (
                <label key={o.code} className="flex items-center justify-between gap-2 text-sm">
                  <span>
                    <bdi>{o.label}</bdi> <span className="text-xs text-slate-500">(sample {formatPercent(Number(sample[o.code]) / 100)})</span>
                  </span>
                  <span className="flex items-center gap-1">
                    <input
                      aria-label={`Target for ${id} = ${o.label}`}
                      className="w-20 rounded-md border border-slate-300 px-2 py-1 text-right tabular"
                      inputMode="decimal"
                      value={targets[id][o.code] ?? ""}
                      onChange={(e) => setTargets((t) => ({ ...t, [id]: { ...t[id], [o.code]: e.target.value } }))}
                    />
                    %
                  </span>
                </label>
              ))}
            </div>
            <p className={Math.abs(sums[id] - 100) < 0.05 ? "mt-2 text-xs text-slate-500" : "mt-2 text-xs font-medium text-red-700"}>
              Targets sum to {sums[id].toFixed(1)}% {Math.abs(sums[id] - 100) < 0.05 ? "" : "(must be 100%)"}
            </p>
          </fieldset>
        );
      })}
      <label className="flex w-fit flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
        Import targets (CSV: variable,category,target)
        <input type="file" accept=".csv,text/csv" className="text-sm normal-case tracking-normal" onChange={(e) => importCsv(e.target.files?.[0])} />
      </label>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Weight name
          <input className="rounded-md border border-slate-300 px-2 py-1.5 text-sm normal-case tracking-normal text-slate-900" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Min weight (× mean)
          <input className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm" inputMode="decimal" placeholder="none" value={bounds.min} onChange={(e) => setBounds((b) => ({ ...b, min: e.target.value }))} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Max weight (× mean)
          <input className="w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm" inputMode="decimal" placeholder="none" value={bounds.max} onChange={(e) => setBounds((b) => ({ ...b, max: e.target.value }))} />
        </label>
        <Button variant="secondary" disabled={!valid || busy} onClick={() => run(true)}>
          Preview
        </Button>
        <Button disabled={!valid || busy || !name.trim()} onClick={() => run(false)}>
          Save as new weight
        </Button>
      </div>
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-sm font-medium">Advanced: any scheme as JSON (interlocked cells, per-group schemes, base weight, bounds)</summary>
        <p className="mt-2 text-xs text-slate-500">
          Same format as <code>npm run cli -- weight</code>: <code>{`{"method":"cell","cells":[{"match":{"country":"Brazil","company_size":"5,000+ employees"},"share":0.02},…]}`}</code>; variables are
          question ids.
        </p>
        <textarea
          aria-label="Scheme JSON"
          className="mt-2 h-40 w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
          value={json}
          placeholder={JSON.stringify(rimScheme(), null, 1)}
          onChange={(e) => setJson(e.target.value)}
        />
        <div className="mt-2 flex gap-2">
          <Button variant="secondary" disabled={!json.trim() || busy} onClick={() => run(true, json)}>
            Preview JSON scheme
          </Button>
          <Button disabled={!json.trim() || busy || !name.trim()} onClick={() => run(false, json)}>
            Save JSON scheme as weight
          </Button>
        </div>
      </details>
      {error ? <ErrorMessage title="Weighting failed" message={error} /> : null}
      {outcome ? (
        <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          {outcome.saved ? (
            <p role="status" className="text-sm text-emerald-800">
              Saved as <span className="font-mono">{outcome.saved.weight}</span> in version {outcome.saved.version}.{" "}
              <Link className="underline" href={`/datasets/${datasetId}/analyze?weight=${encodeURIComponent(outcome.saved.weight)}`}>
                Use it in a breakdown
              </Link>
            </p>
          ) : (
            <p className="text-sm text-slate-600">Preview: nothing saved yet.</p>
          )}
          <WeightingReportView report={outcome.report} />
        </div>
      ) : null}
    </div>
  );
}
