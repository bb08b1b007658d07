"use client";

import { useState } from "react";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { insightOutcomes, successCategory, type InsightsSpecDefaults } from "@/lib/insights/outcome-choice";
import { EmptyState } from "@/components/states/states";
import { Card, CardContent } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { DriversControls } from "./drivers-controls";
import { QuestionCombobox } from "@/components/questions/question-combobox";
import { useQuestionCatalog } from "@/components/questions/use-question-catalog";
import { InsightsPanel, type InsightsSpec } from "./insights-panel";

interface Props {
  datasetId: string;
  /** every question, or (lazy) the ones the page starts on: the pickers load the rest */
  questions: QuestionLite[];
  lazy?: boolean;
  questionCount?: number;
  defaults: InsightsSpecDefaults;
}

/** Outcome, success category, weight, method and predictor pickers above the insights panel. */
export function InsightsExplorer({ datasetId, questions: initial, lazy = false, questionCount, defaults }: Props) {
  const catalog = useQuestionCatalog(datasetId, initial, lazy, questionCount);
  const questions = catalog.questions;
  const [spec, setSpec] = useState<InsightsSpec | null>(defaults.spec);
  const outcomes = [...insightOutcomes(questions), ...questions.filter((q) => q.type === "numeric")];
  const weights = questions.filter((q) => q.type === "weight");
  const pickOutcome = (q: QuestionLite | undefined) => {
    if (!q || !spec) return;
    const linear = q.type === "numeric";
    setSpec({
      outcome: q.id,
      outcome_category: linear ? "" : successCategory(q),
      model: linear ? "linear" : "logistic",
      predictors: spec.predictors?.filter((p) => p !== q.id),
      weight: spec.weight,
      filters: spec.outcome === q.id ? spec.filters : {},
    });
  };
  if (!spec || outcomes.length === 0) {
    return <EmptyState title="Nothing to explain yet">Insights need a single-choice or scale question with at least two options.</EmptyState>;
  }
  const outcomeQ = outcomes.find((q) => q.id === spec.outcome);
  const filterText = Object.entries(spec.filters)
    .map(([k, v]) => `${k} = ${v.join(" or ")}`)
    .join("; ");
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardContent className="grid gap-4 sm:grid-cols-3">
          {lazy ? (
            <QuestionCombobox catalog={catalog} role="insight-outcome" label="Outcome" inputId="insights-outcome" value={spec.outcome} onPick={(id) => void catalog.ensure([id]).then((found) => pickOutcome(found[0]))} />
          ) : (
            <Field label="Outcome" htmlFor="insights-outcome">
              <Select id="insights-outcome" value={spec.outcome} onChange={(e) => pickOutcome(outcomes.find((x) => x.id === e.target.value))}>
                {outcomes.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label || q.id}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Success category" htmlFor="insights-category" hint={filterText ? `Among: ${filterText}` : undefined}>
            <Select
              id="insights-category"
              disabled={spec.model === "linear"}
              value={spec.outcome_category}
              onChange={(e) => setSpec({ ...spec, outcome_category: e.target.value, outcome_label: undefined })}
            >
              {spec.model === "linear" ? <option value="">Numeric outcome: linear model</option> : null}
              {(outcomeQ?.options ?? []).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Weight" htmlFor="insights-weight">
            <Select id="insights-weight" value={spec.weight ?? ""} onChange={(e) => setSpec({ ...spec, weight: e.target.value || undefined })}>
              <option value="">Unweighted</option>
              {weights.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.label || q.id}
                </option>
              ))}
            </Select>
          </Field>
        </CardContent>
        <CardContent className="border-t border-slate-100 pt-4">
          <DriversControls catalog={catalog} spec={spec} onChange={setSpec} />
        </CardContent>
      </Card>
      <InsightsPanel datasetId={datasetId} spec={spec} />
    </div>
  );
}
