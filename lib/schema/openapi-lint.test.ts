import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, test } from "vitest";
import { buildOpenApiDocument } from "./openapi";

/** Public reads that cannot answer a 4xx (no input, no caller to refuse): the only exceptions. */
const NO_4XX = ["/api/health", "/api/openapi.json", "/api/auth/get-session"].map((p) => `#/paths/${p.replaceAll("/", "~1")}/get/responses`);

describe("openapi document lint", () => {
  test("passes Redocly's recommended rules (offline): no errors, no warnings but the documented exceptions", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(buildOpenApiDocument()), absoluteRef: "openapi.json", config });
    const text = problems
      .filter((p) => !(p.ruleId === "operation-4xx-response" && NO_4XX.includes(p.location[0]?.pointer ?? "")))
      .map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(text).toEqual([]);
  }, 30_000);

  test("also passes when every recommended warning is an error (strict)", async () => {
    const config = await createConfig({ extends: ["recommended-strict"] });
    const problems = await lintFromString({ source: JSON.stringify(buildOpenApiDocument()), absoluteRef: "openapi.json", config });
    expect(problems.filter((p) => p.ruleId !== "operation-4xx-response").map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  }, 30_000);
});
