"use client";

import { useId, useMemo, useRef, useState } from "react";
import { facets, searchFigures, seriesOf } from "@/lib/analysis/benchmark-explore";
import type { BenchmarkFigure, BenchmarkTopic } from "@/lib/schema/benchmark";
import type { CompareDataset } from "@/lib/services/benchmark-compare";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { BenchmarkList } from "./benchmark-list";
import { SeriesChart } from "./series-chart";

interface Props {
  figures: BenchmarkFigure[];
  topic: BenchmarkTopic;
  compareWith: CompareDataset[] | null;
  initial: { q: string; publisher: string; place: string };
}

/**
 * Search (words, publisher, country or industry) and charts of the curated series. With no search
 * the active topic is listed; a search looks across every topic.
 */
export function BenchmarkExplorer({ figures, topic, compareWith, initial }: Props) {
  const id = useId();
  const [q, setQ] = useState(initial.q);
  const [publisher, setPublisher] = useState(initial.publisher);
  const [place, setPlace] = useState(initial.place);
  const searching = Boolean(q.trim() || publisher || place);
  const shown = useMemo(() => searchFigures(figures, searching ? { text: q, publisher, place } : { topic }), [figures, searching, q, publisher, place, topic]);
  const all = useMemo(() => facets(figures), [figures]);
  const series = useMemo(() => seriesOf(shown), [shown]);
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = series.find((s) => s.id === picked) ?? series[0] ?? null;
  const chartHeading = useRef<HTMLHeadingElement>(null);

  const sync = (next: { q?: string; publisher?: string; place?: string }) => {
    const p = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    window.history.replaceState(null, "", `?${p.toString()}`);
  };
  const chart = (seriesId: string) => {
    setPicked(seriesId);
    requestAnimationFrame(() => {
      chartHeading.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      chartHeading.current?.focus();
    });
  };

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <form role="search" aria-label="Search benchmarks" className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search figures" htmlFor={`${id}-q`}>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder="e.g. rollback, Brazil, identity, Gartner"
            onChange={(e) => {
              setQ(e.target.value);
              sync({ q: e.target.value });
            }}
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm"
            data-testid="benchmark-search"
          />
        </Field>
        <Field label="Source" htmlFor={`${id}-p`}>
          <Select
            id={`${id}-p`}
            value={publisher}
            onChange={(e) => {
              setPublisher(e.target.value);
              sync({ publisher: e.target.value });
            }}
          >
            <option value="">All sources</option>
            {all.publishers.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} ({p.count})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Country or industry" htmlFor={`${id}-c`}>
          <Select
            id={`${id}-c`}
            value={place}
            onChange={(e) => {
              setPlace(e.target.value);
              sync({ place: e.target.value });
            }}
          >
            <option value="">Anywhere</option>
            {all.places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} ({p.count})
              </option>
            ))}
          </Select>
        </Field>
        {searching ? (
          <Button
            variant="secondary"
            onClick={() => {
              setQ("");
              setPublisher("");
              setPlace("");
              sync({ q: "", publisher: "", place: "" });
            }}
          >
            Clear
          </Button>
        ) : null}
      </form>
      <p className="text-sm text-slate-600" role="status" data-testid="benchmark-count">
        {searching ? `${shown.length} figure${shown.length === 1 ? "" : "s"} match, across all topics` : `${shown.length} figure${shown.length === 1 ? "" : "s"} in this topic`}
        {series.length ? ` · ${series.length} chartable series` : ""}
      </p>
      {chosen ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <span ref={chartHeading} tabIndex={-1} id={`${id}-chart`} className="outline-none">
                Chart a series
              </span>
            </CardTitle>
          </CardHeader>
          <CardContent className="flex min-w-0 flex-col gap-4">
            <Field label="Series" htmlFor={`${id}-s`}>
              <Select id={`${id}-s`} value={chosen.id} onChange={(e) => setPicked(e.target.value)} data-testid="series-picker">
                {series.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title} ({s.points.length})
                  </option>
                ))}
              </Select>
            </Field>
            <SeriesChart series={chosen} />
          </CardContent>
        </Card>
      ) : null}
      {shown.length ? (
        <BenchmarkList figures={shown} compareWith={compareWith} onChart={chart} chartable={new Set(series.map((s) => s.id))} showTopic={searching} />
      ) : (
        <p className="text-sm text-slate-700" data-testid="benchmark-none">
          No figure matches. Try fewer words, or clear the filters.
        </p>
      )}
    </div>
  );
}
