/**
 * The protected crosstab: the shape of `CrosstabResult` (lib/schema/crosstab-result.ts) with every
 * hidden number set to null, `suppressed` flags on each block and a `disclosure` summary. The
 * types are those of the API's schemas (lib/schema/crosstab-protected.ts), so what lib/disclosure
 * builds is what the OpenAPI document shows.
 */
import type { z } from "zod";
import type {
  disclosureSummarySchema,
  protectedChisqSchema,
  protectedMeanBlockSchema,
  protectedMeanCrosstabSchema,
  protectedProportionBlockSchema,
  protectedProportionCrosstabSchema,
  protectedRowsSchema,
} from "@/lib/schema/crosstab-protected";

export type ProtectedProportionBlock = z.infer<typeof protectedProportionBlockSchema>;
export type ProtectedMeanBlock = z.infer<typeof protectedMeanBlockSchema>;
/** Fields every protected block has. */
export type ProtectedBlockBase = Omit<ProtectedMeanBlock, "unweighted" | "weighted">;
/** Row accounting; counts that could give away a hidden cell are null. */
export type ProtectedRows = z.infer<typeof protectedRowsSchema>;
/** A chi-square test; `n` (the table total) is null when a segment or the total is hidden. */
export type ProtectedChisq = z.infer<typeof protectedChisqSchema>;
/** What was hidden and why (messages are lowercase "what: value"). */
export type DisclosureSummary = z.infer<typeof disclosureSummarySchema>;
export type ProtectedProportionCrosstab = z.infer<typeof protectedProportionCrosstabSchema>;
export type ProtectedMeanCrosstab = z.infer<typeof protectedMeanCrosstabSchema>;
/** A crosstab result after small-cell protection; narrow on `statistic`. */
export type ProtectedCrosstab = ProtectedProportionCrosstab | ProtectedMeanCrosstab;
