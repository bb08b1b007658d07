import { z } from "zod";
import { datasetRefSchema } from "./api-common";
import { protectedQuestionSchema } from "./dataset";

/**
 * A derived variable: a recode or NET of one source question, declared as data so it can be
 * replayed and audited (lineage back to the raw column). Each group lists the source codes (or,
 * for a multi-select, options: chosen-any) it takes; a respondent matching no group is missing.
 *
 * @example
 * derivedVariableSchema.parse({ id: "live_or_planning", label: "Live or planning within 12 months", source: "agent_status",
 *   groups: [{ code: "Yes", from: ["Live in production", "Planning to deploy within 12 months"] }, { code: "No", from: ["Piloting", "No plans within 12 months"] }] })
 */
export const derivedVariableSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "id: letters, digits and _ (start with a letter)"),
    label: z.string().trim().min(1).max(300),
    type: z.enum(["single", "ordinal"]).default("single"),
    source: z.string().min(1),
    groups: z
      .array(z.object({ code: z.string().trim().min(1).max(200), label: z.string().trim().max(300).optional(), from: z.array(z.string()).min(1) }))
      .min(1)
      .max(200),
  })
  .superRefine((d, ctx) => {
    const codes = new Set<string>();
    d.groups.forEach((g, i) => {
      if (codes.has(g.code)) ctx.addIssue({ code: "custom", path: ["groups", i, "code"], message: `duplicate group: ${g.code}` });
      codes.add(g.code);
    });
  });
export type DerivedVariable = z.infer<typeof derivedVariableSchema>;

/**
 * `POST /api/datasets/{id}/derived`: the new version and the question it added.
 *
 * @example derivedResponseSchema.parse(body).question.id // "live_or_planning"
 */
/** The question's option counts and answered base are null when small for an aggregate-only audience. */
export const derivedResponseSchema = z.object({ dataset: datasetRefSchema, question: protectedQuestionSchema });
export type DerivedResponse = z.infer<typeof derivedResponseSchema>;
