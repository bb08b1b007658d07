"use client";

import { useEffect, useId, useState } from "react";
import { z } from "zod";
import { InlineError } from "@/components/states/states";

const policyAnswerSchema = z.object({
  policy: z.enum(["open", "protected", "perturbed"]),
  k: z.number(),
  exact: z.boolean(),
  audience: z.enum(["respondent", "aggregate"]),
  canSet: z.boolean(),
  columns: z.array(z.object({ id: z.string(), label: z.string(), status: z.enum(["identifier", "free-text", "quasi", "none"]), source: z.enum(["detected", "admin"]) })),
  canSetColumns: z.boolean(),
});
type PolicyAnswer = z.infer<typeof policyAnswerSchema>;
type ColumnStatus = PolicyAnswer["columns"][number]["status"];

const STATUS_LABEL: Record<ColumnStatus, string> = {
  identifier: "Direct identifier (admins only, never a filter)",
  "free-text": "Free text (never a filter)",
  quasi: "Quasi-identifier (k-anonymised)",
  none: "Not identifying",
};

const DESCRIPTION: Record<PolicyAnswer["policy"], (k: number) => string> = {
  protected: (k) => `Protected: people without respondent access see groups of fewer than ${k} as "< ${k}".`,
  open: () => "Open: everyone who can see this dataset sees exact numbers (for panels without a confidentiality promise).",
  perturbed: (k) =>
    `Perturbed (cell-key method): as protected (groups of fewer than ${k} hidden), and people without respondent access see counts with a small fixed noise (at most ±3) tied to the respondents counted, so comparing two results returns noise.`,
};

/**
 * The dataset's confidentiality policy and how the signed-in user sees its numbers; the uploader
 * and the workspace's admins can switch it (audited).
 */
export function ConfidentialityControl({ datasetId }: { datasetId: string }) {
  const [answer, setAnswer] = useState<PolicyAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const selectId = useId();
  const url = `/api/datasets/${encodeURIComponent(datasetId)}/policy`;

  useEffect(() => {
    let live = true;
    fetch(url)
      .then(async (res) => (res.ok ? policyAnswerSchema.parse(await res.json()) : Promise.reject(new Error(`status ${res.status}`))))
      .then((a) => live && setAnswer(a))
      .catch(() => live && setError("The confidentiality policy could not be loaded."));
    return () => {
      live = false;
    };
  }, [url]);

  const save = async (change: { policy: PolicyAnswer["policy"] } | { columns: Record<string, ColumnStatus> }) => {
    setSaving(true);
    setError(null);
    try {
      const res = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(change) });
      if (!res.ok) throw new Error(`status ${res.status}`);
      setAnswer(policyAnswerSchema.parse(await res.json()));
    } catch {
      setError("The policy could not be changed.");
    } finally {
      setSaving(false);
    }
  };

  if (!answer) return <InlineError error={error} />;
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-600" data-testid="confidentiality">
      {answer.canSet ? (
        <label htmlFor={selectId} className="flex flex-wrap items-center gap-2">
          <span className="font-medium text-slate-700">Confidentiality</span>
          <select
            id={selectId}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            value={answer.policy}
            disabled={saving}
            onChange={(e) => void save({ policy: e.target.value as PolicyAnswer["policy"] })}
          >
            <option value="protected">Protected (k = {answer.k})</option>
            <option value="perturbed">Perturbed (cell-key method, k = {answer.k})</option>
            <option value="open">Open</option>
          </select>
        </label>
      ) : (
        <span className="font-medium text-slate-700">
          Confidentiality: {answer.policy === "open" ? "open" : answer.policy === "perturbed" ? `perturbed (cell-key method), k = ${answer.k}` : `protected (k = ${answer.k})`}
        </span>
      )}
      <span>{DESCRIPTION[answer.policy](answer.k)}</span>
      <span data-testid="audience">
        {answer.exact
          ? answer.audience === "respondent"
            ? "You have respondent access: you see exact numbers, with low bases flagged."
            : "You see exact numbers because the dataset is open."
          : `You see protected numbers: groups of fewer than ${answer.k} respondents are hidden${answer.policy === "perturbed" ? ", and counts are perturbed (cell-key method)" : ""}.`}
      </span>
      <ColumnStatusList answer={answer} saving={saving} onChange={(id, status) => void save({ columns: { [id]: status } })} />
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </div>
  );
}

/**
 * The governed identifier / quasi-identifier status of each question (what respondent exports lock,
 * k-anonymise and refuse as filters). Detection proposed it at import; a schema edit never changes
 * it; only an admin of the owning workspace can (audited).
 */
function ColumnStatusList({ answer, saving, onChange }: { answer: PolicyAnswer; saving: boolean; onChange: (id: string, status: ColumnStatus) => void }) {
  const flagged = answer.columns.filter((c) => c.status !== "none").length;
  return (
    <details className="mt-1" data-testid="column-status">
      <summary className="cursor-pointer text-slate-700">
        Identifier and quasi-identifier status ({flagged} of {answer.columns.length} questions flagged) — governs respondent exports; a schema edit does not change it
      </summary>
      <table className="mt-1 text-left text-xs">
        <tbody>
          {answer.columns.map((c) => (
            <tr key={c.id} data-question={c.id}>
              <td className="pr-3 align-top font-mono"><bdi>{c.id}</bdi></td>
              <td className="pr-3 align-top">
                {answer.canSetColumns ? (
                  <select
                    aria-label={`Status of ${c.id}`}
                    className="rounded border border-slate-300 bg-white px-1 py-0.5"
                    value={c.status}
                    disabled={saving}
                    onChange={(e) => onChange(c.id, e.target.value as ColumnStatus)}
                  >
                    {(Object.keys(STATUS_LABEL) as ColumnStatus[]).map((s) => (
                      <option key={s} value={s}>{STATUS_LABEL[s]}</option>
                    ))}
                  </select>
                ) : (
                  STATUS_LABEL[c.status]
                )}
              </td>
              <td className="align-top text-slate-500">{c.source === "admin" ? "set by an admin" : "detected at import"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
