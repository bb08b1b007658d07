"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InsightsPanel, type InsightsSpec } from "./insights-panel";

/**
 * The home page's insights for an aggregate-only audience: run when asked, not on every visit.
 * Each model and scan released to them joins their differencing history on this dataset, so an
 * analysis they never asked for would only narrow what they may ask later.
 */
export function OnDemandInsights({ datasetId, spec }: { datasetId: string; spec: InsightsSpec }) {
  const [shown, setShown] = useState(false);
  if (shown) return <InsightsPanel datasetId={datasetId} spec={spec} compact />;
  return (
    <div className="flex flex-col items-start gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="insights-on-demand">
      <p>
        Key drivers and the segment differences that matter, computed when you ask: every result you are shown from this dataset is remembered so that no two of them
        together single out fewer than a handful of people.
      </p>
      <Button type="button" onClick={() => setShown(true)}>
        Show the insights
      </Button>
    </div>
  );
}
