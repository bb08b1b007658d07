"use client";

import { useState } from "react";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { postAndDownload } from "@/components/ui/download";
import { Select } from "@/components/ui/field";
import { QuestionCombobox } from "@/components/questions/question-combobox";
import type { QuestionCatalog } from "@/components/questions/use-question-catalog";
import { RESPONDENT_EXPORT_FORMATS, type RespondentExportFormat } from "@/lib/schema/respondent-export";

/** each format's name in the panel, and how its file writes a suppressed value */
const FORMAT_TEXT: Record<RespondentExportFormat, { label: string; suppressed: string }> = {
  csv: { label: "CSV", suppressed: "replaced by *" },
  sav: { label: "SPSS (.sav)", suppressed: "suppressed (system-missing in numeric variables, * in string variables)" },
  xlsx: { label: "Excel (.xlsx)", suppressed: "suppressed (* in text columns, empty in number columns; the About this export sheet records it)" },
  parquet: { label: "Parquet", suppressed: "suppressed (null; the file's metadata records it)" },
};

export interface ExportableQuestion {
  id: string;
  label: string;
  allowed: boolean;
  reason: string | null;
  /** protected by k-anonymity by default (demographic, metadata, date) */
  quasiIdentifier?: boolean;
  /** a default the viewer's role cannot switch off */
  quasiLocked?: boolean;
}

/** Respondent-level CSV, SPSS, Excel or Parquet file of the current filtered segment: chosen columns, identifiers locked, a reminder, audited. */
export function RespondentExport({ datasetId, questions: listed, filters, catalog }: { datasetId: string; questions: ExportableQuestion[]; filters: Record<string, string[]>; catalog?: QuestionCatalog }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  // a wide dataset's page lists only the columns with a rule (locked, quasi-identifiers): any other
  // column is added by search and exports as it is (the export route checks every column again)
  const lazy = catalog?.lazy === true;
  const known = new Set(listed.map((q) => q.id));
  const questions: ExportableQuestion[] = lazy
    ? [...listed, ...[...chosen].filter((id) => !known.has(id)).map((id) => ({ id, label: catalog?.find(id)?.label ?? id, allowed: true, reason: null }))]
    : listed;
  const [qi, setQi] = useState<Set<string>>(() => new Set(questions.filter((q) => q.quasiIdentifier).map((q) => q.id)));
  const [format, setFormat] = useState<RespondentExportFormat>("csv");
  const [message, setMessage] = useState<string | null>(null);
  const download = async () => {
    setMessage(null);
    let res: Response;
    try {
      const body = { columns: [...chosen], filters, quasiIdentifiers: [...chosen].filter((id) => qi.has(id)) };
      res = await postAndDownload(`/api/datasets/${encodeURIComponent(datasetId)}/respondents/export?format=${format}`, body, `respondents.${format}`);
    } catch (err) {
      return setMessage((err as Error).message);
    }
    const notes: string[] = [];
    if (res.headers.get("x-rows-truncated") === "true") notes.push("The export was capped at your role's row limit.");
    const suppressed = Number(res.headers.get("x-suppressed-cells") ?? 0);
    if (suppressed > 0)
      notes.push(
        `${suppressed} quasi-identifier value${suppressed === 1 ? " was" : "s were"} ${FORMAT_TEXT[format].suppressed} so that every combination is shared by at least ${res.headers.get("x-k-anonymity-k")} respondents.`,
      );
    if (notes.length) setMessage(notes.join(" "));
  };
  return (
    <details className="rounded-lg border border-slate-200 p-3" data-testid="respondent-export">
      <summary className="cursor-pointer text-sm font-medium">Export respondent-level data (this segment)</summary>
      <p className="mt-2 flex items-start gap-2 rounded-md bg-amber-50 p-2 text-xs text-amber-900">
        <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> Respondent-level data are personal data. Export only what your analysis needs, keep it
        secure and delete it when done. Every export is recorded in the audit trail with its columns, filters and row count. Direct identifiers are available to
        admins only.
      </p>
      {lazy && catalog ? (
        <div className="mt-2 max-w-md">
          <QuestionCombobox
            catalog={catalog}
            role="any"
            label="Add a column"
            exclude={[...chosen, ...listed.filter((q) => !q.allowed).map((q) => q.id)]}
            onPick={(id) => {
              void catalog.ensure([id]);
              setChosen((s) => new Set([...s, id]));
            }}
          />
        </div>
      ) : null}
      <fieldset className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="sr-only">Columns</legend>
        {questions.map((q) => (
          <label key={q.id} className={`flex items-center gap-2 text-sm ${q.allowed ? "" : "text-slate-400"}`} title={q.reason ?? undefined}>
            <input
              type="checkbox"
              disabled={!q.allowed}
              checked={chosen.has(q.id)}
              onChange={(e) =>
                setChosen((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(q.id);
                  else next.delete(q.id);
                  return next;
                })
              }
            />
            <span className="truncate">{q.id}</span>
            {q.allowed ? null : <span className="text-xs">(locked)</span>}
          </label>
        ))}
      </fieldset>
      {chosen.size ? (
        <fieldset className="mt-3 flex flex-col gap-1" data-testid="quasi-identifiers">
          <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">Quasi-identifiers (k-anonymity)</legend>
          <p className="text-xs text-slate-500">
            Ticked columns are generalised by suppression: any value that would leave a combination with fewer than k respondents is replaced by *. Demographics,
            metadata and dates are ticked by default.
          </p>
          <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {questions
              .filter((q) => chosen.has(q.id))
              .map((q) => (
                <label key={q.id} className="flex items-center gap-2 text-sm" title={q.quasiLocked ? "protected by default for your role" : undefined}>
                  <input
                    type="checkbox"
                    disabled={q.quasiLocked}
                    checked={qi.has(q.id)}
                    onChange={(e) =>
                      setQi((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(q.id);
                        else next.delete(q.id);
                        return next;
                      })
                    }
                  />
                  <span className="truncate">
                    <bdi>{q.id}</bdi>
                  </span>
                </label>
              ))}
          </div>
        </fieldset>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          File format
          <Select className="w-auto py-1" value={format} onChange={(e) => setFormat(e.target.value as RespondentExportFormat)}>
            {RESPONDENT_EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_TEXT[f].label}
              </option>
            ))}
          </Select>
        </label>
        <Button variant="secondary" disabled={!chosen.size} onClick={download}>
          Download {FORMAT_TEXT[format].label}
        </Button>
        {message ? <span role="status" className="text-sm text-slate-700">{message}</span> : null}
      </div>
    </details>
  );
}
