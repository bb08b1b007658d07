"use client";

import { usePost } from "@/components/ui/use-post";
import type { BreakdownRequest } from "@/lib/analysis/breakdown-state";
import type { ProtectedCrosstab } from "@/lib/disclosure/types";
import type { NpsResult } from "@/lib/stats/nps";
import type { RowCounts } from "@/lib/schema/cell-sums";

export type CrosstabPayload = { kind: "crosstab"; result: ProtectedCrosstab } | { kind: "nps"; result: NpsResult & { rows: RowCounts } };

export type CrosstabState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; result: CrosstabPayload };

/** Fetch a crosstab (or NPS) for a request; cancels the previous request when it changes. */
export function useCrosstab(datasetId: string, request: BreakdownRequest | null): CrosstabState {
  const endpoint = request?.endpoint ?? "crosstab";
  const state = usePost<unknown>(request ? `/api/datasets/${encodeURIComponent(datasetId)}/${endpoint}` : null, request?.spec);
  if (state.status !== "ready") return state;
  const result = (endpoint === "nps" ? { kind: "nps", result: state.data } : { kind: "crosstab", result: state.data }) as CrosstabPayload;
  return { status: "ready", result };
}
