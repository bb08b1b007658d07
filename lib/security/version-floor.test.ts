import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { compareVersions, parseVersion } from "./version-floor";

const root = path.resolve(__dirname, "..", "..");
const floorFile = JSON.parse(fs.readFileSync(path.join(root, "security-floor.json"), "utf8")) as {
  packages: Record<string, { floor: string; why: string }>;
};
const require = createRequire(path.join(root, "package.json"));

describe("compareVersions", () => {
  test("orders by major, minor, patch; a prerelease is below its release", () => {
    expect(compareVersions("16.4.6", "16.4.6")).toBe(0);
    expect(compareVersions("16.4.7", "16.4.6")).toBeGreaterThan(0);
    expect(compareVersions("16.10.0", "16.9.9")).toBeGreaterThan(0);
    expect(compareVersions("15.9.9", "16.0.0")).toBeLessThan(0);
    expect(compareVersions("16.4.6-canary.3", "16.4.6")).toBeLessThan(0);
    expect(compareVersions("v19.3.1", "19.3.1")).toBe(0);
  });
  test("rejects what is not a version", () => {
    expect(() => parseVersion("latest")).toThrow();
  });
});

describe("installed framework versions are at or above security-floor.json (C37)", () => {
  test("the floor covers next, react and react-dom", () => {
    expect(Object.keys(floorFile.packages).sort()).toEqual(expect.arrayContaining(["next", "react", "react-dom"]));
  });
  for (const [name, { floor }] of Object.entries(floorFile.packages)) {
    test(`${name} >= ${floor}`, () => {
      const installed = (require(`${name}/package.json`) as { version: string }).version;
      expect(compareVersions(installed, floor), `${name} ${installed} is below the security floor ${floor}`).toBeGreaterThanOrEqual(0);
    });
  }
  test("package.json does not allow a range that starts below the floor", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const [name, { floor }] of Object.entries(floorFile.packages)) {
      const range = pkg.dependencies[name];
      expect(range, `${name} missing from dependencies`).toBeDefined();
      const lower = range.replace(/^[\^~>=\s]+/, "");
      expect(compareVersions(lower, floor), `${name}: package.json range ${range} starts below ${floor}`).toBeGreaterThanOrEqual(0);
    }
  });
});
