import { WeightingError } from "./errors";

/**
 * The WeightingError a function throws (test helper).
 * @example expect(caught(() => computeWeights(t, s)).message).toBe("unknown column: x")
 */
export function caught(fn: () => unknown): WeightingError {
  try {
    fn();
  } catch (err) {
    if (err instanceof WeightingError) return err;
    throw err;
  }
  throw new Error("expected a WeightingError");
}
