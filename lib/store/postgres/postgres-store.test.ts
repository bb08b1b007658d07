/** PostgreSQL-only behaviour: numeric parsing parity, naming limits, multi-instance concurrency, recovery. */
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parseRNumeric } from "@/lib/engine/parse-r-numeric";
import type { StoredColumn } from "@/lib/schema/question";
import { buildCellSumsStatement } from "../sql/crosstab-sql";
import { postgresDialect } from "../sql/dialect";
import { pgDataTableName, PG_MAX_IDENTIFIER } from "./names";
import { isConnectionError, readQuery } from "./pool";
import { PostgresStore } from "./postgres-store";
import { ingestDraft } from "../contract/seg-out-w.fixtures";
import { adminQuery, openTestPostgres, randomSchemaName, dropSchema, TEST_DATABASE_URL, type TestPostgres } from "./postgres.fixtures";

const cols = (n: number): StoredColumn[] => Array.from({ length: n }, (_, i) => ({ index: i, name: `c${i}`, headers: [`h${i}`] }));

async function importRows(store: PostgresStore, id: string, rows: string[][], width = rows[0]?.length ?? 1) {
  const columns = cols(width);
  return store.importDataset({ id, name: id, owner: "t", fileName: `${id}.csv` }, async (sink) => {
    await sink.begin(columns);
    await sink.write(rows);
    return ingestDraft(columns, rows.length);
  });
}

let t: TestPostgres;
beforeAll(async () => {
  t = await openTestPostgres(randomSchemaName(), { applicationName: `surveyscope-test-${process.pid}-${Date.now()}` });
});
afterAll(async () => {
  await t?.dispose();
});

async function pgFinite(values: string[]): Promise<(number | null)[]> {
  const sql = `SELECT ${postgresDialect.finiteNumber("x")} AS v FROM unnest($1::text[]) WITH ORDINALITY AS u(x, i) ORDER BY i`;
  const res = await adminQuery(sql, [values], t.schema);
  return res.rows.map((r: { v: number | null }) => r.v);
}

describe("numeric parsing (R's is.finite(as.numeric(x)))", () => {
  const cases = [
    "1", " 4.5 ", "\t-3\n", "+.5", "2.", ".", "-", "", " ", "1e2", "1E-2", "1e", "1e+", "-1e-", "1e400", "-1e400", "1e-400", "1e-320",
    "1.7976931348623157e308", "1.8e308", "0e99999", "0.0000000000000000000000000000001e330", `${"9".repeat(250)}`, `0.${"0".repeat(300)}1e305`,
    "Inf", "-Inf", "inf", "Infinity", "NaN", "nan", "NA", "0x1A", "-0X1a.8p1", "0x.8", "0x1p-2", "0x1p", "0x", "0x1p99999", "0xg",
    "1,5", "1 000", "1_000", "١٢", "1e2.5", "--1", "+-1", "e5", "\u00a01", "1\u00a0", "\v7\f", "12abc",
  ];
  test("matches the in-memory reference on edge cases", async () => {
    const got = await pgFinite(cases);
    const want = cases.map(parseRNumeric);
    const diffs = cases.map((c, i) => ({ c, got: got[i], want: want[i] })).filter((d) => !Object.is(d.got ?? null, d.want) && d.got !== d.want);
    expect(diffs).toEqual([]);
  });

  test("matches the in-memory reference on random number-like text", async () => {
    const alphabet = fc.constantFrom(..."0123456789.eE+-xXpPaAfF \t".split(""));
    const samples = fc.sample(fc.string({ unit: alphabet, maxLength: 12 }), { numRuns: 3000, seed: 42 });
    const got = await pgFinite(samples);
    const diffs = samples.map((c, i) => ({ c, got: got[i], want: parseRNumeric(c) })).filter((d) => d.got !== d.want);
    expect(diffs).toEqual([]);
  });
});

describe("query shape", () => {
  test("the per-row subquery of the cell-sums statement is fenced (no re-evaluation per aggregate)", () => {
    const plan = {
      statistic: "mean" as const,
      outcome: { kind: "column" as const, column: "c1", missingCodes: [] },
      outcomeCategories: [],
      segment: { column: "c0", missingCodes: [] },
      weight: { column: "c2" },
      filters: [],
      missingSegment: "drop" as const,
      confLevel: 0.95,
    };
    const st = buildCellSumsStatement("d_x_v1", plan, ["a"], postgresDialect);
    expect(st.sql).toContain(`FROM "d_x_v1" OFFSET 0) r`);
    // the text parsing sits in the fenced subquery only, never in the aggregates above it
    const [inner, outer] = st.sql.split("OFFSET 0) r");
    expect(inner).toContain("surveyscope_finite_double");
    expect(outer).not.toContain("surveyscope_finite_double");
    expect(st.sql.slice(0, st.sql.indexOf("FROM (SELECT"))).toMatch(/SUM\(w \* w\)/);
  });
});

