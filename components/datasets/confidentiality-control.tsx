"use client";

import { useEffect, useId, useState } from "react";
import { z } from "zod";

const policyAnswerSchema = z.object({
  policy: z.enum(["open", "protected"]),
  k: z.number(),
  exact: z.boolean(),
  audience: z.enum(["respondent", "aggregate"]),
  canSet: z.boolean(),
});
type PolicyAnswer = z.infer<typeof policyAnswerSchema>;

const DESCRIPTION: Record<PolicyAnswer["policy"], (k: number) => string> = {
  protected: (k) => `Protected: people without respondent access see groups of fewer than ${k} as "< ${k}".`,
  open: () => "Open: everyone who can see this dataset sees exact numbers (for panels without a confidentiality promise).",
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

  const save = async (policy: PolicyAnswer["policy"]) => {
    setSaving(true);
    setError(null);
    try {
      const res = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ policy }) });
      if (!res.ok) throw new Error(`status ${res.status}`);
      setAnswer(policyAnswerSchema.parse(await res.json()));
    } catch {
      setError("The policy could not be changed.");
    } finally {
      setSaving(false);
    }
  };

  if (!answer) return error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null;
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
            onChange={(e) => void save(e.target.value as PolicyAnswer["policy"])}
          >
            <option value="protected">Protected (k = {answer.k})</option>
            <option value="open">Open</option>
          </select>
        </label>
      ) : (
        <span className="font-medium text-slate-700">Confidentiality: {answer.policy === "open" ? "open" : `protected (k = ${answer.k})`}</span>
      )}
      <span>{DESCRIPTION[answer.policy](answer.k)}</span>
      <span data-testid="audience">
        {answer.exact
          ? answer.audience === "respondent"
            ? "You have respondent access: you see exact numbers, with low bases flagged."
            : "You see exact numbers because the dataset is open."
          : `You see protected numbers: groups of fewer than ${answer.k} respondents are hidden.`}
      </span>
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </div>
  );
}
