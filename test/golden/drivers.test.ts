/**
 * Key-driver golden cases: every `*.spec.json` with its `*.expected.json` (R svyglm) and the
 * `data.csv` beside it, anywhere under test/fixtures/golden-drivers/. Tolerances (README):
 * estimates, SEs and t relative 1e-6; p-values relative 1e-4; n, df and terms exact.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { driversCommand } from "@/cli/commands/drivers";
import { fitDrivers } from "@/lib/models/fit-drivers";
import { driversResultSchema, type DriversSpecInput } from "@/lib/schema/drivers";
import { caseTable, findDriversCases, type DriversCase } from "./drivers-cases";

const ROOT = path.resolve(__dirname, "../fixtures/golden-drivers");

/** |got − want| ≤ rel·|want|; a zero p-value (underflow in R) must be below 1e-300 here. */
function expectClose(got: number, want: number, rel: number, what: string): void {
  const ok = want === 0 ? Math.abs(got) < 1e-300 : Math.abs(got - want) <= rel * Math.abs(want);
  expect(ok, `${what}: got ${got}, R ${want} (rel tol ${rel})`).toBe(true);
}

const cases = findDriversCases(ROOT);

describe("key drivers match R svyglm", () => {
  it("finds the example and the extra cases", () => {
    expect(cases.filter((c) => c.name.startsWith("example/")).length).toBe(3);
    expect(cases.filter((c) => c.name.startsWith("extra/")).length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const spec = JSON.parse(fs.readFileSync(c.spec, "utf8")) as DriversSpecInput;
    const want = driversResultSchema.parse(JSON.parse(fs.readFileSync(c.expected, "utf8")));
    const got = fitDrivers(caseTable(c.dir), spec);
    expect(driversResultSchema.parse(got)).toEqual(got);
    expect(got.n).toBe(want.n);
    expect(got.df_residual).toBe(want.df_residual);
    expect(got.reference_levels).toEqual(want.reference_levels);
    expect(got.coefficients.map((k) => k.term)).toEqual(want.coefficients.map((k) => k.term));
    got.coefficients.forEach((k, i) => {
      const w = want.coefficients[i];
      expectClose(k.estimate, w.estimate, 1e-6, `${k.term} estimate`);
      expectClose(k.se, w.se, 1e-6, `${k.term} se`);
      expectClose(k.t, w.t, 1e-6, `${k.term} t`);
      expectClose(k.p_value, w.p_value, 1e-4, `${k.term} p_value`);
    });
  });
});

describe("drivers CLI", () => {
  const example = cases.find((c) => c.name === "example/rollback_drivers_w") as DriversCase;

  it("prints the fitted model as JSON", async () => {
    const chunks: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      expect(await driversCommand(["--data", path.join(example.dir, "data.csv"), "--spec", example.spec])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const printed = driversResultSchema.parse(JSON.parse(chunks.join("")));
    const spec = JSON.parse(fs.readFileSync(example.spec, "utf8")) as DriversSpecInput;
    expect(printed).toEqual(fitDrivers(caseTable(example.dir), spec));
  });

  it("fails with one-line messages on bad input", async () => {
    await expect(driversCommand(["--data", "x.csv"])).rejects.toThrow("usage: drivers --data FILE --spec SPEC.json");
    await expect(driversCommand(["--data", "/nonexistent.csv", "--spec", example.spec])).rejects.toThrow("file not found: /nonexistent.csv");
    await expect(driversCommand(["--data", path.join(example.dir, "data.csv"), "--spec", path.join(example.dir, "data.csv")])).rejects.toThrow(
      /^invalid spec json: /,
    );
  });
});
