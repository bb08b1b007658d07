/**
 * The benchmark explorer's pure parts: free-text search over a figure's wording, base, study,
 * publisher, source and caveat; facets (publisher, country or region, industry); and the curated
 * series gathered for a chart. Everything here reads the curated file, never survey data.
 */
import type { BenchmarkFigure, BenchmarkSeriesDimension } from "@/lib/schema/benchmark";

/** Countries, regions and industries a figure can be about (matched in its label, base or study). */
export const PLACES: { id: string; label: string; kind: "country" | "industry"; pattern: RegExp }[] = [
  { id: "united-states", label: "United States", kind: "country", pattern: /\b(United States|US|U\.S\.)\b/ },
  { id: "united-kingdom", label: "United Kingdom", kind: "country", pattern: /\b(United Kingdom|UK)\b/ },
  { id: "brazil", label: "Brazil", kind: "country", pattern: /\bBrazil\b/ },
  { id: "latin-america", label: "Latin America", kind: "country", pattern: /\bLatin America\b/ },
  { id: "north-america", label: "North America", kind: "country", pattern: /\bNorth America\b/ },
  { id: "germany", label: "Germany", kind: "country", pattern: /\bGermany\b/ },
  { id: "france", label: "France", kind: "country", pattern: /\bFrance\b/ },
  { id: "japan", label: "Japan", kind: "country", pattern: /\bJapan\b/ },
  { id: "healthcare", label: "Healthcare", kind: "industry", pattern: /\bhealthcare\b/i },
  { id: "financial-services", label: "Financial services", kind: "industry", pattern: /\bfinancial services\b/i },
  { id: "manufacturing", label: "Manufacturing", kind: "industry", pattern: /\bmanufacturing\b/i },
  { id: "telecoms", label: "Telecoms", kind: "industry", pattern: /\btelecom/i },
];

export interface BenchmarkQuery {
  /** words, all of which must appear (case- and accent-insensitive) */
  text?: string;
  topic?: string;
  publisher?: string;
  /** a PLACES id */
  place?: string;
}

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const haystack = (f: BenchmarkFigure) => fold([f.label, f.base, f.study, f.publisher, f.source.title, f.caveat, f.id, f.series?.title ?? ""].join(" \u0000 "));

/**
 * The figures that match every part of the query.
 * @example searchFigures(figures, { text: "brazil rollback" }).map((f) => f.id) // ["sinch-brazil-rollback", …]
 */
export function searchFigures(figures: readonly BenchmarkFigure[], q: BenchmarkQuery): BenchmarkFigure[] {
  const words = fold(q.text ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const place = PLACES.find((p) => p.id === q.place);
  return figures.filter(
    (f) =>
      (!q.topic || f.topic === q.topic) &&
      (!q.publisher || f.publisher === q.publisher) &&
      (!place || place.pattern.test(`${f.label} ${f.base} ${f.series?.level ?? ""}`)) &&
      (words.length === 0 || words.every((w) => haystack(f).includes(w))),
  );
}

/** The facets present in a set of figures: publishers (by count) and places (in PLACES order). */
export function facets(figures: readonly BenchmarkFigure[]): { publishers: { name: string; count: number }[]; places: { id: string; label: string; kind: string; count: number }[] } {
  const pub = new Map<string, number>();
  for (const f of figures) pub.set(f.publisher, (pub.get(f.publisher) ?? 0) + 1);
  const publishers = [...pub].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const places = PLACES.map((p) => ({ id: p.id, label: p.label, kind: p.kind, count: searchFigures(figures, { place: p.id }).length })).filter((p) => p.count > 0);
  return { publishers, places };
}

export interface BenchmarkSeries {
  id: string;
  title: string;
  dimension: BenchmarkSeriesDimension;
  /** in the curated order */
  points: { level: string; figure: BenchmarkFigure }[];
}

/**
 * The curated series with at least two figures among `figures`, in the order of their first figure.
 * @example seriesOf(figures).find((s) => s.id === "sinch-live-by-country")?.points.map((p) => p.level) // ["All 10 countries", "United States", "Brazil"]
 */
export function seriesOf(figures: readonly BenchmarkFigure[]): BenchmarkSeries[] {
  const by = new Map<string, BenchmarkSeries>();
  for (const f of figures) {
    if (!f.series) continue;
    const s = by.get(f.series.id) ?? { id: f.series.id, title: f.series.title, dimension: f.series.dimension, points: [] };
    s.points.push({ level: f.series.level, figure: f });
    by.set(s.id, s);
  }
  return [...by.values()].filter((s) => s.points.length >= 2).map((s) => ({ ...s, points: [...s.points].sort((a, b) => a.figure.series!.order - b.figure.series!.order) }));
}

/** The notes under a series chart: one per distinct base and one per distinct source, each naming its bars. */
export function seriesNotes(s: BenchmarkSeries): { bases: string[]; sources: { title: string; url: string; levels: string[] }[] } {
  const group = <K>(key: (p: BenchmarkSeries["points"][number]) => K) => {
    const m = new Map<K, string[]>();
    for (const p of s.points) m.set(key(p), [...(m.get(key(p)) ?? []), p.level]);
    return [...m];
  };
  const all = (levels: string[]) => levels.length === s.points.length;
  const bases = group((p) => `${p.figure.base}${p.figure.n ? ` (n = ${p.figure.n.toLocaleString("en-US")})` : " (n not published)"}`).map(([b, levels]) => (all(levels) ? `Base: ${b}` : `Base for ${levels.join(", ")}: ${b}`));
  const sources = group((p) => p.figure.source.url).map(([url, levels]) => ({ url, title: s.points.find((p) => p.figure.source.url === url)!.figure.source.title, levels }));
  return { bases, sources };
}
