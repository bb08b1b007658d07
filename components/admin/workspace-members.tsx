"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { ErrorMessage } from "@/components/states/states";
import type { AdminOverview } from "@/lib/auth/admin-overview";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { useAdminAction } from "./use-admin-action";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** One workspace the viewer administers: its members (role, remove) and an add-member form. */
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
          Workspace id <code className="text-xs">{workspace.id}</code> · {workspace.members.length} member{workspace.members.length === 1 ? "" : "s"}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Members of {workspace.name}</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">Email</th>
              <th scope="col" className="py-1 font-medium">Role</th>
              <th scope="col" className="py-1 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {workspace.members.map((m) => (
              <tr key={m.id} className="border-t border-slate-100">
                <td className="py-1.5"><bdi>{m.email}</bdi></td>
                <td className="py-1.5">{m.role}</td>
                <td className="py-1.5 text-right">
                  {m.email === selfEmail ? null : (
                    <Button variant="ghost" disabled={pending} onClick={() => run(`${base}?email=${encodeURIComponent(m.email)}`, "DELETE", undefined, `${m.email} removed`)} aria-label={`Remove ${m.email} from ${workspace.name}`}>
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form
          className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(base, "POST", { email, role }, `${email}: ${role} — added, or invited if they belong to another workspace (they accept under their invitations)`)) setEmail("");
          }}
        >
          <Field label="Member email" htmlFor={`member-email-${slug}`} hint="An existing account; adding it again changes the role. A user who is not a member yet is invited and must accept, unless you are a platform admin.">
            <input id={`member-email-${slug}`} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className={INPUT} />
          </Field>
          <Field label="Role" htmlFor={`member-role-${slug}`}>
            <Select id={`member-role-${slug}`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>{r}</option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>Add or update</Button>
        </form>
        {error ? <ErrorMessage title="Could not change members" message={error} /> : null}
        {done ? <p role="status" className="text-sm text-emerald-700">{done}</p> : null}
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
