/**
 * `method: "lmg"` on a text table: relative importance of each predictor in the weighted linear
 * model (LMG / Shapley decomposition of R², `lmg.ts`) beside the svyglm(gaussian) coefficients,
 * in the format of `test/fixtures/golden-drivers2` (README §3).
 */
import type { DriversSpec } from "@/lib/schema/drivers";
import type { LmgResult } from "@/lib/schema/drivers-methods";
import type { TextTable } from "./analysis-rows";
import { ModelError } from "./errors";
import { fitGlm } from "./glm";
import { computeLmg, LMG_MAX_PREDICTORS } from "./lmg";
import { buildModelFrame } from "./model-frame";
import { svyglmBlock } from "./svyglm-block";
import { weightedTss } from "./weighted-r2";

/**
 * Fit a linear driver model and decompose its R².
 *
 * @example
 * fitLmg(table, driversSpecSchema.parse({ model: "linear", method: "lmg", outcome: "confidence", predictors: ["guardrails", "agents"], weight: "w" }))
 *   .importance // [{ predictor: "guardrails", columns: 3, lmg: 0.021, share: 0.98, rank: 1 }, …]
 */
export function fitLmg(table: TextTable, spec: DriversSpec): LmgResult {
  if (spec.model !== "linear") throw new ModelError("invalid_spec", "method lmg needs model linear");
  if (spec.predictors.length > LMG_MAX_PREDICTORS) {
    throw new ModelError("invalid_spec", `too many predictors for lmg: at most ${LMG_MAX_PREDICTORS}`);
  }
  const frame = buildModelFrame(table, spec);
  const sv = svyglmBlock(frame, "gaussian");
  const d = computeLmg(frame.design.x, frame.groups, frame.y, frame.weights);
  const full = fitGlm(frame.design.x, frame.y, frame.weights, "gaussian");
  const names = spec.predictors;
  return {
    method: "lmg",
    rows: frame.counts,
    n: frame.rows.length,
    predictor_types: frame.predictorTypes,
    r2: d.r2,
    r2_check_lm: 1 - full.deviance / weightedTss(frame.y, frame.weights),
    importance: names.map((predictor, j) => ({
      predictor,
      columns: frame.groups[j].length,
      lmg: d.lmg[j],
      share: d.r2 > 0 ? d.lmg[j] / d.r2 : null,
      rank: d.rank[j],
    })),
    subsets: d.subsets.map((s) => ({ predictors: s.members.map((j) => names[j]), r2: s.r2 })),
    df_residual: sv.df,
    coefficients: sv.coefficients.map((c) => ({ term: c.term, estimate: c.estimate ?? NaN, se: c.se ?? NaN, t: c.t ?? NaN, p_value: c.p_value ?? NaN })),
    reference_levels: frame.design.referenceLevels,
  };
}
