import type { McpToolName } from "@/lib/schema/agents";
import type { McpTool } from "./tool";
import { bannerTool, crosstabTool, keyDriversTool } from "./tools/analysis";
import { compareToBenchmarkTool, listBenchmarksTool } from "./tools/benchmarks";
import { readDashboardTool } from "./tools/dashboards";
import { describeDatasetTool, listDatasetsTool } from "./tools/datasets";

/** Every MCP tool, by name (an agent sees and calls only those its credential grants). */
export const MCP_TOOLS: Readonly<Record<McpToolName, McpTool>> = {
  list_datasets: listDatasetsTool,
  describe_dataset: describeDatasetTool,
  crosstab: crosstabTool,
  banner: bannerTool,
  key_drivers: keyDriversTool,
  compare_to_benchmark: compareToBenchmarkTool,
  list_benchmarks: listBenchmarksTool,
  read_dashboard: readDashboardTool,
};

/** The tool of that name when the credential grants it; unknown and ungranted tools are alike (undefined). */
export function grantedTool(name: string, granted: readonly string[]): McpTool | undefined {
  if (!Object.prototype.hasOwnProperty.call(MCP_TOOLS, name) || !granted.includes(name)) return undefined;
  return MCP_TOOLS[name as McpToolName];
}
