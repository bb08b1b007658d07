import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

/** The header of a dataset's sub-pages: back link to the dataset, synthetic badge, title, blurb. */
export function DatasetPageHeader({ dataset, title, children }: { dataset: { id: string; name: string; synthetic: boolean }; title: string; children?: ReactNode }) {
  return (
    <header className="flex flex-col gap-1">
      <p className="text-sm text-slate-500">
        <Link href={`/datasets/${dataset.id}`} className="hover:underline">
          <bdi>{dataset.name}</bdi>
        </Link>{" "}
        {dataset.synthetic ? <Badge tone="warning">synthetic, calibrated to published figures</Badge> : null}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children}
    </header>
  );
}
