"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/states/states";

/** Delete with an explicit confirmation. */
export function DeleteDatasetButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      <Button
        variant="secondary"
        onClick={async () => {
          if (!window.confirm(`Delete "${name}"? Its data will be removed.`)) return;
          const res = await fetch(`/api/datasets/${encodeURIComponent(id)}`, { method: "DELETE" });
          if (res.ok) {
            router.push("/datasets");
            router.refresh();
          } else setError(`delete failed (${res.status})`);
        }}
      >
        Delete
      </Button>
      <InlineError as="span" error={error} />
    </div>
  );
}
