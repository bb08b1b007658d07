import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duckdbRunner, type SqlRunner } from "../runner/sql-runner";
import { pgRunner } from "../runner/pg-runner";
import { adminQuery, dropSchema, randomSchemaName, TEST_DATABASE_URL } from "@/lib/store/postgres/postgres.fixtures";
import { VIEWS_MIGRATIONS } from "../migrations/views-tables";
import { createView, deleteView, getView, getViews, listViews } from "./views";
import { createDashboard, deleteDashboard, getDashboard, listDashboards, updateDashboard } from "./dashboards";

interface Backend {
  name: string;
  open(): Promise<{ sql: SqlRunner; close(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: "duckdb",
    async open() {
      const instance = await DuckDBInstance.create(":memory:");
      const sql = duckdbRunner(instance);
      for (const m of [...VIEWS_MIGRATIONS, ...VIEWS_MIGRATIONS]) await sql.all(m); // idempotent
      return { sql, close: async () => instance.closeSync() };
    },
  },
  {
    name: "postgres",
    async open() {
      const schema = randomSchemaName();
      await adminQuery(`CREATE SCHEMA "${schema}"`);
      const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2, options: `-c search_path=${schema}` });
      const sql = pgRunner(pool);
      for (const m of [...VIEWS_MIGRATIONS, ...VIEWS_MIGRATIONS]) await sql.all(m);
      return {
        sql,
        close: async () => {
          await pool.end();
          await dropSchema(schema);
        },
      };
    },
  },
];

for (const backend of BACKENDS) {
  describe(`saved views and dashboards on ${backend.name}`, () => {
    let sql: SqlRunner;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ sql, close } = await backend.open());
    });
    afterAll(async () => close?.());

    it("saves, lists (per dataset), reads and deletes views within one workspace", async () => {
      const a = await createView(sql, { workspaceId: "w1", datasetId: "demo", name: "Rollback", query: "outcome=q&category=Yes&segment=c", createdBy: "u1" }, new Date("2026-01-01T00:00:00Z"));
      const b = await createView(sql, { workspaceId: "w1", datasetId: "other", name: "Live", query: "outcome=s&category=Live&segment=c", createdBy: "u1" }, new Date("2026-01-02T00:00:00Z"));
      await createView(sql, { workspaceId: "w2", datasetId: "demo", name: "Theirs", query: "outcome=q&category=Yes&segment=c", createdBy: "u9" });
      expect(a.id).toMatch(/^v-[0-9a-f]{16}$/);
      expect((await listViews(sql, "w1")).map((v) => v.name)).toEqual(["Live", "Rollback"]);
      expect((await listViews(sql, "w1", "demo")).map((v) => v.id)).toEqual([a.id]);
      expect(await getView(sql, "w1", a.id)).toEqual(a);
      expect(await getView(sql, "w2", a.id)).toBeNull(); // another workspace's view looks absent
      expect([...(await getViews(sql, "w1", [a.id, b.id, "v-0000000000000000"])).keys()].sort()).toEqual([a.id, b.id].sort());
      expect(await deleteView(sql, "w2", a.id)).toBe(false);
      expect(await deleteView(sql, "w1", b.id)).toBe(true);
      expect(await getView(sql, "w1", b.id)).toBeNull();
    });

    it("creates dashboards with ordered tiles, replaces the layout, keeps workspaces apart", async () => {
      const v1 = await createView(sql, { workspaceId: "w1", datasetId: "demo", name: "One", query: "outcome=q&category=Yes&segment=c", createdBy: "u1" });
      const v2 = await createView(sql, { workspaceId: "w1", datasetId: "demo", name: "Two", query: "outcome=q&category=No&segment=c", createdBy: "u1" });
      const foreign = await createView(sql, { workspaceId: "w2", datasetId: "demo", name: "Foreign", query: "outcome=q&category=No&segment=c", createdBy: "u9" });
      const d = await createDashboard(sql, "w1", "u1", { name: "Exec", description: null, tiles: [{ viewId: v1.id, size: "half" }, { viewId: v2.id, size: "full" }] });
      expect(d.id).toMatch(/^d-[0-9a-f]{16}$/);
      expect((await getDashboard(sql, "w1", d.id))?.tiles).toEqual([{ viewId: v1.id, size: "half" }, { viewId: v2.id, size: "full" }]);
      expect(await getDashboard(sql, "w2", d.id)).toBeNull();

      const moved = await updateDashboard(sql, "w1", d.id, { name: "Exec summary", description: "Q1", tiles: [{ viewId: v2.id, size: "half" }, { viewId: v1.id, size: "full" }] });
      expect(moved).toMatchObject({ name: "Exec summary", description: "Q1", tiles: [{ viewId: v2.id, size: "half" }, { viewId: v1.id, size: "full" }] });
      expect(await getDashboard(sql, "w1", d.id)).toEqual(moved);
      expect(await updateDashboard(sql, "w2", d.id, { name: "x", description: null, tiles: [] })).toBeNull();

      // a view of another workspace cannot be pinned (answers like an unknown view)
      await expect(updateDashboard(sql, "w1", d.id, { name: "x", description: null, tiles: [{ viewId: foreign.id, size: "half" }] })).rejects.toThrow(/no such saved view/);
      await expect(createDashboard(sql, "w1", "u1", { name: "x", description: null, tiles: [{ viewId: "v-0000000000000000", size: "half" }] })).rejects.toThrow(/no such saved view/);

      expect((await listDashboards(sql, "w1")).map((x) => x.id)).toEqual([d.id]);
      expect(await listDashboards(sql, "w2")).toEqual([]);
      expect(await deleteDashboard(sql, "w2", d.id)).toBe(false);
      expect(await deleteDashboard(sql, "w1", d.id)).toBe(true);
      expect(await getDashboard(sql, "w1", d.id)).toBeNull();
    });
  });
}

describe("demo dashboard seed", () => {
  it("creates the executive dashboard once", async () => {
    const { seedDemoDashboard, DEMO_DASHBOARD_NAME } = await import("@/lib/views/seed");
    const instance = await DuckDBInstance.create(":memory:");
    const sql = duckdbRunner(instance);
    for (const m of VIEWS_MIGRATIONS) await sql.all(m);
    expect(await seedDemoDashboard(sql, "ai-agents-production")).toBe("created");
    expect(await seedDemoDashboard(sql, "ai-agents-production")).toBe("present");
    const [d] = await listDashboards(sql, "default");
    expect(d.name).toBe(DEMO_DASHBOARD_NAME);
    expect(d.tiles).toHaveLength(3);
    const first = await getView(sql, "default", d.tiles[0].viewId);
    expect(first?.query).toBe("outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight&f.agent_status=Live+in+production");
    instance.closeSync();
  });
});
