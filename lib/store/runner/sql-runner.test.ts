import { describe, expect, it } from "vitest";
import { exclusive, isWriteConflict, type SqlRunner } from "./sql-runner";

const duck = { dialect: "duckdb" } as SqlRunner;
const pg = { dialect: "postgres" } as SqlRunner;

/** a task that records when it starts and finishes only when released */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  const fn = async () => {
    log.push(`${name}:start`);
    await done;
    log.push(`${name}:end`);
    return name;
  };
  return { fn, release };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("exclusive", () => {
  it("runs work of one lane one at a time, in order", async () => {
    const log: string[] = [];
    const a = gate(log, "a");
    const b = gate(log, "b");
    const pa = exclusive(duck, a.fn, "l1");
    const pb = exclusive(duck, b.fn, "l1");
    await tick();
    expect(log).toEqual(["a:start"]);
    a.release();
    b.release();
    expect(await Promise.all([pa, pb])).toEqual(["a", "b"]);
    expect(log).toEqual(["a:start", "a:end", "b:start", "b:end"]);
  });

  it("lets another lane run while one is busy (a long audit never holds up the shared lane)", async () => {
    const log: string[] = [];
    const slow = gate(log, "audit");
    const pending = exclusive(duck, slow.fn, "history:x");
    expect(await exclusive(duck, async () => "sign-in")).toBe("sign-in");
    expect(log).toEqual(["audit:start"]);
    slow.release();
    await pending;
  });

  it("a failure does not block the lane", async () => {
    await expect(exclusive(duck, () => Promise.reject(new Error("boom")), "l2")).rejects.toThrow("boom");
    expect(await exclusive(duck, async () => 1, "l2")).toBe(1);
  });

  it("PostgreSQL runs at once (the SQL itself is atomic)", async () => {
    const log: string[] = [];
    const a = gate(log, "a");
    const pa = exclusive(pg, a.fn, "l3");
    expect(await exclusive(pg, async () => 2, "l3")).toBe(2);
    a.release();
    await pa;
  });

  it("recognises DuckDB's write conflicts", () => {
    expect(isWriteConflict(new Error("TransactionContext Error: Conflict on update!"))).toBe(true);
    expect(isWriteConflict(new Error("Constraint Error: duplicate key"))).toBe(false);
  });
});
