import { describe, expect, it } from "vitest";
import { isolate, unisolate } from "./bidi";

describe("isolate", () => {
  it("wraps text in first-strong isolate marks and round-trips", () => {
    const evil = "\u202Egnp.exe";
    expect(isolate(evil)).toBe("\u2068\u202Egnp.exe\u2069");
    expect(unisolate(isolate(evil))).toBe(evil);
  });
});
