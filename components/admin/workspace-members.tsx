"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { ErrorMessage } from "@/components/states/states";
import type { AdminOverview } from "@/lib/auth/admin-overview";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { formatCountOf } from "@/lib/format/number";
import { DeleteWorkspace } from "./delete-workspace";
import { MemberItem } from "./member-actions";
import { useAdminAction } from "./use-admin-action";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** One workspace the viewer administers: its members (role, state, actions), adding an existing account, deleting the workspace. */
export function WorkspaceMembers({ workspace, current, selfEmail }: { workspace: AdminOverview["workspaces"][number]; current: boolean; selfEmail: string }) {
  const { run, pending, error, done } = useAdminAction();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const base = `/api/admin/workspaces/${encodeURIComponent(workspace.id)}/members`;
  const slug = workspace.id.replace(/[^A-Za-z0-9_-]/g, "");
  return (
    <Card data-testid={`workspace-${slug}`}>
      <CardHeader>
        <CardTitle>
          <bdi>{workspace.name}</bdi> {current ? <Badge tone="accent">current</Badge> : null}
        </CardTitle>
        <CardDescription>
          {formatCountOf(workspace.members.length, "member")} · {formatCountOf(workspace.datasetCount, "dataset")} · id <code className="text-xs">{workspace.id}</code>
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <ul aria-label={`Members of ${workspace.name}`} className="flex flex-col">
          {workspace.members.map((m) => (
            <MemberItem key={m.id} member={m} workspace={workspace} self={m.email === selfEmail} />
          ))}
        </ul>
        <form
          className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(base, "POST", { email, role }, `${email}: added as ${role}, or invited if they belong to another workspace (they accept under Invitations)`)) setEmail("");
          }}
        >
          <Field label="Add an existing account" htmlFor={`member-email-${slug}`} hint="Someone with an account elsewhere is invited and accepts under Invitations (a platform admin adds them at once). For someone new, use New user above.">
            <input id={`member-email-${slug}`} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className={INPUT} />
          </Field>
          <Field label="Role" htmlFor={`member-role-${slug}`}>
            <Select id={`member-role-${slug}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>{r === "viewer" ? "viewer (executive)" : r}</option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>Add or invite</Button>
        </form>
        {error ? <ErrorMessage title="Could not change members" message={error} /> : null}
        {done ? <p role="status" className="text-sm text-emerald-700">{done}</p> : null}
        <DeleteWorkspace workspace={{ id: workspace.id, name: workspace.name, datasetCount: workspace.datasetCount, memberCount: workspace.members.length, isDefault: workspace.isDefault, current }} />
      </CardContent>
    </Card>
  );
}

/** Create a workspace (the creator becomes its admin). */
export function CreateWorkspaceForm() {
  const { run, pending, error, done } = useAdminAction();
  const [name, setName] = useState("");
  return (
    <form
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run("/api/admin/workspaces", "POST", { name }, `workspace ${name} created`)) setName("");
      }}
    >
      <div className="flex-1">
        <Field label="New workspace name" htmlFor="new-workspace-name">
          <input id="new-workspace-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>Create workspace</Button>
      {error ? <ErrorMessage title="Could not create the workspace" message={error} /> : null}
      {done ? <p role="status" className="text-sm text-emerald-700">{done}</p> : null}
    </form>
  );
}
