import { describe, expect, it } from "vitest";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { AppError } from "@/lib/schema/errors";
import { resolveCrosstabSpec } from "./resolve-spec";

const q = (id: string, type: string, options: string[] = []) => ({
  id,
  label: `${id} label`,
  type,
  columns: [`c_${id}`],
  options: options.map((code) => ({ code, label: code })),
  missingCodes: type === "single" ? ["Refused"] : [],
});
const dataset = {
  id: "d",
  questions: [q("resp", "id"), q("country", "single", ["FR", "DE"]), q("comment", "text"), q("age", "numeric"), q("w", "weight"), q("yes", "single", ["Yes", "No"])],
  columns: ["resp", "country", "comment", "age", "w", "yes"].map((id, i) => ({ index: i, name: `c_${id}`, headers: [id] })),
} as unknown as Dataset;

function errorOf(spec: Record<string, unknown>): AppError {
  try {
    resolveCrosstabSpec(crosstabSpecSchema.parse({ outcome: "yes", outcome_category: "Yes", segment: "country", ...spec }), dataset, { missing: "declared" });
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("resolved");
}

describe("resolveCrosstabSpec: bad names and values are located 422s", () => {
  it("refuses a free-text or numeric-less weight, naming the question and the rule", () => {
    const err = errorOf({ weight: "comment" });
    expect(err.status).toBe(422);
    expect(err.message).toBe("weight: question comment is not numeric (a text question); choose a weight or numeric question");
  });

  it("accepts weight and numeric questions as weights", () => {
    const plan = resolveCrosstabSpec(crosstabSpecSchema.parse({ outcome: "yes", outcome_category: "Yes", segment: "country", weight: "age" }), dataset, { missing: "declared" });
    expect(plan.weight).toEqual({ column: "c_age" });
  });

  it("refuses storage names (c0…) in the app, keeps them for the raw golden contract", () => {
    expect(errorOf({ segment: "c_country" }).code).toBe("unknown_question");
    // headers still resolve, and raw mode keeps reaching a column by its stored name
    const raw = resolveCrosstabSpec(crosstabSpecSchema.parse({ outcome: "yes", outcome_category: "Yes", segment: "c_country" }), dataset, { missing: "raw" });
    expect(raw.segment.column).toBe("c_country");
  });

  it("refuses a filter value that is not an option, without quoting the value", () => {
    const err = errorOf({ filters: { country: ["FR", "Atlantis"] } });
    expect(err.message).toBe("filters.country: a value is not an option of the question; use the codes or labels of its options");
    expect(err.message).not.toContain("Atlantis");
    // declared missing codes and labels are fine
    expect(() => errorOf({ filters: { country: ["Refused", "DE"] } })).toThrow("resolved");
  });

  it("refuses a respondent id or free-text question as a segment or outcome", () => {
    expect(errorOf({ segment: "resp" }).message).toBe("segment: question resp is a respondent id and cannot be broken down");
    expect(errorOf({ outcome: "comment", outcome_category: "x" }).message).toBe("outcome: question comment is free text and cannot be broken down");
  });
});
