"use client";

import { usePost } from "@/components/ui/use-post";
import { bannerResultSchema, type BannerResult, type BannerSpecInput } from "@/lib/schema/banner";

export type BannerState = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | { status: "ready"; result: BannerResult };

/** Fetch a banner table for a spec; cancels the previous request when the spec changes. */
export function useBanner(datasetId: string, spec: BannerSpecInput | null): BannerState {
  const state = usePost(bannerResultSchema, spec ? `/api/datasets/${encodeURIComponent(datasetId)}/banner` : null, spec);
  return state.status === "ready" ? { status: "ready", result: state.data } : state;
}
