import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempDuckDb, type TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { testIdentity } from "./identity.fixtures";
import type { Identity } from "./auth";
import { createUserWithPassword, createWorkspace, setDatasetWorkspace, setMembership, shareDataset, type Viewer } from "./identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { readCookie, resolveViewer } from "./viewer-core";
import { adminWorkspace, canOnDataset, datasetAccessWith, listDatasetShares, listUserWorkspaces, resolveShareTarget, WORKSPACE_COOKIE } from "./workspaces";

const BASE = "http://localhost:3000";
const PW = "correct horse battery";
let db: TempDuckDb;
let id: Identity;

beforeAll(async () => {
  db = await openTempDuckDb("ws");
  id = testIdentity(db, 50);
});
afterAll(() => db.close());

async function sessionCookie(email: string): Promise<string> {
  const res = await id.auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: JSON.stringify({ email, password: PW }) }),
  );
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("workspaces", () => {
  it("the switcher cookie picks a workspace the user belongs to; a stale one falls back, the header does not", async () => {
    const u = await createUserWithPassword(id, { email: "multi@example.org", password: PW, role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
    const acme = await createWorkspace(id.sql, "Acme");
    const other = await createWorkspace(id.sql, "Other");
    await setMembership(id.sql, u.id, acme.id, "admin");
    expect((await listUserWorkspaces(id.sql, u.id)).map((w) => [w.name, w.role])).toEqual([
      ["Default", "analyst"],
      ["Acme", "admin"],
    ]);
    const cookie = await sessionCookie("multi@example.org");
    expect((await resolveViewer(id, new Headers({ cookie })))?.workspaceId).toBe(DEFAULT_WORKSPACE_ID);
    const switched = await resolveViewer(id, new Headers({ cookie: `${cookie}; ${WORKSPACE_COOKIE}=${acme.id}` }));
    expect(switched).toMatchObject({ workspaceId: acme.id, role: "admin" });
    const stale = await resolveViewer(id, new Headers({ cookie: `${cookie}; ${WORKSPACE_COOKIE}=${other.id}` }));
    expect(stale).toMatchObject({ workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst" });
    expect(await resolveViewer(id, new Headers({ cookie, "x-surveyscope-workspace": other.id }))).toBeNull();
  });

  it("readCookie finds one cookie and refuses odd values", () => {
    expect(readCookie("a=1; surveyscope_ws=ws_12; b=2", WORKSPACE_COOKIE)).toBe("ws_12");
    expect(readCookie("surveyscope_ws=a%27b", WORKSPACE_COOKIE)).toBeNull();
    expect(readCookie(null, WORKSPACE_COOKIE)).toBeNull();
  });

  it("adminWorkspace: own by default, another only for a session admin there; else not_found", async () => {
    const ws = await createWorkspace(id.sql, "Admin target");
    const v: Viewer = { userId: "u-admin", email: "a@x.io", workspaceId: DEFAULT_WORKSPACE_ID, role: "admin", via: "session" };
    expect(await adminWorkspace(id.sql, v)).toBe(DEFAULT_WORKSPACE_ID);
    await expect(adminWorkspace(id.sql, v, ws.id)).rejects.toMatchObject({ code: "not_found" });
    await setMembership(id.sql, "u-admin", ws.id, "analyst");
    await expect(adminWorkspace(id.sql, v, ws.id)).rejects.toMatchObject({ code: "not_found" });
    await setMembership(id.sql, "u-admin", ws.id, "admin");
    expect(await adminWorkspace(id.sql, v, ws.id)).toBe(ws.id);
    await expect(adminWorkspace(id.sql, { ...v, via: "token" }, ws.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("dataset access is owner, shared or none; shares list with workspace names and emails", async () => {
    await db.connection.run(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ('w-a', 1, 'tw1', 'A', '{}')`);
    await setDatasetWorkspace(id.sql, "w-a", DEFAULT_WORKSPACE_ID);
    const partner = await createWorkspace(id.sql, "Partner");
    const p = await createUserWithPassword(id, { email: "p@example.org", password: PW, role: "analyst", workspaceId: partner.id });
    const home = { userId: "u-home", workspaceId: DEFAULT_WORKSPACE_ID };
    const guest = { userId: p.id, workspaceId: partner.id };
    expect(await datasetAccessWith(id.sql, home, "w-a")).toBe("owner");
    expect(await datasetAccessWith(id.sql, guest, "w-a")).toBeNull();
    expect(await datasetAccessWith(id.sql, home, "absent")).toBeNull();

    await expect(resolveShareTarget(id.sql, DEFAULT_WORKSPACE_ID, { workspace: "Nowhere" })).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveShareTarget(id.sql, DEFAULT_WORKSPACE_ID, { workspace: DEFAULT_WORKSPACE_ID })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(resolveShareTarget(id.sql, DEFAULT_WORKSPACE_ID, { workspace: "Partner", email: "multi@example.org" })).rejects.toMatchObject({ code: "not_found" });
    const target = await resolveShareTarget(id.sql, DEFAULT_WORKSPACE_ID, { workspace: "Partner", email: "p@example.org" });
    expect(target).toEqual({ workspaceId: partner.id, userId: p.id, email: "p@example.org" });

    await shareDataset(id.sql, { datasetId: "w-a", workspaceId: target.workspaceId, userId: target.userId });
    expect(await datasetAccessWith(id.sql, guest, "w-a")).toBe("shared");
    expect(await datasetAccessWith(id.sql, { userId: "someone-else", workspaceId: partner.id }, "w-a")).toBeNull();
    expect(await listDatasetShares(id.sql, DEFAULT_WORKSPACE_ID)).toEqual([{ datasetId: "w-a", workspaceId: partner.id, workspaceName: "Partner", userId: p.id, email: "p@example.org" }]);
    // the partner owns nothing, so it lists no shares of its own; moving ownership moves the list
    expect(await listDatasetShares(id.sql, partner.id)).toEqual([]);
    await setDatasetWorkspace(id.sql, "w-a", partner.id);
    expect(await datasetAccessWith(id.sql, guest, "w-a")).toBe("owner");
    expect(await datasetAccessWith(id.sql, home, "w-a")).toBeNull();
  });
});

describe("canOnDataset (one rule for routes and pages)", () => {
  it("a share grants read and aggregate analysis only; the role still decides", () => {
    expect(canOnDataset("researcher", "owner", "export:respondents")).toBe(true);
    expect(canOnDataset("researcher", "shared", "export:respondents")).toBe(false);
    expect(canOnDataset("admin", "shared", "export:respondents")).toBe(false);
    expect(canOnDataset("admin", "shared", "schema:edit")).toBe(false);
    expect(canOnDataset("analyst", "shared", "crosstab:run")).toBe(true);
    expect(canOnDataset("analyst", "shared", "export:aggregate")).toBe(true);
    expect(canOnDataset("viewer", "shared", "crosstab:run")).toBe(false);
    expect(canOnDataset("admin", null, "dataset:read")).toBe(false);
  });
});
