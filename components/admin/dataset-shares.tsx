"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { EmptyState, ErrorMessage } from "@/components/states/states";
import type { AdminOverview } from "@/lib/auth/admin-overview";
import { useAdminAction } from "./use-admin-action";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** The datasets the current workspace owns, who each is shared with, and a share form. */
export function DatasetShares({ datasets, workspaces, currentWorkspaceId }: Pick<AdminOverview, "datasets" | "workspaces" | "currentWorkspaceId">) {
  const { run, pending, error, done } = useAdminAction();
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? "");
  const [workspace, setWorkspace] = useState("");
  const [email, setEmail] = useState("");
  if (datasets.length === 0) return <EmptyState title="This workspace owns no datasets yet">Upload one to share it.</EmptyState>;
  const others = workspaces.filter((w) => w.id !== currentWorkspaceId);
  return (
    <div className="flex flex-col gap-4">
      <table className="w-full text-left text-sm" data-testid="shares-table">
        <caption className="sr-only">Datasets of this workspace and who they are shared with</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Dataset</th>
            <th scope="col" className="py-1 font-medium">Shared with</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top">
              <td className="py-1.5"><bdi>{d.name}</bdi> <code className="text-xs text-slate-500">{d.id}</code></td>
              <td className="py-1.5">
                {d.shares.length === 0 ? <span className="text-slate-500">not shared</span> : null}
                <ul className="flex flex-col gap-1">
                  {d.shares.map((s) => {
                    const who = s.email ? `${s.email} (${s.workspaceName})` : `everyone in ${s.workspaceName}`;
                    const q = new URLSearchParams({ workspace: s.workspaceId, ...(s.email ? { email: s.email } : {}) });
                    return (
                      <li key={`${s.workspaceId}-${s.userId ?? "all"}`} className="flex items-center gap-2">
                        <bdi>{who}</bdi>
                        <Button variant="ghost" disabled={pending} aria-label={`Stop sharing ${d.name} with ${who}`} onClick={() => run(`/api/datasets/${encodeURIComponent(d.id)}/shares?${q}`, "DELETE", undefined, `no longer shared with ${who}`)}>
                          Stop sharing
                        </Button>
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end"
        onSubmit={async (e) => {
          e.preventDefault();
          const body = { workspace: workspace.trim(), ...(email.trim() ? { email: email.trim() } : {}) };
          if (await run(`/api/datasets/${encodeURIComponent(datasetId)}/shares`, "POST", body, "shared")) setEmail("");
        }}
      >
        <Field label="Dataset" htmlFor="share-dataset">
          <Select id="share-dataset" value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </Select>
        </Field>
        <Field label="With workspace" htmlFor="share-workspace" hint="Its id or name.">
          <input id="share-workspace" required list="share-workspace-options" value={workspace} onChange={(e) => setWorkspace(e.target.value)} className={INPUT} />
        </Field>
        <datalist id="share-workspace-options">
          {others.map((w) => (
            <option key={w.id} value={w.id}>{w.name}</option>
          ))}
        </datalist>
        <Field label="Only this member (optional)" htmlFor="share-email" hint="Empty: every member of that workspace.">
          <input id="share-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} className={INPUT} />
        </Field>
        <Button type="submit" disabled={pending || !datasetId}>Share</Button>
      </form>
      <p className="text-xs text-slate-500">
        A share gives read access and aggregate breakdowns (small cells stay hidden). Respondent-level exports, schema edits, deletion and re-sharing stay with this workspace.
      </p>
      {error ? <ErrorMessage title="Could not change the share" message={error} /> : null}
      {done ? <p role="status" className="text-sm text-emerald-700">{done}</p> : null}
    </div>
  );
}
