import { z } from "zod";
import { questionTypeSchema } from "./question";

/**
 * Analyst edits to a detected question model (schema review), also used by the demo seed to
 * give synthetic datasets proper labels. Questions are matched by `id` (the detected id) or
 * `column` (the header text of its first column).
 */
export const questionOverrideSchema = z
  .object({
    id: z.string().optional(),
    column: z.string().optional(),
    label: z.string().optional(),
    type: questionTypeSchema.optional(),
    /** option codes in display order (ordinal scales: low → high); unknown codes are ignored */
    optionOrder: z.array(z.string()).optional(),
    /** display labels for option codes */
    optionLabels: z.record(z.string(), z.string()).optional(),
    missingCodes: z.array(z.string()).optional(),
    multi: z.object({ layout: z.enum(["columns", "delimited"]), delimiter: z.string().optional() }).optional(),
    group: z.string().optional(),
  })
  .refine((o) => o.id !== undefined || o.column !== undefined, { message: "an override needs an id or a column" });
export type QuestionOverride = z.infer<typeof questionOverrideSchema>;

export const questionOverridesSchema = z.object({ questions: z.array(questionOverrideSchema) });
export type QuestionOverrides = z.infer<typeof questionOverridesSchema>;
