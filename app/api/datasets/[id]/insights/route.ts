// POST /api/datasets/{id}/insights – scan every segment question for differences in an outcome
// share; findings are controlled for false discoveries (Benjamini–Hochberg) across the scan; every
// crosstab of the scan goes through the disclosure gateway
import { toQuestionLite } from "@/lib/analysis/question-roles";
import { insightsRequestSchema } from "@/lib/insights/types";
import { scanInsights } from "@/lib/insights/scan";
import { AppError } from "@/lib/schema/errors";
import { insightsResponseSchema } from "@/lib/schema/insights";
import { respondReleased } from "@/lib/server/respond-released";
import { readJson } from "@/lib/server/read-json";
import { authorizeDataset } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { releaseInsights } from "@/lib/services/gateway";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (req, { id }) => {
  const { store, dataset, viewer } = await authorizeDataset(req, id, "crosstab:run");
  const body = insightsRequestSchema.parse(await readJson(req, 64 * 1024));
  const outcome = dataset.questions.find((q) => q.id === body.outcome);
  if (!outcome) throw new AppError("unknown_question", `unknown outcome question: ${body.outcome}`, { role: "outcome", name: body.outcome });
  const released = await releaseInsights(store, dataset, viewer, async (run) => ({
    dataset: { id: dataset.id, version: dataset.version },
    ...(await scanInsights(dataset.questions.map(toQuestionLite), run, {
      outcome: body.outcome,
      outcome_category: body.outcome_category,
      weight: body.weight,
      filters: body.filters,
      q: body.q,
      minEffectiveN: body.min_effective_n,
      outcomeLabel: body.outcome_label,
    })),
  }));
  return respondReleased(insightsResponseSchema, released);
});
