/** Readable labels for the detail keys the app records most. */
const LABELS: Record<string, string> = {
  method: "method",
  path: "path",
  version: "version",
  page: "page",
  email: "email",
  role: "role",
  previous: "previous role",
  workspaceId: "workspace",
  actorWorkspaceId: "from workspace",
  status: "HTTP status",
  attemptedEmail: "attempted email",
  passwordReset: "password reset",
  inviteLink: "invitation link",
  code: "reason",
  query: "query",
  name: "name",
  datasets: "datasets",
  members: "members",
};

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/**
 * An audit record's detail as a short list of "label: value" pairs, with the full JSON one click
 * away. Values are text (never interpreted as markup) and isolated with <bdi>.
 */
export function AuditDetail({ detail }: { detail: string }) {
  let parsed: Record<string, unknown> | null = null;
  try {
    const v = JSON.parse(detail) as unknown;
    if (v && typeof v === "object" && !Array.isArray(v)) parsed = v as Record<string, unknown>;
  } catch {
    parsed = null;
  }
  if (!parsed) return <bdi className="font-mono text-xs">{detail}</bdi>;
  const entries = Object.entries(parsed).filter(([k]) => k !== "spec" && k !== "specSha256");
  if (!entries.length && !("spec" in parsed)) return <span className="text-slate-400">—</span>;
  return (
    <div className="flex flex-col gap-1">
      <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
        {entries.slice(0, 6).map(([k, v]) => (
          <div key={k} className="flex max-w-[18rem] gap-1">
            <dt className="shrink-0 text-slate-500">{LABELS[k] ?? k}:</dt>
            <dd className="truncate text-slate-800" title={show(v)}>
              <bdi>{show(v)}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      {"spec" in parsed || entries.length > 6 ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-600">full detail</summary>
          <pre className="mt-1 max-w-xl overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-[11px] text-slate-700">
            <bdi>{JSON.stringify(parsed, null, 2)}</bdi>
          </pre>
        </details>
      ) : null}
    </div>
  );
}
