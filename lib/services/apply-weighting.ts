import { z } from "zod";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import type { Question } from "@/lib/schema/question";
import { computeWeights, parseScheme, type WeightingResult } from "@/lib/weighting";
import type { SurveyStore } from "@/lib/store";

export const weightingRequestSchema = z.object({
  /** name of the new weight, e.g. "country × size rake" */
  name: z.string().trim().min(1).max(80),
  /** a scheme of lib/schema/weighting.ts; variables are question ids */
  scheme: z.unknown(),
  /** compute and report only; do not create a version */
  preview: z.boolean().default(false),
});

function schemeVariables(scheme: ReturnType<typeof parseScheme>): string[] {
  const vars = new Set<string>();
  const visit = (s: Record<string, unknown>) => {
    if (typeof s.base_weight === "string") vars.add(s.base_weight);
    if (s.targets && typeof s.targets === "object") Object.keys(s.targets).forEach((k) => vars.add(k));
    if (Array.isArray(s.cells)) for (const c of s.cells as { match: Record<string, string> }[]) Object.keys(c.match).forEach((k) => vars.add(k));
    if (typeof s.by === "string") vars.add(s.by);
    if (Array.isArray(s.groups)) for (const g of s.groups as { scheme?: Record<string, unknown> }[]) if (g.scheme) visit(g.scheme);
  };
  visit(scheme as unknown as Record<string, unknown>);
  return [...vars];
}

/** Types a weighting variable may have: categories (targets and cells name their codes). */
const CATEGORY_TYPES = new Set(["single", "ordinal"]);
/** Types a base weight may have. */
const WEIGHT_TYPES = new Set(["weight", "numeric"]);

function questionFor(dataset: Dataset, id: string, baseWeight: string | undefined): Question {
  const q = dataset.questions.find((x) => x.id === id);
  if (!q) throw new AppError("unknown_question", `unknown weighting variable: ${id}`);
  if (q.columns.length !== 1) throw new AppError("invalid_spec", `a weighting variable must be a single-column question: ${id}`);
  // free text, ids and numbers are not categories: their values would be answers, quoted back in errors
  if (id === baseWeight ? !WEIGHT_TYPES.has(q.type) : !CATEGORY_TYPES.has(q.type)) {
    const rule = id === baseWeight ? "base_weight must be a weight or numeric question" : "a weighting variable must be a single-choice or ordinal question";
    throw new AppError("invalid_spec", `${rule}: ${id} is a ${q.type} question`, { role: id === baseWeight ? "base_weight" : "variable", name: id });
  }
  return q;
}

/**
 * Compute weights for a stored dataset (variables named by question id; declared missing codes
 * count as missing) and, unless previewing, save them as a new version with a weight question.
 *
 * @example
 * await applyWeighting(store, dataset, { name: "census rake", scheme: { method: "rake", targets: { country: {...} } } })
 */
export async function applyWeighting(store: SurveyStore, dataset: Dataset, body: unknown): Promise<{ result: WeightingResult; dataset: Dataset | null }> {
  const req = weightingRequestSchema.parse(body);
  const scheme = parseScheme(req.scheme);
  const vars = schemeVariables(scheme);
  const baseWeight = (scheme as { base_weight?: string }).base_weight;
  const questions = vars.map((v) => questionFor(dataset, v, baseWeight));
  const raw = await store.readRows(dataset, questions.map((q) => q.columns[0]), Number.MAX_SAFE_INTEGER);
  const rows = raw.map((r) => r.map((cell, i) => (cell === null || questions[i].missingCodes.includes(cell) ? "" : cell)));
  const result = computeWeights({ header: vars, rows }, scheme);
  if (req.preview) return { result, dataset: null };
  const header = `weight_${req.name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "")}`;
  if (dataset.questions.some((q) => q.id === header)) throw new AppError("conflict", `a weight with this name exists: ${header}`);
  const column = `c${dataset.columns.length}`;
  const weighted = result.weights.filter((w) => w !== null).length;
  const question: Question = {
    id: header,
    label: `Weight: ${req.name}`,
    type: "weight",
    columns: [column],
    options: [],
    missingCodes: [],
    answered: weighted,
  };
  const next = await store.deriveVersion(
    dataset,
    [{ header, values: result.weights.map((w) => (w === null ? null : String(w))) }],
    [...dataset.questions, question],
    { kind: "weighting", fromVersion: dataset.version, columns: [column], recipe: { name: req.name, scheme: req.scheme }, createdAt: new Date().toISOString() },
  );
  return { result, dataset: next };
}
