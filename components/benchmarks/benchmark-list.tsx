import type { BenchmarkFigure, BenchmarkTopic } from "@/lib/schema/benchmark";
import { formatCount, formatNumber, formatPercent } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export const TOPIC_LABELS: Record<BenchmarkTopic, string> = {
  production: "AI agents in production",
  rollback: "Rollbacks",
  guardrails: "Guardrails and governance",
  "identity-access": "Identity and access",
  investment: "Investment",
  infrastructure: "Infrastructure",
  sample: "Samples and methods",
};

const TIER_LABELS: Record<BenchmarkFigure["tier"], string> = {
  P: "primary",
  Pq: "primary (quoted)",
  S: "secondary",
  G: "research note",
  B: "brief only",
};

function value(f: BenchmarkFigure): string {
  if (f.unit === "share") return formatPercent(f.value, 0);
  if (f.unit === "count") return formatCount(f.value);
  if (f.unit === "correlation") return `r = ${formatNumber(f.value, 2)}`;
  return `${formatNumber(f.value, 1)} ${f.unit}`;
}

/** Published figures of one topic, grouped by study, each with value, base, source, tier and caveat. */
export function BenchmarkList({ figures }: { figures: BenchmarkFigure[] }) {
  const studies = [...new Set(figures.map((f) => f.study))];
  return (
    <div className="grid gap-6">
      {studies.map((t) => (
        <Card key={t}>
          <CardHeader>
            <CardTitle>{t}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-4">
              {figures
                .filter((f) => f.study === t)
                .map((f) => (
                  <li key={f.id} className="flex gap-3" data-testid={`benchmark-${f.id}`}>
                    <span className="tabular w-20 shrink-0 text-right text-xl font-semibold text-slate-900">{value(f)}</span>
                    <div className="flex flex-col gap-1 text-sm">
                      <p className="font-medium text-slate-900">{f.label}</p>
                      <p className="text-slate-600">
                        Base: {f.base}
                        {f.n ? ` (n = ${formatCount(f.n)})` : " (n not published)"}
                        {f.date ? ` · ${f.date}` : ""}
                      </p>
                      <p className="flex flex-wrap items-center gap-2 text-slate-600">
                        <Badge tone={f.tier === "P" || f.tier === "Pq" ? "success" : "neutral"}>{TIER_LABELS[f.tier]}</Badge>
                        {f.singleSource ? <Badge tone="warning">single source</Badge> : null}
                        <a className="underline" href={f.source.url} rel="noreferrer noopener" target="_blank">
                          {f.publisher}: {f.source.title}
                        </a>
                      </p>
                      <p className="text-xs italic text-slate-500">{f.caveat}</p>
                    </div>
                  </li>
                ))}
            </ul>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
