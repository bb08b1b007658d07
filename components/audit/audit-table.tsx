import type { AuditRecord } from "@/lib/audit/chain";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format/date";
import { AuditDetail } from "./audit-detail";

/** The audit trail as a table: readable dates, details as label/value pairs (text only, never markup). */
export function AuditTable({ records }: { records: AuditRecord[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" tabIndex={0} role="region" aria-label="Audit trail (scrolls sideways)">
      <table className="w-full text-sm" data-testid="audit-table">
        <caption className="sr-only">Audit trail</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {["#", "When", "Who", "Action", "Resource", "Result", "Detail"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.seq} className="border-t border-slate-100 align-top">
              <td className="tabular px-3 py-1.5 text-slate-500">{r.seq}</td>
              <td className="tabular whitespace-nowrap px-3 py-1.5">
                <time dateTime={r.occurred_at} title={r.occurred_at}>
                  {formatDateTime(r.occurred_at)}
                </time>
              </td>
              <td className="px-3 py-1.5">
                {r.actor_email ? <bdi>{r.actor_email}</bdi> : <span className="text-slate-500">anonymous</span>}
                {r.actor_role ? <span className="ml-1 text-xs text-slate-500">({r.actor_role})</span> : null}
              </td>
              <td className="px-3 py-1.5 font-mono text-xs">{r.action}</td>
              <td className="px-3 py-1.5 font-mono text-xs">
                <bdi>{r.resource_id ?? ""}</bdi>
              </td>
              <td className="px-3 py-1.5">
                <Badge tone={r.result === "denied" || r.result === "failed" ? "danger" : "neutral"}>{r.result}</Badge>
              </td>
              <td className="min-w-[14rem] max-w-md px-3 py-1.5 text-slate-600">
                <AuditDetail detail={r.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
