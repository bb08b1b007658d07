"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Undo2 } from "lucide-react";
import type { DefaultWeight, ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import { formatCountOf } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/states/states";
import { BulkRulesPanel } from "./bulk-rules-panel";
import { QuestionPager, type PagerProps } from "./question-pager";
import { DefaultWeightPanel } from "./default-weight-panel";
import { SchemaQuestionRow } from "./schema-question-row";
import { savedEdits, useSchemaEdits } from "./use-schema-edits";

interface Props {
  datasetId: string;
  version: number;
  questions: (Question | ProtectedQuestion)[];
  defaultWeight?: DefaultWeight | null;
  /**
   * a wide dataset is reviewed a page at a time: this page's place, and the weight questions of the
   * other pages (the default weight is chosen among every weight)
   */
  pager?: PagerProps;
  otherWeights?: (Question | ProtectedQuestion)[];
}

/** Whether a key press is typing in a field (where Ctrl+Z undoes the field's own text). */
const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/**
 * Schema review: bulk rules over every question, the default weight, and per question its label,
 * type, missing codes, answer order and value labels. Every change is a step that can be undone;
 * "Save as new version" stores them all as one new version (reloads and the analysis see it).
 */
export function SchemaEditor({ datasetId, version, questions, defaultWeight, pager, otherWeights = [] }: Props) {
  const router = useRouter();
  const review = useSchemaEdits(questions);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error" | "note"; message?: string }>({ kind: "idle" });
  const { draft, undo, undoLabel } = review;
  const changes = draft.edits.size + (draft.defaultWeight !== undefined ? 1 : 0);
  const note = (message: string) => setStatus({ kind: "note", message });
  const undoStep = () => {
    if (!undoLabel) return;
    undo();
    note(`Undone: ${undoLabel}.`);
  };
  useEffect(() => {
    // Ctrl/Cmd+Z outside a text field undoes the last review step
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z" && !typing(e.target) && undoLabel) {
        e.preventDefault();
        undo();
        setStatus({ kind: "note", message: `Undone: ${undoLabel}.` });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, undoLabel]);
  const save = async () => {
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/questions`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ questions: savedEdits(draft.edits), ...(draft.defaultWeight !== undefined ? { defaultWeight: draft.defaultWeight } : {}) }),
    });
    const body = (await res.json()) as { version?: number; error?: { message: string } };
    if (!res.ok) return setStatus({ kind: "error", message: body.error?.message ?? `save failed (${res.status})` });
    review.reset();
    setStatus({ kind: "saved", message: `Saved as version ${body.version}.` });
    router.refresh();
  };
  const byId = new Map(questions.map((q) => [q.id, q]));
  return (
    <div className="flex flex-col gap-4">
      <div className="sticky top-0 z-20 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white/95 p-3 backdrop-blur">
        <p className="text-sm text-slate-600">
          Version {version} · {changes ? `${formatCountOf(changes, "unsaved change")}` : "no unsaved edits"}
          {status.kind === "saved" || status.kind === "note" ? (
            <span role="status" className="ml-2 text-emerald-700" data-testid="review-status">
              {status.message}
            </span>
          ) : null}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" onClick={undoStep} disabled={!undoLabel} aria-label={undoLabel ? `Undo: ${undoLabel}` : "Undo"} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : "Nothing to undo"}>
            <Undo2 className="size-4" aria-hidden /> Undo
          </Button>
          <Button
            variant="ghost"
            disabled={!changes}
            onClick={() => {
              review.reset();
              note("Unsaved edits discarded.");
            }}
          >
            Discard edits
          </Button>
          <Button onClick={save} disabled={!changes || status.kind === "saving"}>
            {status.kind === "saving" ? "Saving…" : "Save as new version"}
          </Button>
        </div>
      </div>
      {status.kind === "error" ? <ErrorMessage title="The schema could not be saved" message={status.message ?? ""} /> : null}
      <BulkRulesPanel review={review} onDone={note} scope={pager ? "page" : "all"} />
      <DefaultWeightPanel datasetId={datasetId} saved={defaultWeight} review={review} otherWeights={otherWeights} />
      {pager ? <QuestionPager {...pager} anchor="schema-editor" locked={changes ? "Save or discard your edits before going to another page of questions." : undefined} /> : null}
      {questions.length === 0 ? <p className="text-sm text-slate-500">This dataset has no questions to review.</p> : null}
      {/* the rows (uncontrolled inputs) start afresh on a new version; the save confirmation above stays */}
      <ol key={version} id="schema-editor" className="flex flex-col gap-3" data-testid="schema-editor">
        {review.questions.map((q) => (
          <SchemaQuestionRow key={q.id} q={q} saved={byId.get(q.id) ?? q} review={review} all={review.questions} onDone={note} />
        ))}
      </ol>
    </div>
  );
}
