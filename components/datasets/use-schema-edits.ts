"use client";

import { useMemo, useReducer } from "react";
import { applyOverrides } from "@/lib/ingest/apply-overrides";
import type { ProtectedQuestion } from "@/lib/schema/dataset";
import type { Question } from "@/lib/schema/question";
import type { QuestionOverride } from "@/lib/schema/question-overrides";

/** One question's unsaved edit (the API's per-question override, by id). */
export type Edit = Omit<QuestionOverride, "id" | "column"> & { id: string };

/** The unsaved review: per-question edits and the default weight (undefined: unchanged, null: none). */
export interface Draft {
  edits: ReadonlyMap<string, Edit>;
  defaultWeight?: string | null;
}

interface Step {
  draft: Draft;
  /** what the change did, for the undo button ("Mark missing in 12 questions") */
  label: string;
  /** consecutive changes with the same key are one step (typing in one field) */
  key?: string;
}

interface State {
  draft: Draft;
  history: Step[];
}

type Action = { kind: "change"; label: string; key?: string; update: (d: Draft) => Draft } | { kind: "undo" } | { kind: "reset" };

const EMPTY: Draft = { edits: new Map() };

/**
 * The edits as saved and shown: a value label left empty means "keep the label it had".
 * @example savedEdits(new Map([["q1", { id: "q1", optionLabels: { "1": "" } }]])) // [{ id: "q1", optionLabels: {} }]
 */
export function savedEdits(edits: ReadonlyMap<string, Edit>): Edit[] {
  return [...edits.values()].map((e) => (e.optionLabels ? { ...e, optionLabels: Object.fromEntries(Object.entries(e.optionLabels).filter(([, l]) => l.trim() !== "")) } : e));
}
const MAX_STEPS = 200;

function reducer(s: State, a: Action): State {
  if (a.kind === "reset") return { draft: EMPTY, history: [] };
  if (a.kind === "undo") return s.history.length ? { draft: s.history.at(-1)!.draft, history: s.history.slice(0, -1) } : s;
  const next = a.update(s.draft);
  if (next === s.draft) return s;
  const last = s.history.at(-1);
  const history = a.key !== undefined && last?.key === a.key ? s.history : [...s.history, { draft: s.draft, label: a.label, key: a.key }].slice(-MAX_STEPS);
  return { draft: next, history };
}

/**
 * Merge per-question patches into the draft (a patch replaces the fields it names).
 * @example withEdits(draft, [{ id: "q1", missingCodes: ["8"] }]).edits.get("q1")
 */
export function withEdits(d: Draft, patches: readonly Edit[]): Draft {
  if (!patches.length) return d;
  const edits = new Map(d.edits);
  for (const p of patches) edits.set(p.id, { ...(edits.get(p.id) ?? { id: p.id }), ...p });
  return { ...d, edits };
}

/**
 * The schema review's unsaved edits with undo: every change (one field, one bulk rule) is a step
 * that `undo` takes back; `questions` are the saved questions with the edits applied, as the
 * review shows them and as the next rule reads them.
 */
export function useSchemaEdits(saved: (Question | ProtectedQuestion)[]) {
  const [state, dispatch] = useReducer(reducer, { draft: EMPTY, history: [] });
  const { draft, history } = state;
  const questions = useMemo(
    // counts hidden for an aggregate-only audience stay null: the editor only shows them
    () => applyOverrides(saved as Question[], [], { questions: savedEdits(draft.edits) }) as (Question | ProtectedQuestion)[],
    [saved, draft.edits],
  );
  return {
    draft,
    questions,
    /** the last step's label, or null when there is nothing to undo */
    undoLabel: history.at(-1)?.label ?? null,
    change: (label: string, update: (d: Draft) => Draft, key?: string) => dispatch({ kind: "change", label, key, update }),
    edit: (id: string, patch: Omit<Edit, "id">, label: string, key?: string) => dispatch({ kind: "change", label, key, update: (d) => withEdits(d, [{ id, ...patch }]) }),
    undo: () => dispatch({ kind: "undo" }),
    reset: () => dispatch({ kind: "reset" }),
  };
}

export type SchemaEdits = ReturnType<typeof useSchemaEdits>;
