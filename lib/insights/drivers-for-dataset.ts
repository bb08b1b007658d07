/**
 * Key drivers on a stored dataset: read the model's columns from the store, turn them into the
 * text table `fitDrivers` expects (question ids as headers, declared missing codes → empty, the
 * filters applied), fit, and rank the predictors by their strongest term. Without predictors the
 * request runs in "auto" mode: every splitting question that is not the outcome, the weight or a
 * filter is proposed, screened (answered by most of the analysed rows, two or more levels, the
 * outcome varies within every level) and refitted without any predictor the model names as
 * collinear or separated.
 */
import { z } from "zod";
import { canBeSegment, toQuestionLite } from "@/lib/analysis/question-roles";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { fitDrivers, ModelError } from "@/lib/models";
import type { TextTable } from "@/lib/models";
import { columnKind } from "@/lib/models/design-matrix";
import type { DriversResult } from "@/lib/schema/drivers";
import { qt } from "@/lib/stats/distributions";
import type { SurveyStore } from "@/lib/store/types";
import { driversRScript, type RScriptColumn } from "./drivers-r-script";
import type { DriverTerm, DriversReport, RankedDriver } from "./types";

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * `POST /api/datasets/{id}/drivers` body: the drivers spec (`lib/schema/drivers.ts`) with question
 * ids; `predictors` may be left out (auto mode) and `conf_level` sets the intervals.
 *
 * @example driversRequestSchema.parse({ outcome: "rolled_back", outcome_category: "Yes", weight: "weight" }).model // "logistic"
 */
export const driversRequestSchema = z
  .object({
    model: z.enum(["logistic", "linear"]).default("logistic"),
    outcome: z.string().min(1),
    outcome_category: stringList.pipe(z.array(z.string()).min(1)).optional(),
    predictors: stringList.pipe(z.array(z.string().min(1)).min(1).max(40)).optional(),
    weight: z.string().min(1).optional(),
    reference_levels: z.record(z.string(), z.string()).optional(),
    filters: z.record(z.string(), stringList).default({}),
    conf_level: z.number().gt(0).lt(1).default(0.95),
  })
  .superRefine((spec, ctx) => {
    if (spec.model === "logistic" && spec.outcome_category === undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is required for a logistic model" });
    }
    if (spec.model === "linear" && spec.outcome_category !== undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is only for a logistic model" });
    }
  });
export type DriversRequestInput = z.input<typeof driversRequestSchema>;
export type DriversRequest = z.output<typeof driversRequestSchema>;

/** In auto mode a predictor must be answered by at least this share of the rows with an outcome. */
const MIN_COVERAGE = 0.8;
/** In auto mode: refits after dropping predictors the model names as collinear or separated. */
const MAX_REFITS = 8;

function findQuestion(dataset: Dataset, name: string, role: string): Question {
  const q = dataset.questions.find((x) => x.id === name) ?? dataset.questions.find((x) => x.label === name);
  if (!q) throw new AppError("unknown_question", `unknown ${role} question: ${name}`, { role, name });
  if (q.type === "multi") throw new AppError("invalid_spec", `a multi-select cannot be a driver model ${role}: ${q.id}`);
  return q;
}

function headerOf(dataset: Dataset, q: Question): string {
  return dataset.columns.find((c) => c.name === q.columns[0])?.headers[0] ?? q.id;
}

/** Split a term "predictor=level" into its parts (the predictor names are known). */
function splitTerm(term: string, predictors: readonly string[]): { predictor: string; level: string | null } {
  if (term === "(intercept)") return { predictor: term, level: null };
  const p = [...predictors].sort((a, b) => b.length - a.length).find((x) => term === x || term.startsWith(`${x}=`));
  if (!p) return { predictor: term, level: null };
  return { predictor: p, level: term === p ? null : term.slice(p.length + 1) };
}

