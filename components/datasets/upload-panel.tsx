"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { UploadCloud } from "lucide-react";
import { formatCountOf } from "@/lib/format/number";
import { cx } from "@/lib/cx";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/states/states";
import { useUpload } from "./use-upload";

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1)} MB`;
}

/** Drop zone + file picker with a real progress bar (bytes sent, rows parsed) and cancel. */
/** One import issue; when it repeats the headline message only its place is listed (no message printed twice). */
function issueText(i: { message: string; row?: number; column?: number; byteOffset?: number }, headline: string): string {
  const place = [i.row !== undefined ? `row ${i.row}` : null, i.column !== undefined ? `column ${i.column}` : null, i.byteOffset !== undefined ? `byte ${i.byteOffset}` : null].filter(Boolean).join(", ");
  if (i.message === headline) return place ? `At ${place}` : i.message;
  return place ? `${i.message} (${place})` : i.message;
}

export function UploadPanel() {
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { state, start, cancel, reset } = useUpload();

  useEffect(() => {
    if (state.phase === "done") router.push(`/datasets/${state.datasetId}/schema`);
  }, [state, router]);

  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    start(file, file.name.replace(/\.(csv|tsv|txt)$/i, ""));
  };

  const busy = state.phase === "uploading";
  const pct = busy && state.totalBytes > 0 ? Math.min(100, (state.bytesSent / state.totalBytes) * 100) : 0;

  return (
    <section aria-label="Upload a survey export" className="flex flex-col gap-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!busy) pick(e.dataTransfer.files);
        }}
        className={cx(
          "flex flex-col items-center gap-2 rounded-xl border-2 border-dashed p-8 text-center transition",
          dragging ? "border-[var(--color-accent)] bg-[var(--color-accent-soft)]" : "border-slate-300 bg-white",
        )}
      >
        <UploadCloud className="size-8 text-slate-400" aria-hidden />
        <p className="font-medium">Drop a survey export here</p>
        <p className="text-sm text-slate-500">CSV or TSV from Qualtrics, SurveyMonkey, Google Forms, Alchemer, Typeform, ODK/Kobo, or plain microdata.</p>
        <label htmlFor={inputId} className={cx("cursor-pointer text-sm font-medium text-[var(--color-accent)] underline", busy && "pointer-events-none opacity-50")}>
          or choose a file
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          className="sr-only"
          disabled={busy}
          data-testid="upload-input"
          onChange={(e) => {
            pick(e.target.files);
            e.target.value = "";
          }}
        />
      </div>

      {state.phase === "uploading" ? (
        <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="upload-progress">
          <div className="flex items-center justify-between text-sm">
            <span className="font-medium">Importing {state.fileName}</span>
            <Button variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          </div>
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(pct)}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-[var(--color-accent)] transition-[width]" style={{ width: `${pct}%` }} />
          </div>
          <p className="tabular text-xs text-slate-500">
            {mb(state.bytesSent)} of {mb(state.totalBytes)} · {formatCountOf(state.rowsParsed, "row")} parsed
          </p>
        </div>
      ) : null}
      {state.phase === "done" ? <p role="status">Imported {state.name}: {formatCountOf(state.respondents, "respondent")}. Opening…</p> : null}
      {state.phase === "cancelled" ? (
        <p role="status" className="text-sm text-slate-600">
          Upload cancelled; nothing was stored. <button className="underline" onClick={reset}>Dismiss</button>
        </p>
      ) : null}
      {state.phase === "error" ? (
        <ErrorMessage title="The file could not be imported" message={state.message}>
          {/* the first issue is usually the message itself: list only what the message does not already say */}
          {state.issues.filter((i) => i.message !== state.message || i.row !== undefined || i.byteOffset !== undefined).length ? (
            <ul className="list-disc pl-5">
              {state.issues.filter((i) => i.message !== state.message || i.row !== undefined || i.byteOffset !== undefined).slice(0, 10).map((i, k) => (
                <li key={k}>{issueText(i, state.message)}</li>
              ))}
            </ul>
          ) : null}
          <p>Nothing was stored. Fix the file or choose another encoding, then try again.</p>
        </ErrorMessage>
      ) : null}
    </section>
  );
}
