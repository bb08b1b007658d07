import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { formatCount, formatNumber, formatPercent } from "@/lib/format/number";

function shown(b: BenchmarkFigure): string {
  if (b.unit !== "share") return formatNumber(b.value, 0);
  return formatPercent(b.value, Number.isInteger(Math.round(b.value * 1000) / 10) ? 0 : 1);
}

/** Consecutive figures from one source with one caveat, so a shared caveat is said once. */
function groups(benchmarks: BenchmarkFigure[]) {
  const out: BenchmarkFigure[][] = [];
  for (const b of benchmarks) {
    const last = out.at(-1);
    if (last && last[0].source.url === b.source.url && last[0].caveat === b.caveat) last.push(b);
    else out.push([b]);
  }
  return out;
}

/** Published figures next to a chart: value, base, source link, tier and caveat (never a bare number). */
export function BenchmarkNotes({ benchmarks, unpublished }: { benchmarks: BenchmarkFigure[]; unpublished?: string | null }) {
  if (!benchmarks.length && !unpublished) return null;
  return (
    <div className="flex flex-col gap-2 text-xs text-slate-600" data-testid="benchmark-notes">
      {groups(benchmarks).map((g) => (
        <div key={g[0].id} className="flex flex-col gap-0.5 break-words">
          {g.map((b) => (
            <p key={b.id}>
              <span className="font-medium text-slate-800">
                {b.publisher}: {b.label} ({shown(b)})
              </span>{" "}
              — base: {b.base}
              {b.n ? ` (n = ${formatCount(b.n)})` : " (n not published)"}.
            </p>
          ))}
          <p>
            Source:{" "}
            <a className="underline" href={g[0].source.url} rel="noreferrer noopener" target="_blank">
              {g[0].source.title}
            </a>{" "}
            (tier {g[0].tier}
            {g[0].singleSource ? ", single source" : ""}). <span className="italic">{g[0].caveat}</span>
          </p>
        </div>
      ))}
      {unpublished ? <p className="italic">{unpublished}</p> : null}
    </div>
  );
}
