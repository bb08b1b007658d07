/**
 * The record key of the cell-key method, as the stores compute it in SQL (`SqlDialect.recordKey`):
 * the first three hex digits (12 bits) of MD5(secret ":" row ordinal), an integer uniform on
 * 0..BIG_N−1. The ordinal is the row's position in the imported file (DuckDB `rowid`, PostgreSQL
 * `rid`, both 0-based), so both backends give every respondent the same key for the same import and
 * every later version of the dataset keeps it. This reference is what the tests compare the SQL with.
 */
import { createHash } from "node:crypto";
import { BIG_N } from "./ptable";

/**
 * @example recordKey("abc", 7) // 2236 (md5("abc:7") = "8bc…")
 */
export function recordKey(secret: string, ordinal: number): number {
  const key = parseInt(createHash("md5").update(`${secret}:${ordinal}`).digest("hex").slice(0, 3), 16);
  return key % BIG_N;
}
