"use client";

import { useState } from "react";
import { Download } from "lucide-react";
import type { BannerSpecInput } from "@/lib/schema/banner";
import { Button } from "@/components/ui/button";

const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel" },
] as const;

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Download the banner table as CSV or XLSX (built server-side by lib/export/banner-table). */
export function BannerExportButtons({ datasetId, spec }: { datasetId: string; spec: BannerSpecInput }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: string) => {
    setBusy(format);
    setError(null);
    try {
      const res = await fetch(`/api/datasets/${encodeURIComponent(datasetId)}/banner/export?format=${format}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(spec),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        throw new Error(body.error?.message ?? `export failed (${res.status})`);
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameOf(res, `banner.${format}`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export banner table">
      {FORMATS.map((f) => (
        <Button key={f.format} variant="secondary" onClick={() => download(f.format)} disabled={busy !== null} data-testid={`banner-export-${f.format}`}>
          <Download className="size-4" aria-hidden /> {busy === f.format ? "Preparing…" : f.label}
        </Button>
      ))}
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}
