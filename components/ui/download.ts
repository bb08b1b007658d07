/**
 * POST a JSON body and save the answer as a file (the server names it in Content-Disposition).
 * Throws the API's error message (`{error:{message}}`) when the answer is not ok; returns the
 * response so callers can read headers such as `x-rows-truncated`.
 *
 * @example await postAndDownload(`/api/datasets/${id}/crosstab/export?format=xlsx`, spec, "breakdown.xlsx")
 */
export async function postAndDownload(url: string, body: unknown, fallbackName: string): Promise<Response> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) {
    const err = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(err.error?.message ?? `export failed (${res.status})`);
  }
  saveBlob(await res.blob(), fileNameOf(res, fallbackName));
  return res;
}

/** The file name the server chose (RFC 6266 `filename*` first), else `fallback`. */
export function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get("content-disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(href);
}
