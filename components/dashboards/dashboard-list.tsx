"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import { EmptyState } from "@/components/states/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { errorMessage } from "@/components/views/use-saved-views";
import { parseAnswer } from "@/components/ui/read-answer";
import { dashboardResponseSchema, type Dashboard } from "@/lib/schema/views";
import { formatCountOf } from "@/lib/format/number";
import { formatDateTime } from "@/lib/format/date";

const INPUT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm";

function CreateDashboardForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const descId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/dashboards", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, description, tiles: [] }) });
      if (!res.ok) throw new Error(await errorMessage(res));
      const { dashboard } = parseAnswer(dashboardResponseSchema, await res.json());
      router.push(`/dashboards/${dashboard.id}?edit=1`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <Card>
      <CardContent>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Create a dashboard">
          <div className="flex min-w-56 flex-1 flex-col gap-1">
            <label htmlFor={nameId} className="text-xs font-medium uppercase tracking-wide text-slate-500">
              Dashboard name
            </label>
            <input id={nameId} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
          </div>
          <div className="flex min-w-56 flex-[2] flex-col gap-1">
            <label htmlFor={descId} className="text-xs font-medium uppercase tracking-wide text-slate-500">
              Description (optional)
            </label>
            <input id={descId} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} className={INPUT} />
          </div>
          <Button type="submit" disabled={busy || !name.trim()}>
            <Plus className="size-4" aria-hidden /> {busy ? "Creating…" : "Create dashboard"}
          </Button>
        </form>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The workspace's dashboards as cards, with a create form for editors. */
export function DashboardList({ dashboards, canEdit }: { dashboards: Dashboard[]; canEdit: boolean }) {
  return (
    <div className="flex flex-col gap-6">
      {canEdit ? <CreateDashboardForm /> : null}
      {dashboards.length === 0 ? (
        <EmptyState title="No dashboards yet">
          {canEdit ? "Create one above, then pin views you saved on the analyze page." : "An analyst of your workspace can create one and pin charts to it."}
        </EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Dashboards">
          {dashboards.map((d) => (
            <li key={d.id}>
              <Card className="relative h-full transition hover:border-slate-300">
                <CardHeader className="border-b-0">
                  <CardTitle>
                    <Link href={`/dashboards/${d.id}`} className="after:absolute after:inset-0 hover:underline">
                      {d.name}
                    </Link>
                  </CardTitle>
                  {d.description ? <CardDescription>{d.description}</CardDescription> : null}
                  <p className="text-xs text-slate-500">
                    {formatCountOf(d.tiles.length, "chart")} · updated {formatDateTime(d.updatedAt)}
                  </p>
                </CardHeader>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
