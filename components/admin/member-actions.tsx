"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ErrorMessage } from "@/components/states/states";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { OneTimeLink } from "./one-time-link";
import { useAdminAction } from "./use-admin-action";

export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: Role;
  deactivated: boolean;
  invited: boolean;
}

/** One member of a workspace: role, state, and the admin's actions (change role, password link, deactivate, remove). */
export function MemberItem({ member, workspace, self }: { member: MemberView; workspace: { id: string; name: string }; self: boolean }) {
  const { run, pending, error, done } = useAdminAction();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const members = `/api/admin/workspaces/${encodeURIComponent(workspace.id)}/members`;
  const user = `/api/admin/users/${encodeURIComponent(member.id)}`;
  const roleId = `role-${workspace.id}-${member.id}`.replace(/[^A-Za-z0-9_-]/g, "");
  return (
    <li className="flex flex-col gap-2 border-t border-slate-100 py-3 first:border-t-0" data-testid="member">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 flex-col">
          <span className="truncate font-medium text-slate-900">
            <bdi>{member.email}</bdi>
          </span>
          <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <bdi>{member.name}</bdi>
            {self ? <Badge tone="accent">you</Badge> : null}
            {member.deactivated ? <Badge tone="danger">deactivated</Badge> : null}
            {member.invited ? <Badge tone="warning">invited: no password yet</Badge> : null}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={roleId} className="sr-only">
            Role of {member.email}
          </label>
          <Select
            id={roleId}
            className="w-auto"
            value={member.role}
            disabled={pending || self}
            onChange={(e) => run(members, "POST", { email: member.email, role: e.target.value }, `${member.email} is now ${e.target.value}`)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r === "viewer" ? "viewer (executive)" : r}
              </option>
            ))}
          </Select>
          {self ? null : (
            <>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={async () => {
                  const answer = (await run(`${user}/password-link`, "POST", { workspaceId: workspace.id }, `password link for ${member.email} created`)) as { link?: { url: string; expiresAt: string } } | null;
                  if (answer?.link) setLink(answer.link);
                }}
              >
                {member.invited ? "New invitation link" : "Reset password"}
              </Button>
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => run(`${user}/status`, "PUT", { active: member.deactivated, workspaceId: workspace.id }, member.deactivated ? `${member.email} reactivated` : `${member.email} deactivated: signed out everywhere`)}
              >
                {member.deactivated ? "Reactivate" : "Deactivate"}
              </Button>
              <Button variant="ghost" disabled={pending} onClick={() => run(`${members}?email=${encodeURIComponent(member.email)}`, "DELETE", undefined, `${member.email} removed from ${workspace.name}`)} aria-label={`Remove ${member.email} from ${workspace.name}`}>
                Remove
              </Button>
            </>
          )}
        </div>
      </div>
      {link ? <OneTimeLink url={link.url} expiresAt={link.expiresAt} label={`Password link for ${member.email}`} /> : null}
      {error ? <ErrorMessage title={`Could not change ${member.email}`} message={error} /> : null}
      {done && !link ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
    </li>
  );
}
