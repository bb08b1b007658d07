"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/states/states";
import { formatCountOf } from "@/lib/format/number";
import { useAdminAction } from "./use-admin-action";

/**
 * Delete a workspace with everything in it, after typing its name. The Default workspace and the
 * admin's current one cannot be deleted (the reason is shown instead).
 */
export function DeleteWorkspace({ workspace }: { workspace: { id: string; name: string; datasetCount: number; memberCount: number; isDefault: boolean; current: boolean } }) {
  const { run, pending, error } = useAdminAction();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const id = useId();
  if (workspace.isDefault) return <p className="text-xs text-slate-500">The Default workspace holds the platform admins and cannot be deleted.</p>;
  if (workspace.current) return <p className="text-xs text-slate-500">To delete this workspace, switch to another one first.</p>;
  if (!open)
    return (
      <div>
        <Button variant="secondary" className="text-red-700" onClick={() => setOpen(true)}>
          Delete workspace…
        </Button>
      </div>
    );
  return (
    <form
      className="flex flex-col gap-3 rounded-md border border-red-200 bg-red-50 p-3"
      data-testid="delete-workspace"
      onSubmit={async (e) => {
        e.preventDefault();
        await run(`/api/admin/workspaces/${encodeURIComponent(workspace.id)}`, "DELETE", { confirm: typed }, `workspace ${workspace.name} deleted`);
      }}
    >
      <p className="text-sm text-red-900">
        This deletes <bdi className="font-semibold">{workspace.name}</bdi> with {formatCountOf(workspace.datasetCount, "dataset")} and their data, its dashboards and saved views, and
        removes {formatCountOf(workspace.memberCount, "membership")}. It cannot be undone; the audit trail keeps a record.
      </p>
      <label htmlFor={id} className="text-sm font-medium text-red-900">
        Type <bdi className="font-mono">{workspace.name}</bdi> to confirm
      </label>
      <input id={id} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} className="rounded-md border border-red-300 bg-white px-2 py-1.5 text-sm" />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending || typed !== workspace.name}>
          Delete workspace and its data
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error ? <ErrorMessage title="Could not delete the workspace" message={error} /> : null}
    </form>
  );
}
