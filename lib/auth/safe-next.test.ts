import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps same-site paths", () => {
    expect(safeNextPath("/datasets/abc?tab=1#x")).toBe("/datasets/abc?tab=1#x");
    expect(safeNextPath("/")).toBe("/");
  });
  it("refuses open redirects and junk", () => {
    for (const bad of [null, undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\tevil", "datasets", "/%5c%5cevil"]) {
      const out = safeNextPath(bad);
      expect(out.startsWith("/")).toBe(true);
      expect(out.startsWith("//")).toBe(false);
      expect(new URL(out, "http://app.local").origin).toBe("http://app.local");
    }
  });
});
