/**
 * Key drivers on a stored dataset: read the model's columns from the store, turn them into the
 * text table the models expect (question ids as headers, declared missing codes → empty, the
 * filters applied), fit (`fit-report-model.ts`: LMG importance for a linear model, Firth when a
 * predictor separates a logistic outcome), and rank the predictors. Without predictors a small
 * default set is chosen and screened (`default-predictors.ts`) and refitted without any predictor
 * the model names as collinear.
 */
import { parseRNumeric } from "@/lib/engine/parse-r-numeric";
import { canBeSegment, toQuestionLite } from "@/lib/analysis/question-roles";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { ModelError } from "@/lib/models";
import type { TextTable } from "@/lib/models";
import { columnKind } from "@/lib/models/design-matrix";
import type { SurveyStore } from "@/lib/store";
import { MAX_DEFAULT_OPTIONS, screenDefaultPredictors } from "@/lib/insights/default-predictors";
import { driversRequestSchema } from "@/lib/insights/drivers-request";
import { driversRScript, type RScriptColumn } from "@/lib/insights/drivers-r-script";
import { fitReportModel, type ReportFit } from "@/lib/insights/fit-report-model";
import { rankDrivers, splitTerm } from "@/lib/insights/rank-drivers";
import type { DriversReport } from "@/lib/insights/types";
import type { ModelRows } from "@/lib/disclosure/protect-model";

export { driversRequestSchema, type DriversRequest, type DriversRequestInput } from "@/lib/insights/drivers-request";
export { rankDrivers } from "@/lib/insights/rank-drivers";

/** With default predictors: refits after dropping predictors the model names as collinear or separated. */
const MAX_REFITS = 8;

function findQuestion(dataset: Dataset, name: string, role: string): Question {
  const q = dataset.questions.find((x) => x.id === name) ?? dataset.questions.find((x) => x.label === name);
  if (!q) throw new AppError("unknown_question", `unknown ${role} question: ${name}`, { role, name });
  if (q.type === "multi") throw new AppError("invalid_spec", `a multi-select cannot be a driver model ${role}: ${q.id}`);
  // free text and identifiers are respondent data, not variables: their "levels" would be answers
  if ((q.type === "text" || q.type === "id") && role !== "filter") {
    throw new AppError("invalid_spec", `a ${q.type === "id" ? "respondent id" : "free-text"} question cannot be a driver model ${role}: ${q.id}`, { role, name: q.id });
  }
  if (role === "weight" && q.type !== "weight" && q.type !== "numeric") {
    throw new AppError("invalid_spec", `weight: question ${q.id} is not numeric (a ${q.type} question); choose a weight or numeric question`, { role, name: q.id });
  }
  return q;
}

function headerOf(dataset: Dataset, q: Question): string {
  return dataset.columns.find((c) => c.name === q.columns[0])?.headers[0] ?? q.id;
}

/**
 * Options: `guard` sees the model's rows (with each row's ordinal in the dataset) before fitting and
 * again, final, before anything is reported (the disclosure gateway: model rules, differencing).
 */
export interface DriversOptions {
  guard?: (m: ModelRows, stage: "before-fit" | "final") => void | Promise<void>;
}

/**
 * Fit and rank key drivers of `input` (a {@link DriversRequestInput}) on a stored dataset.
 *
 * @example
 * await driversForDataset(store, dataset, { outcome: "rolled_back", outcome_category: "Yes", weight: "weight", filters: { agent_status: "Live in production" } })
 * // { n: 1567, drivers: [{ predictor: "guardrail_maturity", … }, …], r_script: "…svyglm(…" }
 */
