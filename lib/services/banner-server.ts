import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Dataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import type { BannerResult } from "@/lib/schema/banner";
import { runBannerCrosstab, type runProtectedCrosstab, type GuardOptions } from "./protected-crosstab";
import { withSharedOutcomeSums, type SurveyStore } from "@/lib/store";
import { isPerturbed, seesExact } from "@/lib/disclosure/audience";
import { markPerturbed } from "@/lib/disclosure/cell-key/label";
import { AppError } from "@/lib/schema/errors";
import { audienceOf } from "./audience";
import { runBanner } from "./banner";
import { findGrid, gridBanner } from "./grid-banner";

/**
 * The banner every user-facing path serves: each (answer, segment) crosstab goes through the
 * viewer's protected path (small cells, complements, the population audit: a row it refuses is
 * shown fully hidden), then rows are protected against each other. `options`: test-only switches.
 * `post` (the disclosure gateway) applies further rules to each crosstab before the banner reads it.
 * @example await runProtectedBanner(store, dataset, { outcome: "rolled_back", segments: ["country"] }, viewer)
 */
export async function runProtectedBanner(
  store: SurveyStore,
  dataset: Dataset,
  specInput: unknown,
  viewer: Viewer,
  post?: <T extends Awaited<ReturnType<typeof runProtectedCrosstab>>>(spec: unknown, shown: T) => Promise<T>,
  options: GuardOptions = {},
): Promise<BannerResult> {
  const grid = findGrid(dataset, typeof specInput === "object" && specInput !== null ? String((specInput as { outcome?: unknown }).outcome ?? "") : "");
  if (grid) return runProtectedGridBanner(store, dataset, specInput as Record<string, unknown>, grid, viewer, post, options);
  const env = getEnv();
  // every answer of a single-choice outcome by one segment comes from one GROUP BY
  const shared = withSharedOutcomeSums(store);
  const audience = await audienceOf(viewer, dataset.id);
  const exact = seesExact(audience);
  const banner = await runBanner(dataset, specInput, async (spec) => {
    const shown = await runBannerCrosstab(shared, dataset, spec, viewer, options);
    return post ? post(spec, shown) : shown;
  }, { k: env.DISCLOSURE_K, minBase: env.MIN_EFFECTIVE_BASE, exact });
  // every answer came through the perturbed crosstab path: the banner says so, like a breakdown
  return isPerturbed(audience) ? markPerturbed(banner) : banner;
}

/**
 * A grid as a banner (lib/services/grid-banner.ts): each row question's own protected banner, of
 * which the Total is read (rows with a missing segment are in it, so any segment carries it: the
 * first one named that is not the row itself, else the next grid row).
 */
async function runProtectedGridBanner(
  store: SurveyStore,
  dataset: Dataset,
  spec: Record<string, unknown>,
  { grid, rows }: NonNullable<ReturnType<typeof findGrid>>,
  viewer: Viewer,
  post: Parameters<typeof runProtectedBanner>[4],
  options: GuardOptions,
): Promise<BannerResult> {
  const named = Array.isArray(spec.segments) ? spec.segments.filter((s): s is string => typeof s === "string") : [];
  const perRow: BannerResult[] = [];
  for (const [i, q] of rows.entries()) {
    const carrier = named.find((s) => s !== q.id) ?? rows[(i + 1) % rows.length].id;
    if (carrier === q.id) throw new AppError("invalid_spec", `a grid of one row needs a segment question: ${grid.id}`);
    perRow.push(await runProtectedBanner(store, dataset, { ...spec, outcome: q.id, segments: [carrier], sig: "none", categories: undefined }, viewer, post, options));
  }
  const combined = gridBanner(dataset, grid, rows, perRow);
  return perRow.some((r) => r.disclosure.perturbed) && !combined.disclosure.perturbed ? markPerturbed(combined) : combined;
}
