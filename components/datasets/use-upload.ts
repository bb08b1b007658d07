"use client";

import { useCallback, useRef, useState } from "react";
import { splitEvents, type UploadEvent } from "@/lib/analysis/upload-events";

export type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; fileName: string; bytesSent: number; totalBytes: number; rowsParsed: number }
  | { phase: "done"; datasetId: string; name: string; respondents: number }
  | { phase: "error"; message: string; issues: { message: string; row?: number; column?: number; byteOffset?: number }[] }
  | { phase: "cancelled" };

/**
 * Upload a file as a raw body with XHR (for upload progress), reading the server's streamed
 * NDJSON parse progress as it arrives; `cancel` aborts both (the server rolls the import back).
 */
export function useUpload() {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const xhrRef = useRef<XMLHttpRequest | null>(null);

  const start = useCallback((file: File, name: string) => {
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    let consumed = 0;
    let tail = "";
    let finished = false;
    const params = new URLSearchParams({ name, fileName: file.name });
    setState({ phase: "uploading", fileName: file.name, bytesSent: 0, totalBytes: file.size, rowsParsed: 0 });
    const apply = (e: UploadEvent) => {
      if (e.type === "progress") {
        setState((s) => (s.phase === "uploading" ? { ...s, rowsParsed: e.rowsParsed, bytesSent: Math.max(s.bytesSent, e.bytesRead) } : s));
      } else if (e.type === "done") {
        finished = true;
        setState({ phase: "done", datasetId: e.dataset.id, name: e.dataset.name, respondents: e.dataset.respondents });
      } else {
        finished = true;
        const details = e.error.details as { issues?: { message: string; row?: number; column?: number; byteOffset?: number }[] } | undefined;
        setState({ phase: "error", message: e.error.message, issues: details?.issues ?? [] });
      }
    };
    const pump = () => {
      const text = xhr.responseText.slice(consumed);
      consumed = xhr.responseText.length;
      const [events, rest] = splitEvents(tail + text);
      tail = rest;
      events.forEach(apply);
    };
    xhr.upload.onprogress = (e) => setState((s) => (s.phase === "uploading" ? { ...s, bytesSent: e.loaded } : s));
    xhr.onprogress = pump;
    xhr.onload = () => {
      pump();
      if (!finished) {
        let message = `upload failed (${xhr.status})`;
        try {
          message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
        } catch {
          /* not JSON */
        }
        setState({ phase: "error", message, issues: [] });
      }
    };
    xhr.onerror = () => setState({ phase: "error", message: "the connection was lost during the upload", issues: [] });
    xhr.onabort = () => setState({ phase: "cancelled" });
    xhr.open("POST", `/api/datasets?${params.toString()}`);
    xhr.setRequestHeader("accept", "application/x-ndjson");
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.send(file);
  }, []);

  const cancel = useCallback(() => xhrRef.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, start, cancel, reset };
}
