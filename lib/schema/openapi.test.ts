import { describe, expect, test } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("openapi document", () => {
  test("is OpenAPI 3.1 with a schema for every referenced component", () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const text = JSON.stringify(doc.paths);
    const refs = [...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
    for (const r of new Set(refs)) expect(doc.components.schemas).toHaveProperty(r);
    expect(doc.components.schemas.CrosstabSpec).toMatchObject({ type: "object" });
  });
});
