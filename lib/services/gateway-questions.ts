import "server-only";
/**
 * The question pickers' list (`GET /api/datasets/{id}/questions`): one page of the questions that
 * fit a picker's role and match its search, and the answers of the questions the builders named,
 * read from the question model the viewer's pages get — the dataset for respondent access, the
 * protected model (no counts, small answers unlisted, governed identifiers without values) for an
 * aggregate-only audience — and released through the disclosure gateway.
 */
import { createHash } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { seesExact, type Audience } from "@/lib/disclosure/audience";
import { seal, type Released } from "@/lib/disclosure/gateway";
import { toQuestionLite, type QuestionLite } from "@/lib/analysis/question-roles";
import { pickQuestions, searchQuestions } from "@/lib/analysis/question-search";
import type { Dataset } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import type { QuestionListQuery, QuestionListResponse } from "@/lib/schema/question-list";
import { getStore } from "@/lib/store";
import { audienceOf } from "./audience";
import { aggregateQuestionModel, governedColumnStatus } from "./column-governance";

/**
 * The protected models last built, by dataset version, k and governed column statuses (a picker
 * searches as the user types: a 9,000-question model is protected once, not on every keystroke).
 * A version never changes; a status decided by an admin or another k makes another key.
 */
const MODELS = new Map<string, QuestionLite[]>();
const MAX_MODELS = 8;

async function protectedModel(dataset: Dataset): Promise<QuestionLite[]> {
  const store = await getStore();
  const statuses = [...(await governedColumnStatus(store, dataset))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = `${dataset.id}@${dataset.version}|${getEnv().DISCLOSURE_K}|${createHash("sha256").update(JSON.stringify(statuses)).digest("hex")}`;
  const hit = MODELS.get(key);
  if (hit) {
    MODELS.delete(key);
    MODELS.set(key, hit);
    return hit;
  }
  const model = (await aggregateQuestionModel(store, dataset)).questions.map(toQuestionLite);
  MODELS.set(key, model);
  while (MODELS.size > MAX_MODELS) MODELS.delete(MODELS.keys().next().value!);
  return model;
}

/** The question model `audience` may see, as the pickers read it (the one every dataset page is built from). */
export async function questionModelFor(audience: Audience, dataset: Dataset): Promise<readonly QuestionLite[]> {
  return seesExact(audience) ? dataset.questions : protectedModel(dataset);
}

/**
 * One page of the viewer's question model for a picker, and the named questions' answers.
 * @example openReleased(await releaseQuestionList(viewer, dataset, { q: "age", role: "segment", offset: 0, limit: 20, ids: [], exclude: [] })).items
 */
export async function releaseQuestionList(viewer: Viewer, dataset: Dataset, query: QuestionListQuery): Promise<Released<QuestionListResponse>> {
  const audience = await audienceOf(viewer, dataset.id);
  const model = await questionModelFor(audience, dataset);
  const page = searchQuestions(model, { query: query.q, role: query.role, offset: query.offset, limit: query.limit, exclude: query.exclude });
  return seal("dataset", audience, { ...page, questions: pickQuestions(model, query.ids) });
}
