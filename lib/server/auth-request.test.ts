// Holes 3 and 4 of issue 16, through the /api/auth/* route handler itself: forged proxy headers
// neither name nor place an actor in the audit trail, nor escape the sign-in limits; a guesser
// cannot lock the account's owner out.
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAudit } from "@/lib/audit/audit-log";
import type { Identity } from "@/lib/auth/auth";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { createUserWithPassword } from "@/lib/auth/identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { openTempDuckDb, type TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { testIdentity } from "@/lib/auth/identity.fixtures";

const BASE = "http://localhost:3000";
const PW = "correct horse battery";
let db: TempDuckDb;
let id: Identity;

vi.mock("@/lib/auth/server", () => ({ getIdentity: async () => id, getAuth: async () => id.auth, appOrigin: () => BASE }));
vi.mock("@/lib/schema/env", () => ({ getEnv: () => ({ DATA_DIR: os.tmpdir(), TRUSTED_PROXIES: undefined, AUTH_LOGIN_FREE_FAILURES: 3, AUTH_LOGIN_ACCOUNT_FREE_FAILURES: 6 }) }));

const { POST } = await import("@/app/api/auth/[...all]/route");

beforeAll(async () => {
  db = await openTempDuckDb("authreq");
  // at most 4 sign-in attempts per client address per minute (better-auth's limiter)
  id = testIdentity(db, 4);
  for (const u of ["ceo", "owner", "victim"]) await createUserWithPassword(id, { email: `${u}@example.org`, password: PW, role: "admin", workspaceId: DEFAULT_WORKSPACE_ID });
});
afterAll(() => db.close());

function authPost(p: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return POST(new Request(`${BASE}/api/auth/${p}`, { method: "POST", headers: { "content-type": "application/json", origin: BASE, ...headers }, body: JSON.stringify(body) }));
}
const signIn = (email: string, password: string, peer: string, xff?: string) => authPost("sign-in/email", { email, password }, { [PEER_HEADER]: peer, ...(xff ? { "x-forwarded-for": xff } : {}) });
/** the newest record of `action` (listAudit answers newest first) */
const lastRecord = async (action: string) => (await listAudit(id.sql, { workspaceId: DEFAULT_WORKSPACE_ID, action }))[0];

describe("forged audit records (hole 4)", { timeout: 30_000 }, () => {
  it("an anonymous sign-out claiming an email, with a forged X-Forwarded-For, names nobody and records the real peer", async () => {
    const res = await authPost("sign-out", { email: "ceo@example.org" }, { "x-forwarded-for": "203.0.113.77", [PEER_HEADER]: "198.51.100.4" });
    expect(res.status).toBeLessThan(500);
    const rec = await lastRecord("auth:sign-out");
    expect(rec).toBeDefined();
    expect(rec!.actor_email).toBeNull();
    expect(rec!.actor_id).toBeNull();
    expect(rec!.result).toBe("failed");
    expect(rec!.ip).toBe("198.51.100.4");
    expect(JSON.stringify(rec)).not.toContain("ceo@example.org");
    expect(JSON.stringify(rec)).not.toContain("203.0.113.77");
  });

  it("a failed sign-in names no actor (the attempted email is detail); a successful one and its sign-out name the user", async () => {
    expect((await signIn("ceo@example.org", "wrong password!!", "198.51.100.5", "203.0.113.77")).status).toBe(401);
    const failed = await lastRecord("auth:sign-in");
    expect(failed!.actor_email).toBeNull();
    expect(failed!.ip).toBe("198.51.100.5");
    expect(JSON.parse(failed!.detail).attemptedEmail).toBe("ceo@example.org");

    const ok = await signIn("ceo@example.org", PW, "198.51.100.5", "203.0.113.77");
    expect(ok.status).toBe(200);
    const signedIn = await lastRecord("auth:sign-in");
    expect(signedIn!.actor_email).toBe("ceo@example.org");
    expect(signedIn!.result).toBe("ok");
    expect(signedIn!.ip).toBe("198.51.100.5");
    const cookie = ok.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await authPost("sign-out", {}, { cookie, [PEER_HEADER]: "198.51.100.5" })).status).toBe(200);
    const out = await lastRecord("auth:sign-out");
    expect(out!.actor_email).toBe("ceo@example.org");
    expect(out!.result).toBe("ok");
  });
});

describe("sign-in limiter (hole 3)", { timeout: 30_000 }, () => {
  it("rotating X-Forwarded-For does not escape the per-address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(`nobody${i}@example.org`, "wrong password!!", "198.51.100.20", `203.0.113.${i + 1}`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  // the back-off starts at 1 s and doubles; a slow machine can let the first 1-s wait pass during a
  // password check, so these count the failures answered before the first 429
  async function untilBlocked(tries: number, attempt: (i: number) => Promise<Response>) {
    const statuses: number[] = [];
    for (let i = 0; i < tries; i++) {
      const res = await attempt(i);
      statuses.push(res.status);
      if (res.status === 429) return { failuresBefore: statuses.filter((s) => s === 401).length, retryAfter: Number(res.headers.get("retry-after")), statuses };
    }
    return { failuresBefore: statuses.length, retryAfter: 0, statuses };
  }

  it("per account: rotating addresses meets the account's back-off (429 + Retry-After), the password unchecked", async () => {
    const r = await untilBlocked(14, (i) => signIn("victim@example.org", "wrong password!!", `198.51.100.${100 + i}`));
    expect(r.statuses).toContain(429);
    expect(r.failuresBefore).toBeGreaterThanOrEqual(6);
    expect(r.retryAfter).toBeGreaterThan(0);
    // right away, even the right password from yet another address waits
    expect((await signIn("victim@example.org", PW, "198.51.100.150")).status).toBe(429);
  });

  it("per (account, address): one address backs off after its free failures, even with a rotating X-Forwarded-For", async () => {
    const r = await untilBlocked(10, (i) => signIn("ceo@example.org", "wrong password!!", "198.51.100.30", `203.0.113.${50 + i}`));
    expect(r.statuses).toContain(429);
    expect(r.failuresBefore).toBeGreaterThanOrEqual(3);
    expect(r.failuresBefore).toBeLessThan(6); // not the account-wide bucket (6 free failures)
  });

  it("a guesser hammering an account cannot lock its owner out of an address they signed in from", async () => {
    expect((await signIn("owner@example.org", PW, "192.0.2.10")).status).toBe(200);
    for (let i = 0; i < 12; i++) await signIn("owner@example.org", "wrong password!!", `198.51.100.${200 + i}`);
    expect((await signIn("owner@example.org", PW, "198.51.100.250")).status).toBe(429); // a new address waits
    expect((await signIn("owner@example.org", PW, "192.0.2.10")).status).toBe(200); // the owner's does not
  });
});
