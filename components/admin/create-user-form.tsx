"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { ErrorMessage } from "@/components/states/states";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { OneTimeLink } from "./one-time-link";
import { useAdminAction } from "./use-admin-action";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Create an account in a workspace the admin administers; the new user sets their password through a one-time link. */
export function CreateUserForm({ workspaces, defaultWorkspaceId }: { workspaces: { id: string; name: string }[]; defaultWorkspaceId: string }) {
  const { run, pending, error } = useAdminAction();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [workspaceId, setWorkspaceId] = useState(defaultWorkspaceId);
  const [invite, setInvite] = useState<{ email: string; url: string; expiresAt: string } | null>(null);
  return (
    <Card data-testid="create-user">
      <CardHeader>
        <CardTitle>New user</CardTitle>
        <CardDescription>Creates the account and gives you a one-time link where they choose their own password. You never see or send a password.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form
          className="grid gap-3 md:grid-cols-2 lg:grid-cols-[1.4fr_1fr_9rem_1fr_auto] lg:items-end"
          onSubmit={async (e) => {
            e.preventDefault();
            setInvite(null);
            const answer = (await run("/api/admin/users", "POST", { email, name: name || undefined, role, workspaceId }, `${email} created`)) as { invite?: { url: string; expiresAt: string } } | null;
            if (answer?.invite) {
              setInvite({ email, ...answer.invite });
              setEmail("");
              setName("");
            }
          }}
        >
          <Field label="Email" htmlFor="new-user-email">
            <input id="new-user-email" type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} className={INPUT} />
          </Field>
          <Field label="Name (optional)" htmlFor="new-user-name">
            <input id="new-user-name" maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
          </Field>
          <Field label="Role" htmlFor="new-user-role">
            <Select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r === "viewer" ? "viewer (executive)" : r}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Workspace" htmlFor="new-user-workspace">
            <Select id="new-user-workspace" value={workspaceId} onChange={(e) => setWorkspaceId(e.target.value)}>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>
            Create and get link
          </Button>
        </form>
        {error ? <ErrorMessage title="Could not create the user" message={error} /> : null}
        {invite ? <OneTimeLink url={invite.url} expiresAt={invite.expiresAt} label={`Invitation link for ${invite.email}`} /> : null}
      </CardContent>
    </Card>
  );
}
