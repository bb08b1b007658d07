import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { EmptyState, ErrorMessage } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { formatCountOf } from "@/lib/format/number";
import { requirePageViewer } from "@/lib/server/authorize";
import { auditFilterOf, loadAudit } from "@/lib/server/audit-view";
import { pageProps } from "@/lib/server/respond-released";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

const FIELD = "flex flex-col gap-1 text-xs font-medium uppercase tracking-wide text-slate-500";
const INPUT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm normal-case tracking-normal text-slate-900";

type Search = { action?: string; actor?: string; from?: string; to?: string; before?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePageViewer("audit:read", "/audit");
  const sp = await searchParams;
  const params = new URLSearchParams(Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  let filterError: string | null = null;
  let filter = {};
  try {
    filter = auditFilterOf(params);
  } catch {
    filterError = "The filter is not valid: days are YYYY-MM-DD.";
  }
  const { records, nextBefore, broken, total } = pageProps(await loadAudit(viewer, filter));
  const keep = new URLSearchParams(params);
  keep.delete("before");
  const csv = `/api/audit?${new URLSearchParams([...keep.entries(), ["format", "csv"]]).toString()}`;
  const newest = `/audit${keep.size ? `?${keep.toString()}` : ""}`;
  const older = nextBefore ? `/audit?${new URLSearchParams([...keep.entries(), ["before", String(nextBefore)]]).toString()}` : null;
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
              chain verified ({formatCountOf(total, "entry", "entries")})
            </Badge>
          )}
        </p>
      </header>
      <form className="flex flex-wrap items-end gap-3" method="get">
        <label className={FIELD}>
          Action
          <input name="action" defaultValue={sp.action ?? ""} placeholder="e.g. export:aggregate" className={INPUT} />
        </label>
        <label className={FIELD}>
          Who (email, or agent:ID for an AI agent)
          <input name="actor" defaultValue={sp.actor ?? ""} className={INPUT} />
        </label>
        <label className={FIELD}>
          From
          <input name="from" type="date" defaultValue={sp.from ?? ""} className={INPUT} />
        </label>
        <label className={FIELD}>
          To
          <input name="to" type="date" defaultValue={sp.to ?? ""} className={INPUT} />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
          Filter
        </button>
        <a href={csv} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium">
          Download CSV
        </a>
      </form>
      {filterError ? <ErrorMessage title="Filter ignored" message={filterError} /> : null}
      {records.length ? <AuditTable records={records} /> : <EmptyState title="No audit entries match">Change or clear the filter.</EmptyState>}
      <nav aria-label="Audit pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-slate-600">
          {records.length ? `#${records[0].seq} to #${records[records.length - 1].seq}` : null}
        </span>
        <span className="flex gap-2">
          {sp.before ? (
            <Link href={newest} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium">
              ← Newest
            </Link>
          ) : null}
          {older ? (
            <Link href={older} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium" data-testid="audit-older">
              Older entries →
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  );
}
