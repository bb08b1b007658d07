import type { DuckDBInstance } from "@duckdb/node-api";
import type { BetterAuthOptions } from "better-auth";
import { getAuthTables } from "better-auth/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDb } from "@/lib/store/duckdb/connection";
import { duckdbAdapter } from "./duckdb-adapter";
import { duckdbRunner } from "../runner/sql-runner";

const OPTIONS: BetterAuthOptions = {
  emailAndPassword: { enabled: true },
  user: { modelName: "auth_user" },
  session: { modelName: "auth_session" },
  account: { modelName: "auth_account" },
  verification: { modelName: "auth_verification" },
};

let instance: DuckDBInstance;
let close: () => void;
beforeAll(async () => {
  const db = await openDuckDb(":memory:");
  instance = db.instance;
  close = () => {
    db.connection.closeSync();
    db.instance.closeSync();
  };
});
afterAll(() => close());

function adapter() {
  return duckdbAdapter(instance)(OPTIONS);
}

const now = new Date("2026-01-02T03:04:05.678Z");
type U = { id: string; email: string; name: string; emailVerified: boolean; createdAt: Date; updatedAt: Date; image?: string | null };

describe("APP_MIGRATIONS", () => {
  it("create every column better-auth's schema needs", async () => {
    const sql = duckdbRunner(instance);
    for (const table of Object.values(getAuthTables(OPTIONS))) {
      const cols = await sql.all(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [table.modelName]);
      const have = new Set(cols.map((c) => String(c.column_name)));
      expect(have.has("id"), table.modelName).toBe(true);
      for (const [field, attr] of Object.entries(table.fields)) expect(have.has(attr.fieldName ?? field), `${table.modelName}.${field}`).toBe(true);
    }
  });
});

describe("duckdbAdapter", () => {
  it("creates and finds a row, with dates and booleans round-tripping", async () => {
    const a = adapter();
    const created = await a.create<U>({
      model: "user",
      data: { email: "ann@example.org", name: "Ann", emailVerified: true, createdAt: now, updatedAt: now },
    });
    expect(created.id).toMatch(/.+/);
    const found = await a.findOne<U>({ model: "user", where: [{ field: "email", value: "ann@example.org" }] });
    expect(found).toMatchObject({ id: created.id, name: "Ann", emailVerified: true });
    expect(found!.createdAt).toBeInstanceOf(Date);
    expect(found!.createdAt.getTime()).toBe(now.getTime());
    expect(await a.findOne({ model: "user", where: [{ field: "email", value: "nobody@example.org" }] })).toBeNull();
  });

  it("findMany: in, contains, insensitive, OR, sort, limit, offset, select", async () => {
    const a = adapter();
    for (const n of ["Bob", "Cid", "Dee"]) {
      await a.create({ model: "user", data: { email: `${n.toLowerCase()}@example.org`, name: n, emailVerified: false, createdAt: now, updatedAt: now } });
    }
    const some = await a.findMany<U>({ model: "user", where: [{ field: "name", operator: "in", value: ["Bob", "Dee"] }], sortBy: { field: "name", direction: "desc" } });
    expect(some.map((u) => u.name)).toEqual(["Dee", "Bob"]);
    const like = await a.findMany<U>({ model: "user", where: [{ field: "email", operator: "contains", value: "ci" }] });
    expect(like.map((u) => u.name)).toEqual(["Cid"]);
    const ci = await a.findOne<U>({ model: "user", where: [{ field: "email", value: "BOB@EXAMPLE.ORG", mode: "insensitive" }] });
    expect(ci?.name).toBe("Bob");
    const or = await a.findMany<U>({
      model: "user",
      where: [
        { field: "name", value: "Bob", connector: "OR" },
        { field: "name", value: "Cid", connector: "OR" },
      ],
      sortBy: { field: "name", direction: "asc" },
    });
    expect(or.map((u) => u.name)).toEqual(["Bob", "Cid"]);
    const page = await a.findMany<U>({ model: "user", sortBy: { field: "name", direction: "asc" }, limit: 2, offset: 1 });
    expect(page.map((u) => u.name)).toEqual(["Bob", "Cid"]);
    const pct = await a.findMany<U>({ model: "user", where: [{ field: "name", operator: "contains", value: "%" }] });
    expect(pct).toEqual([]);
    const sel = await a.findOne<Record<string, unknown>>({ model: "user", where: [{ field: "name", value: "Bob" }], select: ["email"] });
    expect(sel).toEqual({ email: "bob@example.org" });
    expect(await a.count({ model: "user" })).toBe(4);
    expect(await a.count({ model: "user", where: [{ field: "emailVerified", value: false }] })).toBe(3);
  });

  it("update, updateMany, delete, deleteMany, consumeOne", async () => {
    const a = adapter();
    const bob = await a.findOne<U>({ model: "user", where: [{ field: "name", value: "Bob" }] });
    const later = new Date(now.getTime() + 1000);
    const updated = await a.update<U>({ model: "user", where: [{ field: "id", value: bob!.id }], update: { name: "Robert", updatedAt: later } });
    expect(updated).toMatchObject({ id: bob!.id, name: "Robert" });
    expect(updated!.updatedAt.getTime()).toBe(later.getTime());
    expect(await a.update({ model: "user", where: [{ field: "id", value: "missing" }], update: { name: "X" } })).toBeNull();
    expect(await a.updateMany({ model: "user", where: [{ field: "emailVerified", value: false }], update: { image: "i.png" } })).toBe(3);

    for (const v of ["v1", "v2"]) {
      await a.create({ model: "verification", data: { identifier: "reset:ann", value: v, expiresAt: later, createdAt: now, updatedAt: now } });
    }
    const consumed = await a.consumeOne<{ value: string }>({ model: "verification", where: [{ field: "identifier", value: "reset:ann" }] });
    expect(["v1", "v2"]).toContain(consumed?.value);
    expect(await a.count({ model: "verification" })).toBe(1);
    expect(await a.deleteMany({ model: "verification", where: [{ field: "expiresAt", operator: "gt", value: now }] })).toBe(1);
    expect(await a.consumeOne({ model: "verification", where: [{ field: "identifier", value: "reset:ann" }] })).toBeNull();

    await a.delete({ model: "user", where: [{ field: "name", value: "Dee" }] });
    expect(await a.count({ model: "user" })).toBe(3);
  });

  it("transaction commits, and rolls back on throw", async () => {
    const a = adapter();
    await a.transaction(async (tx) => {
      await tx.create({ model: "user", data: { email: "tx1@example.org", name: "Tx1", emailVerified: false, createdAt: now, updatedAt: now } });
    });
    expect(await a.count({ model: "user", where: [{ field: "email", value: "tx1@example.org" }] })).toBe(1);
    await expect(
      a.transaction(async (tx) => {
        await tx.create({ model: "user", data: { email: "tx2@example.org", name: "Tx2", emailVerified: false, createdAt: now, updatedAt: now } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await a.count({ model: "user", where: [{ field: "email", value: "tx2@example.org" }] })).toBe(0);
  });

  it("enforces the unique email", async () => {
    const a = adapter();
    await expect(
      a.create({ model: "user", data: { email: "ann@example.org", name: "Ann2", emailVerified: false, createdAt: now, updatedAt: now } }),
    ).rejects.toThrow();
  });
});
