import "server-only";
/**
 * The question pickers' list (`GET /api/datasets/{id}/questions`): one page of the questions that
 * fit a picker's role and match its search, and the answers of the questions the builders named,
 * read from the question model the viewer's pages get — the dataset for respondent access, the
 * protected model (no counts, small answers unlisted, governed identifiers without values) for an
 * aggregate-only audience — and released through the disclosure gateway.
 */
import type { Viewer } from "@/lib/auth/viewer";
import { seesExact, type Audience } from "@/lib/disclosure/audience";
import { seal, type Released } from "@/lib/disclosure/gateway";
import { pickQuestions, searchQuestions } from "@/lib/analysis/question-search";
import type { Dataset, ProtectedDataset } from "@/lib/schema/dataset";
import type { QuestionListQuery, QuestionListResponse } from "@/lib/schema/question-list";
import { getStore } from "@/lib/store";
import { audienceOf } from "./audience";
import { aggregateQuestionModel } from "./column-governance";

/** The question model `audience` may see (the one every dataset page is built from). */
export async function questionModelFor(audience: Audience, dataset: Dataset): Promise<Dataset | ProtectedDataset> {
  return seesExact(audience) ? dataset : aggregateQuestionModel(await getStore(), dataset);
}

/**
 * One page of the viewer's question model for a picker, and the named questions' answers.
 * @example pageProps-like: openReleased(await releaseQuestionList(viewer, dataset, { q: "age", role: "segment", offset: 0, limit: 20, ids: [], exclude: [] })).items
 */
export async function releaseQuestionList(viewer: Viewer, dataset: Dataset, query: QuestionListQuery): Promise<Released<QuestionListResponse>> {
  const audience = await audienceOf(viewer, dataset.id);
  const model = await questionModelFor(audience, dataset);
  const page = searchQuestions(model.questions, { query: query.q, role: query.role, offset: query.offset, limit: query.limit, exclude: query.exclude });
  return seal("dataset", audience, { ...page, questions: pickQuestions(model.questions, query.ids) });
}
