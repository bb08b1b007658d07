"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, ErrorMessage } from "@/components/states/states";
import { useAdminAction } from "@/components/admin/use-admin-action";

/** The signed-in user's pending invitations, each with Accept and Decline. */
export function InvitationInbox({ invitations }: { invitations: { id: string; workspaceName: string; role: string }[] }) {
  const { run, pending, error, done } = useAdminAction();
  return (
    <div className="flex flex-col gap-4">
      {invitations.length === 0 ? <EmptyState title="No invitations">When an admin invites you to another workspace, it appears here for you to accept.</EmptyState> : null}
      {invitations.map((inv) => (
        <Card key={inv.id} data-testid="invitation">
          <CardHeader>
            <CardTitle>
              <bdi>{inv.workspaceName}</bdi>
            </CardTitle>
            <CardDescription>You are invited as {inv.role}. Accepting adds the workspace to your workspace switcher.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            <Button disabled={pending} onClick={() => run(`/api/me/invitations/${encodeURIComponent(inv.id)}/accept`, "POST", undefined, `You joined ${inv.workspaceName}. Choose it in the workspace switcher.`)}>
              Accept
            </Button>
            <Button variant="secondary" disabled={pending} onClick={() => run(`/api/me/invitations/${encodeURIComponent(inv.id)}`, "DELETE", undefined, `Invitation to ${inv.workspaceName} declined.`)}>
              Decline
            </Button>
          </CardContent>
        </Card>
      ))}
      {error ? <ErrorMessage title="Could not answer the invitation" message={error} /> : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-700">
          {done}
        </p>
      ) : null}
    </div>
  );
}
