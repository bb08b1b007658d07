import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, beforeEach, expect, test } from "vitest";
import { APP_MIGRATIONS } from "@/lib/store/migrations/app-tables";
import { duckdbRunner, type SqlRunner } from "@/lib/store/runner/sql-runner";
import { appendAudit, listAudit, readChain } from "./audit-log";
import { verifyChain } from "./chain";

let instance: DuckDBInstance;
let sql: SqlRunner;
beforeEach(async () => {
  instance = await DuckDBInstance.create(":memory:");
  sql = duckdbRunner(instance);
  for (const m of APP_MIGRATIONS) await sql.all(m);
});
afterEach(() => instance.closeSync());

test("records chain, list per workspace and verify; a tampered row is caught", async () => {
  await appendAudit(sql, { action: "auth:sign-in", result: "ok", actorEmail: "a@x.io", workspaceId: "w1" });
  await appendAudit(sql, { action: "crosstab:run", result: "allowed", resourceType: "dataset", resourceId: "d1", workspaceId: "w1", detail: { filters: { q: ["1"] } } });
  await appendAudit(sql, { action: "dataset:read", result: "denied", resourceId: "d9", workspaceId: "w2" });
  await Promise.all([1, 2, 3].map((i) => appendAudit(sql, { action: `burst:${i}`, result: "ok", workspaceId: "w1" })));
  const chain = await readChain(sql);
  expect(chain.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(verifyChain(chain)).toBeNull();
  expect((await listAudit(sql, { workspaceId: "w1" })).map((r) => r.action)).not.toContain("dataset:read");
  expect((await listAudit(sql, { workspaceId: "w1", action: "crosstab:run" }))[0].detail).toBe('{"filters":{"q":["1"]}}');
  await sql.all("UPDATE audit_log SET actor_email = 'mallory@x.io' WHERE seq = 1");
  expect(verifyChain(await readChain(sql))).toEqual({ seq: 1, reason: "record was altered" });
});
