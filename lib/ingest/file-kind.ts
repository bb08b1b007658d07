import type { SourceFormat } from "@/lib/schema/question";
import { IngestError, type IngestOptions } from "./types";

/** The container of an upload: text (CSV/TSV, through the dialects), an Excel workbook or an SPSS system file. */
export type FileKind = "csv" | "xlsx" | "sav";

/** bytes read before deciding (a workbook's `xl/` entries follow `[Content_Types].xml` and `_rels/` closely) */
const HEAD_BYTES = 64 * 1024;

const startsWith = (head: Uint8Array, text: string) => [...text].every((c, i) => head[i] === c.charCodeAt(0));

/**
 * The kind of file from its first bytes: "$FL2"/"$FL3" is an SPSS system file (.sav, .zsav), a
 * zip holding `xl/` parts an xlsx workbook; anything else goes to the text pipeline (which still
 * refuses other binaries: other zips, xls, pdf…).
 *
 * @example
 * detectFileKind(new TextEncoder().encode("$FL2@(#) SPSS DATA FILE")); // "sav"
 */
export function detectFileKind(head: Uint8Array): FileKind {
  if (startsWith(head, "$FL2") || startsWith(head, "$FL3")) return "sav";
  if (startsWith(head, "PK\u0003\u0004") && Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes("xl/", 0, "latin1")) return "xlsx";
  return "csv";
}

async function* replay(head: Uint8Array[], rest: AsyncIterator<Uint8Array>, ended: boolean): AsyncGenerator<Uint8Array> {
  yield* head;
  if (ended) return;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Read the head of `source`, decide its kind (`explicit` wins, e.g. `?format=sav`), and hand
 * back the whole source again for the chosen reader.
 *
 * @example
 * const { kind, source: again } = await routeSource(upload);
 */
export async function routeSource(source: AsyncIterable<Uint8Array>, explicit?: FileKind): Promise<{ kind: FileKind; source: AsyncIterable<Uint8Array> }> {
  const fail = (e: unknown) => new IngestError("read-failed", `reading the file failed: ${e instanceof Error ? e.message : String(e)}`);
  let it: AsyncIterator<Uint8Array>;
  try {
    it = source[Symbol.asyncIterator]();
  } catch (e) {
    throw fail(e);
  }
  const head: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < HEAD_BYTES) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await it.next();
    } catch (e) {
      throw fail(e);
    }
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === "string" ? new TextEncoder().encode(next.value) : next.value;
    head.push(chunk);
    length += chunk.length;
  }
  const bytes = Buffer.concat(head.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
  return { kind: explicit ?? detectFileKind(bytes), source: replay(head, it, ended) };
}

/** `format` values naming a container rather than a dialect (`?format=sav`, `cli import --format xlsx`) */
export const FILE_FORMATS = ["csv", "xlsx", "sav", "zsav"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/**
 * Split a user's `format` (a container or a dialect) into the ingest options: `xlsx`, `sav`,
 * `zsav` (and the dialect name `spss`) choose the reader, `csv` the text pipeline, anything else
 * is a dialect forced on the text or workbook rows.
 *
 * @example
 * formatOptions("zsav"); // { fileType: "sav" }
 * formatOptions("qualtrics"); // { format: "qualtrics" }
 */
export function formatOptions(format: SourceFormat | FileFormat | undefined): Pick<IngestOptions, "format" | "fileType"> {
  if (format === undefined) return {};
  if (format === "sav" || format === "zsav" || format === "spss") return { fileType: "sav" };
  if (format === "xlsx" || format === "csv") return { fileType: format };
  return { format };
}
