import { z } from "zod";
import { getIdentity } from "@/lib/auth/server";
import { tileSchema, type Tile } from "@/lib/schema/dashboard-tiles";
import { dashboardSchema } from "@/lib/schema/views";
import { getEnv } from "@/lib/schema/env";
import { getViews, listDashboards } from "@/lib/store";
import { requireDashboard } from "@/lib/views/access";
import { computeTile } from "@/lib/views/tiles";
import { dashboardInput } from "../inputs";
import { protectionCaveat } from "../notes";
import { defineTool } from "../tool";
import { dataBlock, quoteUntrusted } from "../untrusted";

/** The same words `computeTile` uses for a dataset the viewer cannot reach: out of scope looks like gone. */
const UNAVAILABLE_DATASET = "Dataset no longer available: it was deleted or is no longer shared with this workspace.";

/**
 * A dashboard of the agent's workspace with its tiles computed for the agent (the protected path
 * of `computeTile`); a tile over a dataset outside the agent's scope is unavailable, exactly like a
 * deleted one. Without an id: the workspace's dashboards.
 */
export const readDashboardTool = defineTool({
  name: "read_dashboard",
  title: "Read a dashboard",
  description: "Without an id: the workspace's dashboards (id, name, tiles). With an id: the dashboard's tiles computed for this agent, each with its chart figures, base note and source; tiles over datasets outside this agent's scope are unavailable.",
  input: dashboardInput,
  output: z.object({
    dashboards: z.array(dashboardSchema.pick({ id: true, name: true, description: true, updatedAt: true }).extend({ tiles: z.number().int() })).nullable(),
    dashboard: dashboardSchema.nullable(),
    tiles: z.array(tileSchema),
    caveats: z.array(z.string()),
  }),
  analysis: true,
  async run(ctx, args) {
    const sql = (await getIdentity()).sql;
    const caveats = [protectionCaveat(getEnv().DISCLOSURE_K), "Each tile's baseNote gives its base, weighting and interval."];
    if (!args.dashboard) {
      const all = await listDashboards(sql, ctx.viewer.workspaceId);
      return { dashboards: all.map((d) => ({ id: d.id, name: d.name, description: d.description, updatedAt: d.updatedAt, tiles: d.tiles.length })), dashboard: null, tiles: [], caveats };
    }
    const dashboard = await requireDashboard(ctx.viewer, args.dashboard);
    const views = await getViews(sql, ctx.viewer.workspaceId, dashboard.tiles.map((t) => t.viewId));
    const scope = new Set(ctx.agent.datasets);
    const tiles: Tile[] = [];
    for (const t of dashboard.tiles) {
      const view = views.get(t.viewId);
      if (view && !scope.has(view.datasetId)) {
        tiles.push({ status: "unavailable", viewId: view.id, name: view.name, size: t.size, reason: "dataset", message: UNAVAILABLE_DATASET, analyzeHref: null });
      } else {
        tiles.push(await computeTile(ctx.viewer, t, view));
      }
    }
    return { dashboards: null, dashboard, tiles, caveats };
  },
  render(out) {
    if (out.dashboards) {
      if (out.dashboards.length === 0) return "This workspace has no dashboards.";
      return `${out.dashboards.length} dashboard(s):\n${dataBlock(out.dashboards.map((d) => `${d.id} (${d.tiles} tiles): ${quoteUntrusted(d.name)}`))}`;
    }
    const lines: string[] = [`dashboard: ${quoteUntrusted(out.dashboard?.name ?? "")}`];
    for (const t of out.tiles) {
      if (t.status === "unavailable") lines.push(`tile ${quoteUntrusted(t.name)}: unavailable (${t.reason})`);
      else if (t.status === "text") lines.push(`text tile: ${quoteUntrusted(t.text)}`);
      else lines.push(`tile ${quoteUntrusted(t.title)}: ${t.chart.map((c) => `${quoteUntrusted(c.label)}=${c.valueText} ${c.ciText} (${c.baseText})`).join(", ")}; ${quoteUntrusted(t.baseNote)}`);
    }
    return `${out.tiles.length} tile(s).\n${dataBlock(lines)}\nCaveats: ${out.caveats.join(" ")}`;
  },
});
