import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbStore, getWorkspace, listMembers, ownedDatasetIds, createView, type SurveyStore } from "@/lib/store";
import { dataTableName } from "@/lib/store/ids";
import { importDataset, NO_ROWS_MESSAGE } from "@/lib/services/import-dataset";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { createIdentity, type Identity } from "./auth";
import { ACCOUNT_LINK_TTL_MS, INVALID_LINK_MESSAGE, accountLinkIsUsable, issueAccountLink, redeemAccountLinkWith } from "./account-links";
import { DEACTIVATED_MESSAGE, membersWithStatus, setAccountActive } from "./account-status";
import { createApiToken, createUserWithPassword, createWorkspace, resolveApiToken, setMembership, type Viewer } from "./identity";
import { resolveViewer } from "./viewer-core";
import { deleteWorkspaceFor } from "./workspace-deletion";

const BASE = "http://localhost:3000";
const PW = "correct horse battery";
let dir: string;
let store: SurveyStore;
let id: Identity;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-accounts-"));
  store = await DuckDbStore.open(path.join(dir, "test.duckdb"));
  id = createIdentity({ db: store.app, secret: "x".repeat(40), baseURL: BASE, loginMaxAttempts: 100, loginWindowSeconds: 60 });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function signIn(email: string, password = PW) {
  return id.auth.handler(new Request(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: JSON.stringify({ email, password }) }));
}
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

const csv = (text: string) => Readable.from([Buffer.from(text)]) as unknown as AsyncIterable<Uint8Array>;

