/** Test helper: an identity (better-auth + the app's SQL) over a temporary DuckDB database. */
import { duckdbAppDatabase } from "@/lib/store/app-database";
import type { TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { createIdentity, type Identity } from "./auth";

export const TEST_BASE_URL = "http://localhost:3000";

/** The identity the auth suites sign in against: a fixed secret, `loginMaxAttempts` sign-in attempts per minute. */
export function testIdentity(db: TempDuckDb, loginMaxAttempts: number): Identity {
  return createIdentity({ db: duckdbAppDatabase(db.instance), secret: "x".repeat(40), baseURL: TEST_BASE_URL, loginMaxAttempts, loginWindowSeconds: 60 });
}