export async function driversForDataset(store: SurveyStore, dataset: Dataset, input: unknown, opts: DriversOptions = {}): Promise<DriversReport> {
  const req = driversRequestSchema.parse(input);
  const outcomeQ = findQuestion(dataset, req.outcome, "outcome");
  const weightQ = req.weight ? findQuestion(dataset, req.weight, "weight") : null;
  const filterQs = Object.entries(req.filters).map(([name, values]) => ({ q: findQuestion(dataset, name, "filter"), values }));
  const auto = req.predictors === undefined;
  const excluded = new Set([outcomeQ.id, ...(weightQ ? [weightQ.id] : []), ...filterQs.map((f) => f.q.id)]);
  const candidates = auto
    ? dataset.questions.filter((q) => canBeSegment(toQuestionLite(q)) && q.options.length <= MAX_DEFAULT_OPTIONS && !excluded.has(q.id))
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
  const oi = col.get(outcomeQ.id)!;
  const wi = weightQ ? col.get(weightQ.id)! : -1;
  // rows in file order: a row's index in `raw` is its ordinal (the differencing audit's respondent id)
  const ordinals: number[] = [];
  const rows = raw.flatMap((r, ordinal) => {
    const row = r.map((v, k) => cell(v, k));
    if (!filterIdx.every((f) => f.values.has(row[f.k]))) return [];
    ordinals.push(ordinal);
    return [row];
  });
  // a weight that is not a number > 0 leaves its row out, as a missing answer does (golden-drivers2 §2)
  if (wi >= 0) for (const r of rows) if (!((parseRNumeric(r[wi]) ?? 0) > 0)) r[wi] = "";
  const table: TextTable = { header: used.map((q) => q.id), rows };

  // ---- default predictors: a small screened set
  let dropped: { predictor: string; reason: string }[] = [];
  let predictors = candidates.map((q) => q.id);
  if (auto) {
    const screened = screenDefaultPredictors(predictors, {
      rows,
      column: col,
      outcomeColumn: oi,
      weightColumn: wi,
      model: req.model,
      outcomeCategories: req.outcome_category ?? [],
    });
    ({ predictors, dropped } = screened);
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

  const guard = async (ps: string[], ks: Record<string, "numeric" | "categorical">, stage: "before-fit" | "final") =>
    opts.guard?.({
      model: req.model,
      rows,
      ordinals,
      universe: raw.length,
      outcome: oi,
      weight: wi,
      predictors: ps.map((p) => ({ column: col.get(p)!, kind: ks[p] })),
      outcomeCategories: req.outcome_category ?? [],
    }, stage);
  // before fitting (a model's own errors on a tiny population would tell its size) and after
  await guard(predictors, referenceFor(predictors).kinds, "before-fit");

  let result: ReportFit | null = null;
  let kinds: Record<string, "numeric" | "categorical"> = {};
  for (let attempt = 0; ; attempt++) {
    const r = referenceFor(predictors);
    kinds = r.kinds;
    try {
      result = fitReportModel(table, spec(predictors, r.refs), req.method);
      break;
    } catch (err) {
      if (!auto || !(err instanceof ModelError) || attempt >= MAX_REFITS) throw err;
      const culprits = new Set(err.terms.map((t) => splitTerm(t, predictors).predictor).filter((p) => predictors.includes(p)));
      if (culprits.size === 0 || culprits.size >= predictors.length) throw err;
      for (const p of culprits) dropped.push({ predictor: p, reason: `${err.reason}: ${err.message}` });
      predictors = predictors.filter((p) => !culprits.has(p));
    }
  }
  const { fit } = result;
  await guard(predictors, kinds, "final");

  const labels = Object.fromEntries(used.map((q) => [q.id, q.label]));
  const importance = result.lmg
    ? { r2: result.lmg.r2, predictors: result.lmg.importance.map((i) => ({ ...i, label: labels[i.predictor] ?? i.predictor })) }
    : null;
  const { coefficients, drivers } = rankDrivers(fit, req.model, predictors, labels, req.conf_level, result.statistic, importance?.predictors ?? null);
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
    method: result.method,
    fileName: dataset.source.fileName.split(/[\\/]/).pop() ?? "data.csv",
    extraHeaderRows: Math.max(0, dataset.headerRows - 1),
  });
  return {
    model: req.model,
    method: result.method,
    statistic: result.statistic,
    default_predictors: auto,
    warnings: result.warnings,
    importance,
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
