import { z } from "zod";
import { PICK_ROLES, MAX_PAGE, DEFAULT_PAGE } from "@/lib/analysis/question-search";
import { query } from "./openapi-parts";
import { questionTypeSchema } from "./question";

/** `GET /api/datasets/{id}/questions`: what the question pickers ask for (query string). */
export const questionListQuerySchema = z.object({
  q: z.string().max(200).default(""),
  role: z.enum(PICK_ROLES).default("any"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  /** comma-separated question ids whose answers (options) the builders need */
  ids: z
    .string()
    .max(20_000)
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(300)).max(MAX_PAGE)),
  /** comma-separated question ids to leave out of the page (already chosen) */
  exclude: z
    .string()
    .max(20_000)
    .default("")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean)),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

const liteOptionSchema = z.object({ code: z.string(), label: z.string(), count: z.number().int().nonnegative().nullable() });

/**
 * One page of a dataset's questions as the viewer's question model shows them (an aggregate-only
 * audience: the protected model, every count null), and the named questions' answers.
 */
export const questionListResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  items: z.array(z.object({ id: z.string(), label: z.string(), type: questionTypeSchema, options: z.number().int().nonnegative() })),
  questions: z.array(z.object({ id: z.string(), label: z.string(), type: questionTypeSchema, options: z.array(liteOptionSchema) })),
});
export type QuestionListResponse = z.infer<typeof questionListResponseSchema>;

/** the question pickers' query (GET /api/datasets/{id}/questions) */
export const QUESTION_LIST_QUERY = [
  query("q", { type: "string", maxLength: 200 }, "search words (id or label)"),
  query("role", { type: "string", enum: [...PICK_ROLES], default: "any" }),
  query("offset", { type: "integer", minimum: 0, default: 0 }),
  query("limit", { type: "integer", minimum: 1, maximum: 100, default: 30 }),
  query("ids", { type: "string", maxLength: 20000 }, "comma-separated question ids whose answers to return"),
  query("exclude", { type: "string", maxLength: 20000 }, "comma-separated question ids to leave out of the page"),
];
