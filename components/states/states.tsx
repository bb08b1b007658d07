import type { ReactNode } from "react";
import { AlertTriangle, Inbox, Loader2 } from "lucide-react";

export function LoadingPanel({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 p-6 text-sm text-slate-500">
      <Loader2 className="size-4 animate-spin" aria-hidden /> {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-slate-300 p-8 text-center">
      <Inbox className="size-6 text-slate-400" aria-hidden />
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="text-sm text-slate-500">{children}</div> : null}
    </div>
  );
}

export function ErrorMessage({ title = "Something went wrong", message, children }: { title?: string; message: string; children?: ReactNode }) {
  return (
    <div role="alert" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex flex-col gap-1">
        <p className="font-medium">{title}</p>
        <p className="break-words">{message}</p>
        {children}
      </div>
    </div>
  );
}

/** A short error beside the control that caused it (renders nothing without one). */
export function InlineError({ error, as: Tag = "p" }: { error: string | null | undefined; as?: "p" | "span" }) {
  return error ? (
    <Tag role="alert" className="text-sm text-red-700">
      {error}
    </Tag>
  ) : null;
}
