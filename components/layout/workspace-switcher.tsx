"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Select } from "@/components/ui/field";

/**
 * Shown to a signed-in user who belongs to several workspaces: choosing one sets the httpOnly
 * workspace cookie (POST /api/me/workspace) and reloads the current page in that workspace.
 */
export function WorkspaceSwitcher({ workspaces, current }: { workspaces: { id: string; name: string; role: string }[]; current: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (workspaces.length < 2) return null;
  async function choose(workspaceId: string) {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/me/workspace", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ workspaceId }) });
      if (!res.ok) setError("could not switch workspace");
      else router.refresh();
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col gap-1" data-testid="workspace-switcher">
      <label htmlFor={id} className="text-[11px] font-medium uppercase tracking-wide text-slate-500">
        Workspace
      </label>
      <Select id={id} value={current} disabled={pending} onChange={(e) => choose(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
      </Select>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
