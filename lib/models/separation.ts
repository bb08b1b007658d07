/**
 * Separation by categorical levels (`golden-drivers2` README §4): a level of a categorical
 * predictor whose analysed rows have no events or no non-events. Its ML coefficient does not
 * exist (it runs off to ±∞ as IRLS is continued), yet svyglm reports it as converged with a tiny
 * sandwich SE; so the app looks for these cells itself and then reports a Firth fit.
 */
import type { Separation } from "@/lib/schema/drivers-methods";
import type { GlmFit } from "./glm";
import type { ModelFrame } from "./model-frame";
import { finiteOrNull } from "./svyglm-block";

/**
 * The separated cells of `frame`, with the ML estimate of each (non-reference) level at glm's
 * default tolerance (`ml`) and at ε = 1e-14 (`mlTight`).
 *
 * @example detectSeparation(frame, ml, mlTight).terms // ["guardrails=Not in place"]
 */
export function detectSeparation(frame: ModelFrame, ml: GlmFit, mlTight: GlmFit): Separation {
  const { rows, y, design } = frame;
  const terms: string[] = [];
  const cells: Separation["cells"] = [];
  for (const p of frame.predictors) {
    if (p.kind !== "categorical") continue;
    const ref = design.referenceLevels[p.name] as string;
    const stats = new Map<string, { n: number; events: number }>();
    rows.forEach((r, i) => {
      const s = stats.get(r[p.index]) ?? { n: 0, events: 0 };
      s.n++;
      s.events += y[i];
      stats.set(r[p.index], s);
    });
    const levels = [ref, ...design.terms.filter((t) => t.startsWith(`${p.name}=`)).map((t) => t.slice(p.name.length + 1))];
    for (const level of levels) {
      const s = stats.get(level);
      if (!s || (s.events > 0 && s.events < s.n)) continue;
      const isRef = level === ref;
      const term = isRef ? `${p.name}=${level} (reference)` : `${p.name}=${level}`;
      const j = design.terms.indexOf(term);
      terms.push(term);
      cells.push({
        term,
        n: s.n,
        events: s.events,
        ml_estimate_default: isRef ? null : finiteOrNull(ml.coefficients[j]),
        ml_estimate_eps_1e14: isRef ? null : finiteOrNull(mlTight.coefficients[j]),
      });
    }
  }
  const drift = ml.coefficients.reduce((m, b, j) => Math.max(m, Math.abs(mlTight.coefficients[j] - b)), 0);
  return { detected: terms.length > 0, terms, cells, ml_max_abs_change_eps_1e8_to_1e14: finiteOrNull(drift) };
}
