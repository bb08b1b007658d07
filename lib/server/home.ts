import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { BenchmarkFigure } from "@/lib/schema/benchmark";
import { loadBenchmarks } from "@/lib/services/load-benchmarks";
import { demoManifestSchema, type DemoHeadline } from "@/lib/schema/demo-manifest";
import { getEnv } from "@/lib/schema/env";
import { runProtectedCrosstab } from "@/lib/services/protected-crosstab";
import { getStore } from "@/lib/store";
import { canSeeDataset } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { requirePageViewer } from "./authorize";
import { loadHomePanels } from "@/lib/services/home-panels";
import { releaseCrosstabPage } from "@/lib/services/gateway-pages";
import { withholdChisq } from "@/lib/disclosure/protect-magnitude";
import { seesExact } from "@/lib/disclosure/audience";
import { audienceOf } from "@/lib/services/audience";

const DATA = path.join(process.cwd(), "data");

/** Turn a headline definition into a crosstab spec. */
export function headlineSpec(h: DemoHeadline) {
  return {
    outcome: h.outcome,
    outcome_category: h.outcome_category,
    segment: h.segment,
    ...(h.weight ? { weight: h.weight } : {}),
    filters: Object.fromEntries(h.filters.map((f) => [f.column, f.values])),
  };
}

/** Home page (released: `pageProps(await loadHome())`): the first demo dataset's headline breakdown, the executive cards, and their benchmark figures. */
export async function loadHome() {
  const viewer = await requirePageViewer("dashboards:read", "/");
  const manifest = demoManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(DATA, "demo", "manifest.json"), "utf8")));
  const entry = manifest.datasets[0];
  const store = await getStore();
  const dataset = (await canSeeDataset(viewer, entry.id)) ? await store.getDataset(entry.id) : null;
  const figures = loadBenchmarks().figures;
  const benchmarks = entry.headline.benchmarkIds
    .map((id) => figures.find((f) => f.id === id))
    .filter((f): f is BenchmarkFigure => f !== undefined);
  const canAnalyze = can(viewer.role, "crosstab:run");
  const canUpload = can(viewer.role, "dataset:upload");
  if (!dataset) return releaseCrosstabPage(viewer, entry.id, async () => ({ status: "missing" as const, entry, benchmarks, canAnalyze, canUpload }));
  const minBase = getEnv().MIN_EFFECTIVE_BASE;
  return releaseCrosstabPage(viewer, dataset.id, async () => {
    const [result, panels] = await Promise.all([
      runProtectedCrosstab(store, dataset, headlineSpec(entry.headline), viewer),
      loadHomePanels(store, dataset, viewer, figures, { minBase, canAnalyze }),
    ]);
    // an aggregate-only audience runs models on demand: each one joins their differencing history
    const exact = seesExact(await audienceOf(viewer, dataset.id));
    return { status: "ready" as const, canAnalyze, canUpload, exact, entry, dataset: { id: dataset.id, name: dataset.name }, result: withholdChisq(result), benchmarks, panels, minBase };
  });
}
