"use client";

import { usePost } from "@/components/ui/use-post";
import type { BreakdownRequest } from "@/lib/analysis/breakdown-state";
import { protectedCrosstabResponseSchema, type ProtectedCrosstabResponse } from "@/lib/schema/crosstab-protected";
import { npsResponseSchema, type NpsResponse } from "@/lib/schema/nps";

export type CrosstabPayload = { kind: "crosstab"; result: ProtectedCrosstabResponse } | { kind: "nps"; result: NpsResponse };

export type CrosstabState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; result: CrosstabPayload };

/** Fetch a crosstab (or NPS) for a request; cancels the previous request when it changes. */
export function useCrosstab(datasetId: string, request: BreakdownRequest | null): CrosstabState {
  const endpoint = request?.endpoint ?? "crosstab";
  const schema = endpoint === "nps" ? npsResponseSchema : protectedCrosstabResponseSchema;
  const state = usePost(schema, request ? `/api/datasets/${encodeURIComponent(datasetId)}/${endpoint}` : null, request?.spec);
  if (state.status !== "ready") return state;
  // the schema was chosen by the endpoint, so the parsed answer is of that kind
  const data = state.data;
  const result: CrosstabPayload = "excluded_not_0_10" in data ? { kind: "nps", result: data } : { kind: "crosstab", result: data };
  return { status: "ready", result };
}
