import type { Metadata } from "next";
import { InvitationInbox } from "@/components/invitations/invitation-inbox";
import { listInvitations } from "@/lib/auth/identity";
import { getIdentity } from "@/lib/auth/server";
import { requireSignedInPage } from "@/lib/server/authorize";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage() {
  const viewer = await requireSignedInPage("/invitations");
  const invitations = viewer.via === "session" ? await listInvitations((await getIdentity()).sql, viewer.userId) : [];
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Invitations</h1>
        <p className="text-sm text-slate-600">Workspaces that invited you. Nothing changes until you accept; declining removes the invitation.</p>
      </header>
      <InvitationInbox invitations={invitations.map(({ id, workspaceName, role }) => ({ id, workspaceName, role }))} />
    </div>
  );
}
