"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { searchQuestions, type PickRole, type QuestionPage } from "@/lib/analysis/question-search";
import type { QuestionListResponse } from "@/lib/schema/question-list";

/**
 * The questions a page's builders know, and how its pickers find more. A page of a normal dataset
 * receives every question (`lazy: false`: searched in memory, as before); a wide one receives only
 * the questions its state names (`lazy: true`) and its pickers load pages and answers from
 * `GET /api/datasets/{id}/questions` as the user searches and picks.
 */
export interface QuestionCatalog {
  datasetId: string;
  lazy: boolean;
  /** how many questions the dataset has (as the viewer's model lists them) */
  total: number;
  /** every question known so far (all of them unless lazy) */
  questions: QuestionLite[];
  find: (id: string | undefined) => QuestionLite | undefined;
  /** the named questions, their answers loaded first when not known yet (unknown ids left out) */
  ensure: (ids: readonly string[]) => Promise<QuestionLite[]>;
  search: (p: { role: PickRole; query: string; offset: number; exclude?: readonly string[]; limit?: number }) => Promise<QuestionPage>;
}

async function fetchList(datasetId: string, params: Record<string, string>): Promise<QuestionListResponse> {
  const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/questions?${new URLSearchParams(params).toString()}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`the question list could not be loaded (${res.status})`);
  return (await res.json()) as QuestionListResponse;
}

/** A catalog over the page's questions (see `QuestionCatalog`). */
export function useQuestionCatalog(datasetId: string, initial: QuestionLite[], lazy = false, total = initial.length): QuestionCatalog {
  const [loaded, setLoaded] = useState<QuestionLite[]>([]);
  const questions = useMemo(() => {
    if (!loaded.length) return initial;
    const known = new Set(initial.map((q) => q.id));
    return [...initial, ...loaded.filter((q) => !known.has(q.id))];
  }, [initial, loaded]);
  const byId = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions]);
  const find = useCallback((id: string | undefined) => (id === undefined ? undefined : byId.get(id)), [byId]);
  const ensure = useCallback(
    async (ids: readonly string[]) => {
      const known = (extra: QuestionLite[]) => ids.flatMap((id) => byId.get(id) ?? extra.find((q) => q.id === id) ?? []);
      const missing = [...new Set(ids)].filter((id) => !byId.has(id));
      if (!lazy || !missing.length) return known([]);
      const body = await fetchList(datasetId, { ids: missing.join(","), limit: "1" });
      setLoaded((l) => {
        const fresh = body.questions.filter((q) => !l.some((x) => x.id === q.id));
        return fresh.length ? [...l, ...fresh] : l;
      });
      return known(body.questions);
    },
    [byId, datasetId, lazy],
  );
  const search = useCallback<QuestionCatalog["search"]>(
    async ({ role, query, offset, exclude = [], limit = 30 }) => {
      if (!lazy) return searchQuestions(questions, { role, query, offset, exclude, limit });
      const body = await fetchList(datasetId, { role, q: query, offset: String(offset), limit: String(limit), ...(exclude.length ? { exclude: exclude.join(",") } : {}) });
      return { total: body.total, offset: body.offset, limit: body.limit, items: body.items };
    },
    [datasetId, lazy, questions],
  );
  return useMemo(() => ({ datasetId, lazy, total: lazy ? total : questions.length, questions, find, ensure, search }), [datasetId, lazy, total, questions, find, ensure, search]);
}

const CatalogContext = createContext<QuestionCatalog | null>(null);
export const QuestionCatalogProvider = CatalogContext.Provider;

/** The catalog of the page (inside a `QuestionCatalogProvider`). */
export function useCatalog(): QuestionCatalog {
  const c = useContext(CatalogContext);
  if (!c) throw new Error("useCatalog outside a QuestionCatalogProvider");
  return c;
}
