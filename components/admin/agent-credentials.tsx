"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { EmptyState, ErrorMessage } from "@/components/states/states";
import type { AgentsAdminView } from "@/lib/mcp/admin-view";
import type { AgentCredentialInfo } from "@/lib/schema/agents";
import { useAdminAction } from "./use-admin-action";

const INPUT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const STATUS_TONE = { active: "success", expired: "warning", exhausted: "warning", revoked: "danger" } as const;
const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "never");

/** The created credential: the token once, and how to connect a desktop client. */
function CreatedToken({ agent, token, mcpUrl }: { agent: AgentCredentialInfo; token: string; mcpUrl: string }) {
  const config = JSON.stringify({ mcpServers: { surveyscope: { url: mcpUrl, headers: { Authorization: `Bearer ${token}` } } } }, null, 2);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm" role="status">
      <p>
        Agent <strong><bdi>{agent.name}</bdi></strong> created. Copy its token now: it is shown only once.
      </p>
      <code data-testid="agent-token" className="break-all rounded bg-white px-2 py-1 font-mono text-xs">{token}</code>
      <p>MCP endpoint (Streamable HTTP, bearer token): <code className="font-mono text-xs">{mcpUrl}</code></p>
      <pre className="overflow-x-auto rounded bg-white p-2 font-mono text-xs">{config}</pre>
    </div>
  );
}

/** Create form and list of the workspace's agent credentials (scope, status, last use, budget left, revoke). */
export function AgentCredentials({ agents, datasets, tools, mcpUrl }: AgentsAdminView) {
  const revoke = useAdminAction();
  const [name, setName] = useState("");
  const [picked, setPicked] = useState<string[]>(datasets.slice(0, 1).map((d) => d.id));
  const [granted, setGranted] = useState<string[]>([...tools]);
  const [days, setDays] = useState(30);
  const [budget, setBudget] = useState(200);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ agent: AgentCredentialInfo; token: string; mcpUrl: string } | null>(null);
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    setCreated(null);
    try {
      const res = await fetch("/api/admin/agents", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, datasets: picked, tools: granted, expiresInDays: days, budget }) });
      const body = (await res.json().catch(() => null)) as { agent: AgentCredentialInfo; token: string; mcpUrl: string; error?: { message?: string } } | null;
      if (!res.ok || !body) setError(body?.error?.message ?? `request failed (${res.status})`);
      else {
        setCreated(body);
        setName("");
      }
    } catch {
      setError("network error: the server could not be reached");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>New agent credential</CardTitle>
          <CardDescription>
            Least privilege: grant only the datasets and tools the assistant needs. MCP endpoint: <code className="font-mono text-xs">{mcpUrl}</code> (or stdio: <code className="font-mono text-xs">npm run -s cli -- mcp --token …</code>).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form className="flex flex-col gap-4" onSubmit={create}>
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label="Name" htmlFor="agent-name" hint="Who or what will use it.">
                <input id="agent-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
              </Field>
              <Field label="Expires in (days)" htmlFor="agent-days">
                <input id="agent-days" type="number" min={1} max={365} required value={days} onChange={(e) => setDays(Number(e.target.value))} className={INPUT} />
              </Field>
              <Field label="Query budget (calls)" htmlFor="agent-budget">
                <input id="agent-budget" type="number" min={1} max={1000000} required value={budget} onChange={(e) => setBudget(Number(e.target.value))} className={INPUT} />
              </Field>
            </div>
            <fieldset className="flex flex-col gap-1">
              <legend className="text-sm font-medium">Datasets</legend>
              {datasets.length === 0 ? <p className="text-sm text-slate-500">This workspace has no datasets.</p> : null}
              {datasets.map((d) => (
                <label key={d.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={picked.includes(d.id)} onChange={() => setPicked(toggle(picked, d.id))} />
                  <bdi>{d.name}</bdi> <code className="text-xs text-slate-500">{d.id}</code>
                </label>
              ))}
            </fieldset>
            <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
              <legend className="mb-1 text-sm font-medium">Tools</legend>
              {tools.map((t) => (
                <label key={t} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={granted.includes(t)} onChange={() => setGranted(toggle(granted, t))} />
                  <code>{t}</code>
                </label>
              ))}
            </fieldset>
            <div>
              <Button type="submit" disabled={pending}>Create agent credential</Button>
            </div>
            {error ? <ErrorMessage title="Not created" message={error} /> : null}
            {created ? <CreatedToken {...created} /> : null}
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Agents of this workspace</CardTitle>
          <CardDescription>Revocation takes effect at the next call.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          {revoke.error ? <ErrorMessage title="Not revoked" message={revoke.error} /> : null}
          {agents.length === 0 ? (
            <EmptyState title="No agent credentials yet">Create one above to connect an assistant.</EmptyState>
          ) : (
            <table className="w-full text-left text-sm" data-testid="agents-table">
              <caption className="sr-only">Agent credentials with their scope, status, last use and budget</caption>
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  {["Agent", "Sponsor", "Scope", "Status", "Budget left", "Last used", "Expires", ""].map((h) => (
                    <th key={h} scope="col" className="py-1 pr-2 font-medium">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {agents.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100 align-top" data-testid={`agent-${a.id}`}>
                    <td className="py-1.5 pr-2"><bdi>{a.name}</bdi><br /><code className="text-xs text-slate-500">{a.id}</code></td>
                    <td className="py-1.5 pr-2">{a.sponsor.email}</td>
                    <td className="py-1.5 pr-2 text-xs">{a.datasets.join(", ")}<br /><span className="text-slate-500">{a.tools.join(", ")}</span></td>
                    <td className="py-1.5 pr-2"><Badge tone={STATUS_TONE[a.status]}>{a.status}</Badge></td>
                    <td className="py-1.5 pr-2 tabular-nums">{a.budget.left} / {a.budget.total}</td>
                    <td className="py-1.5 pr-2 tabular-nums">{day(a.lastUsedAt)}</td>
                    <td className="py-1.5 pr-2 tabular-nums">{day(a.expiresAt)}</td>
                    <td className="flex flex-col gap-1 py-1.5">
                      <a className="text-sm underline" href={`/audit?actor=${encodeURIComponent(`agent:${a.id}`)}`}>Calls in audit</a>
                      {a.status !== "revoked" ? (
                        <Button variant="ghost" disabled={revoke.pending} aria-label={`Revoke ${a.name}`} onClick={() => revoke.run(`/api/admin/agents?id=${encodeURIComponent(a.id)}`, "DELETE", undefined, `${a.name} revoked`)}>
                          Revoke
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
