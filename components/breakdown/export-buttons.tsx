"use client";

import { useState } from "react";
import { Download } from "lucide-react";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import { Button } from "@/components/ui/button";
import { postAndDownload } from "@/components/ui/download";
import { InlineError } from "@/components/states/states";

const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "xlsx", label: "Excel" },
  { format: "svg", label: "SVG chart" },
  { format: "png", label: "PNG chart" },
  { format: "pptx", label: "PowerPoint" },
] as const;

/** Download the current breakdown as CSV, XLSX or SVG (built server-side by lib/export). */
export function ExportButtons({ datasetId, spec, sig }: { datasetId: string; spec: CrosstabSpecInput; sig?: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: string) => {
    setBusy(format);
    setError(null);
    try {
      const q = new URLSearchParams({ format, ...(sig ? { sig } : {}) });
      await postAndDownload(`/api/datasets/${encodeURIComponent(datasetId)}/crosstab/export?${q.toString()}`, spec, `breakdown.${format}`);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Export">
      {FORMATS.map((f) => (
        <Button key={f.format} variant="secondary" onClick={() => download(f.format)} disabled={busy !== null}>
          <Download className="size-4" aria-hidden /> {busy === f.format ? "Preparing…" : f.label}
        </Button>
      ))}
      <InlineError as="span" error={error} />
    </div>
  );
}
