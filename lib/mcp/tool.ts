import type { z } from "zod";
import type { AgentCredentialRow } from "@/lib/auth/agent-credentials";
import type { Viewer } from "@/lib/auth/viewer";
import type { Dataset } from "@/lib/schema/dataset";
import type { McpToolName } from "@/lib/schema/agents";
import type { SurveyStore } from "@/lib/store";
import { answerWithNotes } from "./notes";

/** What a tool handler gets: the agent as a viewer, its credential, the store and the scoped dataset. */
export interface ToolContext {
  viewer: Viewer;
  agent: AgentCredentialRow;
  store: SurveyStore;
  /** the dataset named by the arguments, already checked against the agent's scope (null for tools without one) */
  dataset: Dataset | null;
}

/**
 * One MCP tool: zod input and output schemas, a thin handler over a service (so a gateway can
 * wrap its answer later) and a short text rendering that quotes untrusted text as data.
 */
export interface McpTool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: McpToolName;
  title: string;
  description: string;
  input: I;
  output: O;
  /** the argument naming a dataset (scope-checked before the handler runs) */
  datasetArg?: "dataset";
  /** spends from the per-minute query budget like the API's breakdowns (`crosstab:run`) */
  analysis: boolean;
  run(ctx: ToolContext, args: z.output<I>): Promise<z.input<O>>;
  render(out: z.output<O>): string;
}

/** Declare a tool with its types inferred (the registry holds them as `McpTool`). */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(tool: McpTool<I, O>): McpTool {
  return tool as unknown as McpTool;
}

/**
 * Declare an analysis tool over one dataset (`dataset` argument, scope-checked; spends from the
 * query budget) whose output is `answer` with its notes (`answerWithNotes`).
 */
export function defineAnalysisTool<I extends z.ZodType, A extends z.ZodType>(
  tool: Omit<McpTool<I, ReturnType<typeof answerWithNotes<A>>>, "output" | "datasetArg" | "analysis"> & { answer: A },
): McpTool {
  const { answer, ...rest } = tool;
  return defineTool({ ...rest, output: answerWithNotes(answer), datasetArg: "dataset", analysis: true });
}
