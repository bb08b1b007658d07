import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { demoManifestSchema } from "@/lib/schema/demo-manifest";
import { defaultOutcome, successCategory, type InsightsSpecDefaults } from "./outcome-choice";

/**
 * The insights a dataset opens on: for a demo dataset its headline (outcome, category, weight,
 * filters; the outcome named after the headline title, "Rollback rate by …" → "rollback"); for
 * any other dataset a yes/no question (else a scale, else a single choice), its "success" category
 * (Yes, the top box, or the most common answer — `successCategory`) and the dataset's default
 * weight (null: none; undefined, never set: its first weight question).
 */
export function insightsDefaults(datasetId: string, questions: readonly QuestionLite[], defaultWeight?: string | null): InsightsSpecDefaults {
  const file = path.join(process.cwd(), "data", "demo", "manifest.json");
  const manifest = fs.existsSync(file) ? demoManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8"))) : null;
  const entry = manifest?.success ? manifest.data.datasets.find((d) => d.id === datasetId) : undefined;
  if (entry) {
    const h = entry.headline;
    return {
      fromDemo: true,
      spec: {
        outcome: h.outcome,
        outcome_category: h.outcome_category,
        ...(h.weight ? { weight: h.weight } : {}),
        filters: Object.fromEntries(h.filters.map((f) => [f.column, f.values])),
        outcome_label: h.title.split(/\s+(?:rate\s+)?by\s+/i)[0].toLowerCase(),
      },
    };
  }
  const outcome = defaultOutcome(questions);
  const weight = defaultWeight === undefined ? questions.find((q) => q.type === "weight")?.id : defaultWeight;
  return {
    fromDemo: false,
    spec: outcome ? { outcome: outcome.id, outcome_category: successCategory(outcome), ...(weight ? { weight } : {}), filters: {} } : null,
  };
}