describe("one-time account links", { timeout: 60_000 }, () => {
  it("lets an invited user (no password yet) set one exactly once, then sign in", async () => {
    const user = await createUserWithPassword(id, { email: "invitee@x.test", role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID });
    expect((await signIn("invitee@x.test")).ok).toBe(false); // no credential until the link is used
    const { token } = await issueAccountLink(id.sql, { userId: user.id, purpose: "invite", workspaceId: DEFAULT_WORKSPACE_ID, createdBy: null });
    expect((await membersWithStatus(id.sql, DEFAULT_WORKSPACE_ID)).find((m) => m.id === user.id)?.invited).toBe(true);
    // a too-short password does not burn the link
    await expect(redeemAccountLinkWith(id, token, "short")).rejects.toThrow(/at least 12/);
    expect(await accountLinkIsUsable(id.sql, token)).toBe(true);
    const link = await redeemAccountLinkWith(id, token, PW);
    expect(link).toMatchObject({ userId: user.id, purpose: "invite", workspaceId: DEFAULT_WORKSPACE_ID });
    expect((await signIn("invitee@x.test")).ok).toBe(true);
    await expect(redeemAccountLinkWith(id, token, "another-password-123")).rejects.toThrow(INVALID_LINK_MESSAGE);
    expect((await membersWithStatus(id.sql, DEFAULT_WORKSPACE_ID)).find((m) => m.id === user.id)?.invited).toBe(false);
  });

  it("stores only the hash, expires, and answers unknown, used and expired links alike", async () => {
    const user = await createUserWithPassword(id, { email: "reset@x.test", password: PW, role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
    const t0 = new Date("2026-01-01T00:00:00Z");
    const { token, expiresAt } = await issueAccountLink(id.sql, { userId: user.id, purpose: "reset", workspaceId: DEFAULT_WORKSPACE_ID, createdBy: null }, t0);
    expect(Date.parse(expiresAt) - t0.getTime()).toBe(ACCOUNT_LINK_TTL_MS.reset);
    const stored = await id.sql.all(`SELECT token_hash FROM account_links WHERE user_id = $1`, [user.id]);
    expect(stored.map((r) => String(r.token_hash))).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token.slice(4, 20));
    const late = new Date(t0.getTime() + ACCOUNT_LINK_TTL_MS.reset + 1);
    expect(await accountLinkIsUsable(id.sql, token, late)).toBe(false);
    for (const bad of [token, "sal_unknown", "not-a-link", ""]) {
      await expect(redeemAccountLinkWith(id, bad, "a-new-password-123", late)).rejects.toThrow(INVALID_LINK_MESSAGE);
    }
  });

  it("a newer link replaces the older one, and a reset revokes the user's sessions", async () => {
    const user = await createUserWithPassword(id, { email: "twice@x.test", password: PW, role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
    const cookie = cookieOf(await signIn("twice@x.test"));
    expect(await resolveViewer(id, new Headers({ cookie }))).not.toBeNull();
    const first = await issueAccountLink(id.sql, { userId: user.id, purpose: "reset", workspaceId: null, createdBy: null });
    const second = await issueAccountLink(id.sql, { userId: user.id, purpose: "reset", workspaceId: null, createdBy: null });
    expect(await accountLinkIsUsable(id.sql, first.token)).toBe(false);
    await redeemAccountLinkWith(id, second.token, "the-new-password-1");
    expect(await resolveViewer(id, new Headers({ cookie }))).toBeNull();
    expect((await signIn("twice@x.test", "the-new-password-1")).ok).toBe(true);
  });

  it("two racing redeems of one link: exactly one succeeds", async () => {
    const user = await createUserWithPassword(id, { email: "race@x.test", role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID });
    const { token } = await issueAccountLink(id.sql, { userId: user.id, purpose: "invite", workspaceId: null, createdBy: null });
    const results = await Promise.allSettled([redeemAccountLinkWith(id, token, "first-password-123"), redeemAccountLinkWith(id, token, "second-password-12")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("deactivation", { timeout: 60_000 }, () => {
  it("revokes sessions, refuses sign-in (after the password only) and API tokens, keeps memberships; reactivation restores sign-in", async () => {
    const user = await createUserWithPassword(id, { email: "leaver@x.test", password: PW, role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
    const cookie = cookieOf(await signIn("leaver@x.test"));
    const { token } = await createApiToken(id.sql, { userId: user.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst" });
    expect(await resolveApiToken(id.sql, token)).not.toBeNull();
    await setAccountActive(id, user.id, false, "admin-id");
    expect(await resolveViewer(id, new Headers({ cookie }))).toBeNull();
    expect(await resolveApiToken(id.sql, token)).toBeNull();
    const refused = await signIn("leaver@x.test");
    expect(refused.ok).toBe(false);
    expect(await refused.text()).toContain(DEACTIVATED_MESSAGE);
    // a wrong password says nothing about the account's state
    expect(await (await signIn("leaver@x.test", "wrong-password-123")).text()).not.toContain("deactivated");
    expect((await listMembers(id.sql, DEFAULT_WORKSPACE_ID)).some((m) => m.id === user.id)).toBe(true);
    expect((await membersWithStatus(id.sql, DEFAULT_WORKSPACE_ID)).find((m) => m.id === user.id)?.deactivated).toBe(true);
    await setAccountActive(id, user.id, true, "admin-id");
    expect((await signIn("leaver@x.test")).ok).toBe(true);
  });

  it("nobody deactivates themself", async () => {
    await expect(setAccountActive(id, "self", false, "self")).rejects.toThrow(/your own account/);
  });
});

describe("deleting a workspace", { timeout: 60_000 }, () => {
  it("removes its datasets (data tables too), views, dashboards and memberships in one go, and nothing of other workspaces", async () => {
    const admin = await createUserWithPassword(id, { email: "wsadmin@x.test", password: PW, role: "admin", workspaceId: DEFAULT_WORKSPACE_ID });
    const ws = await createWorkspace(id.sql, "Doomed");
    await setMembership(id.sql, admin.id, ws.id, "admin");
    const member = await createUserWithPassword(id, { email: "doomed-member@x.test", password: PW, role: "analyst", workspaceId: ws.id });
    const kept = await importDataset(store, { meta: { name: "kept", owner: "t", fileName: "k.csv", workspaceId: DEFAULT_WORKSPACE_ID }, source: csv("a,b\n1,2\n3,4\n") });
    const doomed = await importDataset(store, { meta: { name: "doomed", owner: "t", fileName: "d.csv", workspaceId: ws.id }, source: csv("a,b\n1,2\n3,4\n") });
    await createView(id.sql, { workspaceId: ws.id, datasetId: doomed.id, name: "v", query: "outcome=a", createdBy: admin.id });
    const viewer: Viewer = { userId: admin.id, email: admin.email, workspaceId: DEFAULT_WORKSPACE_ID, role: "admin", via: "session" };

    await expect(deleteWorkspaceFor(store, viewer, ws.id, "doomed")).rejects.toThrow(/type the workspace's name/);
    await expect(deleteWorkspaceFor(store, viewer, DEFAULT_WORKSPACE_ID, "Default")).rejects.toThrow(/cannot be deleted/);
    await expect(deleteWorkspaceFor(store, { ...viewer, workspaceId: ws.id }, ws.id, "Doomed")).rejects.toThrow(/current workspace/);
    await expect(deleteWorkspaceFor(store, { ...viewer, via: "token" }, ws.id, "Doomed")).rejects.toThrow(/signed-in session/);
    const outsider: Viewer = { userId: member.id, email: member.email, workspaceId: DEFAULT_WORKSPACE_ID, role: "admin", via: "session" };
    await expect(deleteWorkspaceFor(store, outsider, ws.id, "Doomed")).rejects.toThrow(/not found/);
    expect(await store.getDataset(doomed.id)).not.toBeNull(); // refusals changed nothing

    const { deleted } = await deleteWorkspaceFor(store, viewer, ws.id, "Doomed");
    expect(deleted).toMatchObject({ datasetIds: [doomed.id], members: 2, views: 1 });
    expect(await store.getDataset(doomed.id)).toBeNull();
    expect(await store.getDataset(kept.id)).not.toBeNull();
    expect(await getWorkspace(id.sql, ws.id)).toBeNull();
    expect((await ownedDatasetIds(id.sql, ws.id)).size).toBe(0);
    expect(await id.sql.all(`SELECT 1 AS x FROM memberships WHERE workspace_id = $1`, [ws.id])).toHaveLength(0);
    expect(await id.sql.all(`SELECT 1 AS x FROM saved_views WHERE workspace_id = $1`, [ws.id])).toHaveLength(0);
    const tables = await id.sql.all(`SELECT table_name FROM information_schema.tables WHERE table_name = $1`, [dataTableName(doomed.id, doomed.version)]);
    expect(tables).toHaveLength(0);
    expect(await store.deleteWorkspace(ws.id)).toBeNull();
  });
});

describe("imports", { timeout: 60_000 }, () => {
  it("refuses a file with a header row and no responses, storing nothing", async () => {
    const before = (await store.listDatasets()).length;
    await expect(importDataset(store, { meta: { name: "empty", owner: "t", fileName: "e.csv", workspaceId: DEFAULT_WORKSPACE_ID }, source: csv("a,b,c\n") })).rejects.toThrow(NO_ROWS_MESSAGE);
    expect((await store.listDatasets()).length).toBe(before);
  });
});
