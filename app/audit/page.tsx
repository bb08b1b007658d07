import type { Metadata } from "next";
import { AuditTable } from "@/components/audit/audit-table";
import { Badge } from "@/components/ui/badge";
import { requirePageViewer } from "@/lib/server/authorize";
import { loadAudit } from "@/lib/server/audit-view";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ action?: string; actor?: string }> }) {
  const viewer = await requirePageViewer("audit:read", "/audit");
  const { action, actor } = await searchParams;
  const { records, broken, total } = pageProps(await loadAudit(viewer, { action: action || undefined, actor: actor || undefined }));
  const csv = `/api/audit?${new URLSearchParams({ format: "csv", ...(action ? { action } : {}), ...(actor ? { actor } : {}) }).toString()}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
        <p className="text-sm text-slate-600">
          Append-only record of sign-ins, uploads, views, breakdowns, exports and permission changes, including refused requests. Each entry&apos;s hash covers the
          previous one, so any edit or deletion is detectable.{" "}
          {broken ? (
            <Badge tone="danger">chain broken at #{broken.seq}: {broken.reason}</Badge>
          ) : (
            <Badge tone="success" data-testid="chain-ok">
              chain verified ({total} entries)
            </Badge>
          )}
        </p>
      </header>
      <form className="flex flex-wrap items-end gap-3" method="get">
        <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Action
          <input name="action" defaultValue={action ?? ""} placeholder="e.g. export:aggregate" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm normal-case tracking-normal" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Who (email)
          <input name="actor" defaultValue={actor ?? ""} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm normal-case tracking-normal" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
          Filter
        </button>
        <a href={csv} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
          Download CSV
        </a>
      </form>
      <AuditTable records={records} />
    </div>
  );
}
