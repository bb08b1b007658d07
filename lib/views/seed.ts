import type { SqlRunner } from "@/lib/store";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { createDashboard, listDashboards } from "@/lib/store";
import { normalizeViewQuery } from "./query";
import { createView } from "@/lib/store";

export const DEMO_DASHBOARD_NAME = "AI agents: executive summary";

const DEMO_VIEWS: { name: string; query: string; size: "half" | "full" }[] = [
  {
    name: "Rollback rate by guardrail maturity (live agents)",
    query: "outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight&f.agent_status=Live in production",
    size: "full",
  },
  { name: "Live in production by industry", query: "outcome=agent_status&category=Live in production&segment=industry&weight=weight", size: "half" },
  { name: "Live in production by country", query: "outcome=agent_status&category=Live in production&segment=country&weight=weight", size: "half" },
];

/**
 * The demo's executive dashboard in the Default workspace, pinning three saved views of the
 * AI-agents demo dataset. Idempotent: does nothing when a dashboard of that name exists.
 *
 * @example await seedDemoDashboard(identity.sql, "ai-agents-production") // "created" | "present"
 */
export async function seedDemoDashboard(sql: SqlRunner, datasetId: string): Promise<"created" | "present"> {
  if ((await listDashboards(sql, DEFAULT_WORKSPACE_ID)).some((d) => d.name === DEMO_DASHBOARD_NAME)) return "present";
  const tiles = [];
  for (const v of DEMO_VIEWS) {
    const view = await createView(sql, { workspaceId: DEFAULT_WORKSPACE_ID, datasetId, name: v.name, query: normalizeViewQuery(v.query), createdBy: "seed" });
    tiles.push({ viewId: view.id, size: v.size });
  }
  await createDashboard(sql, DEFAULT_WORKSPACE_ID, "seed", {
    name: DEMO_DASHBOARD_NAME,
    description: "Where agents are live, and how often they had to be rolled back (synthetic demo data).",
    tiles,
  });
  return "created";
}
