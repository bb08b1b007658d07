/**
 * Regression models for key drivers (R `survey::svyglm` semantics) and FDR screening for
 * auto-insights. Pure functions: no I/O, no store, no React.
 *
 * @example
 * import { fitDrivers, selectFindings } from "@/lib/models";
 */
export { fitDrivers } from "./fit-drivers";
export { ModelError } from "./errors";
export type { ModelErrorReason } from "./errors";
export { adjustBH, selectFindings } from "./fdr";
export type { FdrTest, Screened } from "./fdr";
export { parseCsvTable } from "./csv-table";
export type { TextTable } from "./analysis-rows";
export { fitGlm } from "./glm";
export type { GlmFamily, GlmFit } from "./glm";
export { sandwichVcov } from "./sandwich";
