import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("evicts the least recently used entry", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.has("b")).toBe(false);
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });

  it("overwrites without growing and deletes by predicate", () => {
    const lru = new Lru<string, number>(3);
    lru.set("x@1", 1);
    lru.set("x@1", 2);
    lru.set("y@1", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("x@1")).toBe(2);
    lru.deleteWhere((k) => k.startsWith("x@"));
    expect(lru.has("x@1")).toBe(false);
    expect(lru.has("y@1")).toBe(true);
  });

  it("keeps falsy values and refuses a zero capacity", () => {
    const lru = new Lru<string, number>(1);
    lru.set("z", 0);
    expect(lru.get("z")).toBe(0);
    expect(() => new Lru(0)).toThrow();
  });
});
