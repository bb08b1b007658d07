import { randomBytes } from "node:crypto";

/** A dataset id from a display name: a readable slug plus a random suffix. */
export function newDatasetId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${slug || "dataset"}-${randomBytes(3).toString("hex")}`;
}

/** The data table name of a dataset version (ids are validated by the dataset schema). */
export function dataTableName(id: string, version: number): string {
  return `d_${id.replace(/-/g, "_")}_v${version}`;
}

/** True for the ids the API accepts in a path (no traversal, no SQL, bounded). */
export function isValidDatasetId(id: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(id);
}
