import { demoManifestSchema } from "@/lib/schema/demo-manifest";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { buildAiAgentsProduction } from "./ai-agents-production/build";
import { COLUMNS as AGENTS_COLUMNS } from "./ai-agents-production/columns";
import { buildAiAgentIdentity } from "./ai-agent-identity/build";
import { COLUMNS as IDENTITY_COLUMNS } from "./ai-agent-identity/columns";
import { type DemoColumn, toQuestionOverrides } from "./lib/columns";
import { toCsv } from "./lib/csv";
import type { Draft } from "./lib/draft";
import { MANIFEST } from "./manifest";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function datasetFiles(id: string, columns: readonly DemoColumn[], rows: Draft): [string, string][] {
  const questions = questionOverridesSchema.parse(toQuestionOverrides(columns));
  return [
    [`${id}.csv`, toCsv(columns.map((c) => c.column), rows)],
    [`${id}.questions.json`, json(questions)],
  ];
}

/**
 * Every file the demo generator writes, keyed by name inside data/demo, with its exact contents.
 * Pure and deterministic, so tests can compare it with the committed files.
 *
 * @example
 * const files = buildDemoFiles();
 * files["manifest.json"]; // '{\n  "datasets": [ …'
 */
export function buildDemoFiles(): Record<string, string> {
  const manifest = demoManifestSchema.parse(MANIFEST);
  return Object.fromEntries([
    ...datasetFiles("ai-agents-production", AGENTS_COLUMNS, buildAiAgentsProduction()),
    ...datasetFiles("ai-agent-identity", IDENTITY_COLUMNS, buildAiAgentIdentity()),
    ["manifest.json", json(manifest)],
  ]);
}
