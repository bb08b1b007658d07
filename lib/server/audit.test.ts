import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/audit-log";
import { createWorkspace, setMembership, type Viewer } from "@/lib/auth/identity";
import { duckdbRunner, type SqlRunner } from "@/lib/store/runner/sql-runner";
import { openTempDuckDb, type TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { recordAudit, targetWorkspaceOf } from "./audit";

let db: TempDuckDb;
let sql: SqlRunner;
const admin: Viewer = { userId: "u_admin", email: "admin@example.org", workspaceId: "default", role: "admin", via: "session" };

beforeAll(async () => {
  db = await openTempDuckDb("audit");
  sql = duckdbRunner(db.instance);
  await createWorkspace(sql, "Mine", "ws_mine");
  await createWorkspace(sql, "Theirs", "ws_theirs");
  await setMembership(sql, admin.userId, "default", "admin");
  await setMembership(sql, admin.userId, "ws_mine", "admin");
});
afterAll(() => db.close());

const trail = async (workspaceId: string) => (await listAudit(sql, { workspaceId, includeInstance: false })).map((r) => `${r.action} ${r.actor_email}`);

describe("audit trail of the workspace a change happened in", () => {
  it("targetWorkspaceOf: the workspace resource or detail.workspaceId, unless it is the actor's own", () => {
    expect(targetWorkspaceOf(admin, { action: "members:set", resourceType: "workspace", resourceId: "ws_mine", result: "ok" })).toBe("ws_mine");
    expect(targetWorkspaceOf(admin, { action: "users:create", resourceType: "user", resourceId: "u2", result: "ok", detail: { workspaceId: "ws_mine" } })).toBe("ws_mine");
    expect(targetWorkspaceOf(admin, { action: "users:create", resourceType: "user", resourceId: "u2", result: "ok", detail: { workspaceId: "default" } })).toBeNull();
    expect(targetWorkspaceOf(admin, { action: "dataset:read", resourceType: "dataset", resourceId: "demo", result: "allowed" })).toBeNull();
  });

  it("a change in another workspace the actor administers is in both trails; elsewhere only in the actor's", async () => {
    await recordAudit(sql, admin, { action: "members:set", resourceType: "workspace", resourceId: "ws_mine", result: "ok", detail: { email: "x@example.org", role: "viewer" } }, "10.0.0.1");
    await recordAudit(sql, admin, { action: "dataset:share", resourceType: "dataset", resourceId: "demo", result: "ok", detail: { workspaceId: "ws_theirs", email: null } }, null);
    await recordAudit(sql, admin, { action: "dataset:read", resourceType: "dataset", resourceId: "demo", result: "allowed" }, null);
    expect(await trail("default")).toEqual(["dataset:read admin@example.org", "dataset:share admin@example.org", "members:set admin@example.org"]);
    expect(await trail("ws_mine")).toEqual(["members:set admin@example.org"]);
    expect(await trail("ws_theirs")).toEqual([]);
    const [twin] = await listAudit(sql, { workspaceId: "ws_mine", includeInstance: false });
    expect(JSON.parse(String(twin.detail))).toMatchObject({ email: "x@example.org", actorWorkspaceId: "default" });
    expect(twin).toMatchObject({ actor_role: "admin", ip: "10.0.0.1", resource_id: "ws_mine" });
  });
});