/** Coefficients with odds ratios and t-intervals, and the predictors ranked by their largest |t|. */
export function rankDrivers(
  fit: DriversResult,
  model: "logistic" | "linear",
  predictors: readonly string[],
  labels: Readonly<Record<string, string>>,
  confLevel = 0.95,
): { coefficients: DriverTerm[]; drivers: RankedDriver[] } {
  const tq = qt(1 - (1 - confLevel) / 2, fit.df_residual);
  const coefficients: DriverTerm[] = fit.coefficients.map((c) => {
    const { predictor, level } = splitTerm(c.term, predictors);
    const lo = c.estimate - tq * c.se;
    const hi = c.estimate + tq * c.se;
    return {
      ...c,
      predictor,
      level,
      odds_ratio: model === "logistic" ? Math.exp(c.estimate) : null,
      ci: model === "logistic" ? [Math.exp(lo), Math.exp(hi)] : [lo, hi],
    };
  });
  const drivers: RankedDriver[] = predictors.flatMap((p) => {
    const terms = coefficients.filter((c) => c.predictor === p && c.term !== "(intercept)");
    if (terms.length === 0) return [];
    const top = terms.reduce((best, c) => (Math.abs(c.t) > Math.abs(best.t) ? c : best));
    return [
      {
        predictor: p,
        label: labels[p] ?? p,
        reference: fit.reference_levels[p] ?? null,
        top_term: top.term,
        top_level: top.level,
        max_abs_t: Math.abs(top.t),
        min_p: Math.min(...terms.map((c) => c.p_value)),
        odds_ratio: top.odds_ratio,
        ci: top.ci,
        terms,
      },
    ];
  });
  drivers.sort((a, b) => b.max_abs_t - a.max_abs_t || (a.predictor < b.predictor ? -1 : 1));
  return { coefficients, drivers };
}

/**
 * Fit and rank key drivers of `input` (a {@link DriversRequestInput}) on a stored dataset.
 *
 * @example
 * await driversForDataset(store, dataset, { outcome: "rolled_back", outcome_category: "Yes", weight: "weight", filters: { agent_status: "Live in production" } })
 * // { n: 1567, drivers: [{ predictor: "guardrail_maturity", … }, …], r_script: "…svyglm(…" }
 */
