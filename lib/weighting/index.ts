/**
 * Survey weighting: rim weighting (raking, optionally bounded), cell weighting
 * (post-stratification) and per-group schemes, matching R's `survey` package.
 * Pure functions: no I/O.
 */
export { computeWeights, parseScheme, type WeightingResult } from "./compute-weights";
export { parseCsvTable, type WeightingTable } from "./csv";
export { WeightingError, type WeightingErrorKind } from "./errors";
export { normalizeTargets, targetsFromCsv } from "./targets";
export { rake, buildMargin, maxMarginError, type Margin, type RakeOptions, type RakeResult } from "./rake";
export { boundedRake, type WeightBounds } from "./bounded-rake";
export { assignCells, postStratify, type CellTarget } from "./cell";
export { summarizeWeights, extremeWeights } from "./report";