describe("table naming", () => {
  test("names stay within PostgreSQL's 63 bytes and distinct per id and version", () => {
    const long = "a".repeat(64);
    const names = [pgDataTableName(long, 1), pgDataTableName(long, 2), pgDataTableName(`${"a".repeat(63)}b`, 1), pgDataTableName("short", 1)];
    for (const n of names) expect(n.length).toBeLessThanOrEqual(PG_MAX_IDENTIFIER);
    expect(new Set(names).size).toBe(names.length);
    expect(pgDataTableName("short", 1)).toBe("d_short_v1");
  });

  test("a 64-character id imports, deletes and re-imports", async () => {
    const id = `x${"-long".repeat(12)}abc`.slice(0, 64);
    expect(id.length).toBe(64);
    const v1 = await importRows(t.store, id, [["1"], ["2"]]);
    expect(await t.store.readRows(v1, ["c0"], 5)).toEqual([["1"], ["2"]]);
    expect(await t.store.deleteDataset(id)).toBe(true);
    const v2 = await importRows(t.store, id, [["3"]]);
    expect(v2.version).toBe(2);
    expect(await t.store.readRows(v2, ["c0"], 5)).toEqual([["3"]]);
  });
});

describe("limits", () => {
  test("1599 data columns import; 1600 fail cleanly with nothing left", async () => {
    const wide = await importRows(t.store, "wide-ok", [Array.from({ length: 1599 }, (_, i) => String(i))]);
    expect((await t.store.readRows(wide, ["c0", "c1598"], 1))[0]).toEqual(["0", "1598"]);
    await expect(importRows(t.store, "wide-bad", [Array.from({ length: 1600 }, () => "x")])).rejects.toMatchObject({ code: "import_failed" });
    expect(await t.store.getDataset("wide-bad")).toBeNull();
  });

  test("a NUL character fails the import with a clear error and rolls back", async () => {
    await expect(importRows(t.store, "nul", [["a\u0000b"]])).rejects.toMatchObject({ code: "import_failed" });
    expect(await t.store.getDataset("nul")).toBeNull();
    const tables = await adminQuery(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'd_nul%'`, [t.schema]);
    expect(tables.rows).toEqual([]);
  });

  test("quotes, backslashes, braces and unicode survive the array transport", async () => {
    const tricky = [['a"b', "c\\d", "{x,y}", "NULL", "é ✓ 😀", " lead", "trail ", "a,b"]];
    const ds = await importRows(t.store, "tricky", tricky);
    expect(await t.store.readRows(ds, cols(8).map((c) => c.name), 1)).toEqual(tricky);
  });
});

describe("several instances on one database", () => {
  test("the schema can come from DATABASE_URL's ?schema= parameter", async () => {
    const schema = randomSchemaName();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set("schema", schema);
    const store = await PostgresStore.open(url.toString(), { connectionTimeoutMillis: 3000, max: 1 });
    try {
      expect(store.schema).toBe(schema);
      await importRows(store, "in-schema", [["1"]]);
      const tables = await adminQuery(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema]);
      // the data table, the metadata table and the application's tables (one migration list, owners included), all in that schema
      expect(tables.rows.map((r: { tablename: string }) => r.tablename)).toEqual(
        expect.arrayContaining(["d_in_schema_v1", "datasets", "dataset_owners", "workspace_invitations", "auth_user", "audit_log", "dashboards"]),
      );
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  test("concurrent opens migrate once; data written by one is served by the other", async () => {
    const schema = randomSchemaName();
    const stores = await Promise.all([0, 1, 2].map(() => PostgresStore.open(TEST_DATABASE_URL, { schema, max: 2, connectionTimeoutMillis: 3000 })));
    try {
      const [a, b] = stores;
      await importRows(a, "shared", [["x"], ["y"]]);
      const seen = await b.getDataset("shared");
      expect(seen?.version).toBe(1);
      expect(await b.readRows(seen!, ["c0"], 10)).toEqual([["x"], ["y"]]);
      // two instances importing the same id at the same time: exactly one wins
      const race = await Promise.allSettled([importRows(a, "race", [["1"]]), importRows(b, "race", [["2"]])]);
      expect(race.filter((r) => r.status === "fulfilled").length).toBe(1);
      const lost = race.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "conflict" });
      // concurrent schema edits on two instances get distinct versions
      const ds = (await a.getDataset("shared"))!;
      const saved = await Promise.all([a.saveQuestions("shared", ds.questions), b.saveQuestions("shared", ds.questions)]);
      expect(saved.map((s) => s.version).sort()).toEqual([2, 3]);
      expect((await b.getDataset("shared"))?.version).toBe(3);
      expect(await a.deleteDataset("shared")).toBe(true);
      expect(await b.getDataset("shared")).toBeNull();
      await expect(b.readRows(seen!, ["c0"], 1)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await dropSchema(schema);
    }
  });
});

describe("recovery", () => {
  async function killStoreConnections(): Promise<number> {
    const app = `surveyscope-test-${process.pid}-%`;
    const res = await adminQuery(
      `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name LIKE $1 AND pid <> pg_backend_pid()`,
      [app],
    );
    return Number(res.rows[0].n);
  }

  test("reads succeed after the server drops every connection (as on a restart)", async () => {
    await importRows(t.store, "survivor", [["1"], ["2"]]);
    await Promise.all([t.store.getDataset("survivor"), t.store.listDatasets(), t.store.getDataset("survivor")]);
    expect(await killStoreConnections()).toBeGreaterThan(0);
    // immediately: the pool may still hand out a dead connection, which the retry replaces
    expect((await t.store.getDataset("survivor"))?.id).toBe("survivor");
    await killStoreConnections();
    await new Promise((r) => setTimeout(r, 200));
    const ds = (await t.store.getDataset("survivor"))!;
    expect(await t.store.readRows(ds, ["c0"], 5)).toEqual([["1"], ["2"]]);
    await killStoreConnections();
    // writes start on a fresh connection too
    expect((await t.store.saveQuestions("survivor", ds.questions)).version).toBe(2);
  });

  test("a read gets past every dead connection a restart left in the pool (each found dead in turn)", async () => {
    await importRows(t.store, "many-dead", [["1"]]);
    const pool = (t.store as unknown as { pool: pg.Pool }).pool;
    const real = pool.query.bind(pool) as (config: unknown) => Promise<unknown>;
    // as many dead connections as the pool holds (max 4 here): a single retry gave up on the second
    let dead = pool.options.max ?? 10;
    const terminated = () => Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    const spy = vi.spyOn(pool, "query").mockImplementation(((config: unknown) => (dead-- > 0 ? Promise.reject(terminated()) : real(config))) as never);
    try {
      expect((await t.store.getDataset("many-dead"))?.id).toBe("many-dead");
      expect(dead).toBeLessThan(0);
      // a server that stays away is reported, not retried forever
      dead = Number.POSITIVE_INFINITY;
      await expect(t.store.getDataset("many-dead")).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
  });

  test("a read whose connection is killed mid-query is retried once on a fresh connection", async () => {
    const pool = (t.store as unknown as { pool: pg.Pool }).pool;
    const slow = readQuery(pool, "SELECT pg_sleep(0.6), 42 AS x");
    await new Promise((r) => setTimeout(r, 250));
    expect(await killStoreConnections()).toBeGreaterThan(0);
    expect((await slow).rows[0].x).toBe(42);
  });

  test("an import whose connection dies (server restart, or this process killed) leaves nothing", async () => {
    const columns = cols(2);
    await expect(
      t.store.importDataset({ id: "cut", name: "cut", owner: "t", fileName: "cut.csv" }, async (sink) => {
        await sink.begin(columns);
        await sink.write(Array.from({ length: 5000 }, (_, i) => [String(i), "x"]));
        await killStoreConnections();
        await new Promise((r) => setTimeout(r, 100));
        await sink.write([["late", "x"]]);
        return ingestDraft(columns, 5001);
      }),
    ).rejects.toThrow();
    expect(await t.store.getDataset("cut")).toBeNull();
    const tables = await adminQuery(`SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'd_cut%'`, [t.schema]);
    expect(tables.rows).toEqual([]);
    expect((await importRows(t.store, "cut", [["1", "2"]])).version).toBe(1);
  });

  test("connection errors are recognised, statement errors are not", () => {
    expect(isConnectionError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('relation "x" does not exist'), { code: "42P01" }))).toBe(false);
  });

  test("an unreachable server fails fast with a readable message", async () => {
    const started = Date.now();
    await expect(PostgresStore.open("postgres://postgres:secret@127.0.0.1:1/test", { connectionTimeoutMillis: 1000 })).rejects.toThrow(
      /cannot open the PostgreSQL store at postgres:\/\/postgres@127\.0\.0\.1:1\/test/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