export async function driversForDataset(store: SurveyStore, dataset: Dataset, input: unknown): Promise<DriversReport> {
  const req = driversRequestSchema.parse(input);
  const outcomeQ = findQuestion(dataset, req.outcome, "outcome");
  const weightQ = req.weight ? findQuestion(dataset, req.weight, "weight") : null;
  const filterQs = Object.entries(req.filters).map(([name, values]) => ({ q: findQuestion(dataset, name, "filter"), values }));
  const auto = req.predictors === undefined;
  const excluded = new Set([outcomeQ.id, ...(weightQ ? [weightQ.id] : []), ...filterQs.map((f) => f.q.id)]);
  const candidates = auto
    ? dataset.questions.filter((q) => canBeSegment(toQuestionLite(q)) && !excluded.has(q.id))
    : (req.predictors ?? []).map((p) => findQuestion(dataset, p, "predictor"));
  if (candidates.length === 0) throw new AppError("invalid_spec", "no predictor questions to model");

  // ---- read once: outcome, weight, filters and every candidate predictor
  const used = [...new Map([outcomeQ, ...(weightQ ? [weightQ] : []), ...filterQs.map((f) => f.q), ...candidates].map((q) => [q.id, q])).values()];
  const raw = await store.readRows(dataset, used.map((q) => q.columns[0]), dataset.respondents + 1);
  const missing = used.map((q) => new Set(q.missingCodes));
  const cell = (v: string | null | undefined, k: number) => {
    const s = v === null || v === undefined ? "" : String(v);
    return missing[k].has(s) ? "" : s;
  };
  const col = new Map(used.map((q, k) => [q.id, k]));
  const filterIdx = filterQs.map((f) => ({ k: col.get(f.q.id)!, values: new Set(f.values) }));
  const rows = raw.map((r) => r.map((v, k) => cell(v, k))).filter((r) => filterIdx.every((f) => f.values.has(r[f.k])));
  const table: TextTable = { header: used.map((q) => q.id), rows };
  const oi = col.get(outcomeQ.id)!;
  const wi = weightQ ? col.get(weightQ.id)! : -1;

  // ---- auto mode: screen the candidates on the rows that have an outcome (and weight)
  const dropped: { predictor: string; reason: string }[] = [];
  let predictors = candidates.map((q) => q.id);
  if (auto) {
    const cats = new Set(req.outcome_category ?? []);
    const base = rows.filter((r) => r[oi] !== "" && (wi < 0 || r[wi] !== ""));
    predictors = predictors.filter((p) => {
      const k = col.get(p)!;
      const answered = base.filter((r) => r[k] !== "");
      if (base.length === 0 || answered.length / base.length < MIN_COVERAGE) {
        dropped.push({ predictor: p, reason: `answered by fewer than ${Math.round(MIN_COVERAGE * 100)}% of the analysed rows` });
        return false;
      }
      const levels = new Map<string, Set<number>>();
      for (const r of answered) {
        const y = req.model === "logistic" ? (cats.has(r[oi]) ? 1 : 0) : 0;
        levels.set(r[k], (levels.get(r[k]) ?? new Set()).add(y));
      }
      if (levels.size < 2) {
        dropped.push({ predictor: p, reason: "one level among the analysed rows" });
        return false;
      }
      if (req.model === "logistic" && columnKind(answered, k) === "categorical") {
        const constant = [...levels].filter(([, ys]) => ys.size < 2).map(([l]) => l);
        if (constant.length) {
          dropped.push({ predictor: p, reason: "outcome does not vary within some of its levels" });
          return false;
        }
      }
      return true;
    });
    if (predictors.length === 0) throw new AppError("invalid_spec", "no predictor question passed the screening (coverage, levels, separation)");
  }

  // ---- reference levels: the first level in the question's option order present in the model rows
  const referenceFor = (ps: string[]) => {
    const needed = [oi, ...ps.map((p) => col.get(p)!), ...(wi >= 0 ? [wi] : [])];
    const complete = rows.filter((r) => needed.every((k) => r[k] !== ""));
    const refs: Record<string, string> = {};
    for (const p of ps) {
      const k = col.get(p)!;
      if (columnKind(complete, k) === "numeric") continue;
      const given = req.reference_levels?.[p];
      if (given !== undefined) {
        refs[p] = given;
        continue;
      }
      const present = new Set(complete.map((r) => r[k]));
      const q = used[k];
      const first = q.options.map((o) => o.code).find((c) => present.has(c));
      if (first !== undefined) refs[p] = first;
    }
    return { refs, kinds: Object.fromEntries(ps.map((p) => [p, columnKind(complete, col.get(p)!)])) };
  };

  const spec = (ps: string[], refs: Record<string, string>) => ({
    model: req.model,
    outcome: outcomeQ.id,
    ...(req.model === "logistic" ? { outcome_category: req.outcome_category } : {}),
    predictors: ps,
    ...(weightQ ? { weight: weightQ.id } : {}),
    reference_levels: refs,
  });

  let fit: DriversResult | null = null;
  let kinds: Record<string, "numeric" | "categorical"> = {};
  for (let attempt = 0; ; attempt++) {
    const r = referenceFor(predictors);
    kinds = r.kinds;
    try {
      fit = fitDrivers(table, spec(predictors, r.refs));
      break;
    } catch (err) {
      if (!auto || !(err instanceof ModelError) || attempt >= MAX_REFITS) throw err;
      const culprits = new Set(err.terms.map((t) => splitTerm(t, predictors).predictor).filter((p) => predictors.includes(p)));
      if (culprits.size === 0 || culprits.size >= predictors.length) throw err;
      for (const p of culprits) dropped.push({ predictor: p, reason: `${err.reason}: ${err.message}` });
      predictors = predictors.filter((p) => !culprits.has(p));
    }
  }

  const labels = Object.fromEntries(used.map((q) => [q.id, q.label]));
  const { coefficients, drivers } = rankDrivers(fit, req.model, predictors, labels, req.conf_level);
  const rcol = (q: Question): RScriptColumn => ({ id: q.id, header: headerOf(dataset, q), missingCodes: q.missingCodes });
  const byId = new Map(used.map((q) => [q.id, q]));
  const r_script = driversRScript({
    model: req.model,
    outcome: rcol(outcomeQ),
    outcome_category: req.model === "logistic" ? (req.outcome_category ?? []) : null,
    predictors: predictors.map((p) => ({ ...rcol(byId.get(p)!), kind: kinds[p], reference: fit.reference_levels[p] ?? null })),
    weight: weightQ ? rcol(weightQ) : null,
    filters: filterQs.map((f) => ({ column: rcol(f.q), values: f.values })),
    conf_level: req.conf_level,
    fileName: dataset.source.fileName.split(/[\\/]/).pop() ?? "data.csv",
    extraHeaderRows: Math.max(0, dataset.headerRows - 1),
  });
  return {
    model: req.model,
    outcome: outcomeQ.id,
    outcome_category: req.model === "logistic" ? (req.outcome_category ?? []) : null,
    weight: weightQ?.id ?? null,
    filters: Object.fromEntries(filterQs.map((f) => [f.q.id, f.values])),
    predictors,
    dropped,
    n: fit.n,
    df_residual: fit.df_residual,
    conf_level: req.conf_level,
    rows: { total: raw.length, after_filters: rows.length, excluded: rows.length - fit.n },
    reference_levels: fit.reference_levels,
    coefficients,
    drivers,
    r_script,
  };
}
