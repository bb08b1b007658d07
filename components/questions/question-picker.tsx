"use client";

import type { ReactNode } from "react";
import { fitsRole, type PickRole } from "@/lib/analysis/question-search";
import type { QuestionLite } from "@/lib/analysis/question-roles";
import { Field, Select } from "@/components/ui/field";
import { QuestionCombobox } from "./question-combobox";
import type { QuestionCatalog } from "./use-question-catalog";

interface Props {
  catalog: QuestionCatalog;
  role: PickRole;
  id: string;
  label: string;
  value?: string;
  /** undefined: the empty choice */
  onPick: (id: string | undefined) => void;
  exclude?: readonly string[];
  /** the empty choice's text ("Choose a segment…") */
  empty: string;
  hint?: string;
  disabled?: boolean;
  /** extra options after the questions (native list only) */
  children?: ReactNode;
}

const text = (q: QuestionLite) => (q.label === q.id ? q.id : `${q.id} · ${q.label}`);

/**
 * A question picker: the native list of a normal dataset's questions (every one is on the page),
 * or, for a wide dataset whose questions load lazily, the searchable combobox.
 */
export function QuestionPicker({ catalog, role, id, label, value, onPick, exclude = [], empty, hint, disabled, children }: Props) {
  if (catalog.lazy) {
    return (
      <div className="flex flex-col gap-1">
        <QuestionCombobox catalog={catalog} role={role} label={label} inputId={id} value={value} exclude={exclude} placeholder={empty} disabled={disabled} onPick={(picked) => onPick(picked)} />
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      </div>
    );
  }
  const skip = new Set(exclude);
  return (
    <Field label={label} htmlFor={id} hint={hint}>
      <Select id={id} value={value ?? ""} disabled={disabled} onChange={(e) => onPick(e.target.value || undefined)}>
        <option value="">{empty}</option>
        {catalog.questions
          .filter((q) => fitsRole(q, role) && !skip.has(q.id))
          .map((q) => (
            <option key={q.id} value={q.id}>
              {text(q)}
            </option>
          ))}
        {children}
      </Select>
    </Field>
  );
}
