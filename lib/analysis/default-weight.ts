import type { BreakdownState } from "./breakdown-state";

type WeightState = Pick<BreakdownState, "weight" | "unweighted">;
type WeightQuestion = { id: string; type: string };

/**
 * The weight question the import proposes as the dataset's default: the first weight column it
 * detected (undefined when there is none).
 *
 * @example
 * detectDefaultWeight([{ id: "age", type: "numeric" }, { id: "wt", type: "weight" }]); // "wt"
 */
export function detectDefaultWeight(questions: readonly WeightQuestion[]): string | undefined {
  return questions.find((q) => q.type === "weight")?.id;
}

/**
 * The dataset default as the analysis may use it: a weight question the viewer sees (a default
 * naming a question since retyped or withheld is no default).
 *
 * @example
 * usableDefaultWeight("wt", [{ id: "wt", type: "weight" }]); // "wt"
 */
export function usableDefaultWeight(defaultWeight: string | null | undefined, questions: readonly WeightQuestion[]): string | undefined {
  return defaultWeight && questions.some((q) => q.id === defaultWeight && q.type === "weight") ? defaultWeight : undefined;
}

/**
 * The weight a breakdown uses: the explicit `weight` of the URL first, none when weighting is
 * switched off (`unweighted`), else the dataset's default.
 *
 * @example
 * effectiveWeight({}, "wt"); // "wt"
 * effectiveWeight({ unweighted: true }, "wt"); // undefined
 * effectiveWeight({ weight: "w2", unweighted: true }, "wt"); // "w2"
 */
export function effectiveWeight(s: WeightState, defaultWeight: string | undefined): string | undefined {
  return s.weight ?? (s.unweighted ? undefined : defaultWeight);
}

/**
 * The state with its weight resolved (what the requests and the labels read): `weight` is the
 * weight used, `unweighted` is gone.
 *
 * @example
 * withDefaultWeight({ outcome: "q1", filters: {} }, "wt").weight; // "wt"
 */
export function withDefaultWeight<S extends Partial<BreakdownState>>(s: S, defaultWeight: string | undefined): S {
  const { unweighted: _off, ...rest } = s;
  void _off;
  return { ...rest, weight: effectiveWeight(s, defaultWeight) } as S;
}

/**
 * The state change of picking a weight in the analysis ("" = unweighted). With a default in
 * place, "unweighted" is said out loud (`unweighted=1`), since leaving the weight out means the
 * default.
 *
 * @example
 * pickWeight("", "wt"); // { weight: undefined, unweighted: true }
 * pickWeight("w2", "wt"); // { weight: "w2", unweighted: undefined }
 */
export function pickWeight(value: string, defaultWeight: string | undefined): WeightState {
  if (value) return { weight: value, unweighted: undefined };
  return { weight: undefined, unweighted: defaultWeight ? true : undefined };
}

/**
 * The state as a saved view keeps it: its weighting written out (`weight=<id>` or
 * `unweighted=1`), so the view shows the same numbers after the dataset's default changes.
 *
 * @example
 * pinWeight({ outcome: "q1", filters: {} }, "wt"); // { outcome: "q1", filters: {}, weight: "wt" }
 * pinWeight({ outcome: "q1", filters: {} }, undefined); // { outcome: "q1", filters: {}, unweighted: true }
 */
export function pinWeight<S extends Partial<BreakdownState>>(s: S, defaultWeight: string | undefined): S {
  const weight = effectiveWeight(s, defaultWeight);
  const { unweighted: _off, weight: _w, ...rest } = s;
  void _off;
  void _w;
  return (weight ? { ...rest, weight } : { ...rest, unweighted: true }) as S;
}

/** The weight an API answer used and why (lib/schema/crosstab-spec.ts `weightUsedSchema`). */
export type RequestWeighting = { weight: string | null; source: "request" | "default" | "unweighted" | "none" };

/**
 * An API request (crosstab, banner, their exports) with the dataset's default weight applied: a
 * named `weight` is used as given, `unweighted: true` switches weighting off, otherwise the usable
 * default (see `usableDefaultWeight`) is filled in. Anything but an object is passed through for
 * the spec schema to refuse.
 *
 * @example
 * resolveRequestWeight({ outcome: "q1" }, "wt").weighting; // { weight: "wt", source: "default" }
 * resolveRequestWeight({ outcome: "q1", unweighted: true }, "wt").spec; // { outcome: "q1", unweighted: true }
 */
export function resolveRequestWeight(spec: unknown, defaultWeight: string | undefined): { spec: unknown; weighting: RequestWeighting } {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) return { spec, weighting: { weight: null, source: "none" } };
  const s = spec as { weight?: unknown; unweighted?: unknown };
  if (typeof s.weight === "string" && s.weight) return { spec, weighting: { weight: s.weight, source: "request" } };
  if (s.unweighted === true) return { spec, weighting: { weight: null, source: "unweighted" } };
  if (!defaultWeight) return { spec, weighting: { weight: null, source: "none" } };
  return { spec: { ...spec, weight: defaultWeight }, weighting: { weight: defaultWeight, source: "default" } };
}
