import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { openTempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { duckdbAppDatabase } from "@/lib/store/app-database";
import { createIdentity, resolveAuthSecret } from "./auth";
import { FALLBACK_ADMIN_EMAIL, describeEnsureAdmin, ensureAdmin, isDuckDbLockError } from "./bootstrap";
import { getMembership, findUserByEmail } from "./identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";

const BASE = "http://localhost:3000";
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function fresh() {
  const db = await openTempDuckDb("boot");
  cleanups.push(() => db.close());
  return { dir: db.dir, db, id: createIdentity({ db: duckdbAppDatabase(db.instance), secret: "z".repeat(40), baseURL: BASE }) };
}

async function signInStatus(id: ReturnType<typeof createIdentity>, email: string, password: string) {
  const res = await id.auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, [CLIENT_ADDRESS_HEADER]: "10.2.2.2" },
      body: JSON.stringify({ email, password }),
    }),
  );
  return res.status;
}

describe("ensureAdmin", () => {
  it("without ADMIN_EMAIL: creates the fallback admin once with a printed one-time password", async () => {
    const { id } = await fresh();
    const r = await ensureAdmin(id);
    expect(r.kind).toBe("created");
    if (r.kind !== "created" || !r.generatedPassword) throw new Error("expected a generated password");
    expect(describeEnsureAdmin(r, BASE)).toBe(`sign in at ${BASE}/sign-in as ${FALLBACK_ADMIN_EMAIL} with password ${r.generatedPassword}`);
    expect(await signInStatus(id, FALLBACK_ADMIN_EMAIL, r.generatedPassword)).toBe(200);
    const again = await ensureAdmin(id);
    expect(again).toEqual({ kind: "exists", email: FALLBACK_ADMIN_EMAIL });
    const ws = await id.sql.all(`SELECT name FROM workspaces WHERE id = $1`, [DEFAULT_WORKSPACE_ID]);
    expect(ws[0].name).toBe("Default");
  });

  it("with ADMIN_EMAIL/ADMIN_PASSWORD: creates that admin; an existing user is promoted, password untouched", async () => {
    const { id } = await fresh();
    const r = await ensureAdmin(id, { email: "Boss@Example.org", password: "a long admin password" });
    expect(r).toEqual({ kind: "created", email: "boss@example.org" });
    const user = await findUserByEmail(id.sql, "boss@example.org");
    expect((await getMembership(id.sql, user!.id, DEFAULT_WORKSPACE_ID))?.role).toBe("admin");
    expect(await signInStatus(id, "boss@example.org", "a long admin password")).toBe(200);
    expect(await ensureAdmin(id, { email: "boss@example.org", password: "another password!!" })).toEqual({ kind: "exists", email: "boss@example.org" });
    expect(await signInStatus(id, "boss@example.org", "a long admin password")).toBe(200);
  });

  it("detects DuckDB's file lock error", () => {
    expect(isDuckDbLockError(new Error('IO Error: Could not set lock on file "/x/s.duckdb": Conflicting lock is held in node (PID 1)'))).toBe(true);
    expect(isDuckDbLockError(new Error("Catalog Error"))).toBe(false);
  });

  it("keeps a generated secret across restarts, and prefers BETTER_AUTH_SECRET", async () => {
    const { dir } = await fresh();
    const a = resolveAuthSecret(dir, undefined);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret(dir, undefined)).toBe(a);
    expect((fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toString(8)).toBe("600");
    expect(resolveAuthSecret(dir, "s".repeat(32))).toBe("s".repeat(32));
  });
});
