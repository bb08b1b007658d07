import { createHash } from "node:crypto";
import { dataTableName } from "../ids";

/** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1). */
export const PG_MAX_IDENTIFIER = 63;

/**
 * The data table of a dataset version: `d_<id>_v<version>` as in DuckDB, unless that is longer
 * than PostgreSQL keeps (ids may be 64 characters), then a readable prefix plus a hash of the id,
 * so two long ids (or two versions of one) can never be truncated onto the same table.
 */
export function pgDataTableName(id: string, version: number): string {
  const plain = dataTableName(id, version);
  if (plain.length <= PG_MAX_IDENTIFIER) return plain;
  const hash = createHash("sha256").update(id).digest("hex").slice(0, 12);
  const suffix = `_${hash}_v${version}`;
  const prefix = dataTableName(id, version).slice(0, PG_MAX_IDENTIFIER - suffix.length).replace(/_+$/, "");
  return `${prefix}${suffix}`;
}

/** `postgres://user:secret@host/db` → `postgres://user@host/db` (for error messages). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
