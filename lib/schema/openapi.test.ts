import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildOpenApiDocument } from "./openapi";

const API = path.join(process.cwd(), "app", "api");

/** Every route file under app/api as its OpenAPI path template and exported methods. */
function routeFiles(dir = API): { path: string; methods: string[] }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    if (e.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    const methods = [...source.matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1].toLowerCase());
    const template = "/" + path.relative(process.cwd(), path.dirname(full)).split(path.sep).slice(1).join("/").replace(/\[(\.\.\.)?(\w+)\]/g, (_, dots: string | undefined, name: string) => `{${dots ?? ""}${name}}`);
    return [{ path: `/api${template.slice("/api".length)}`, methods }];
  });
}

/** A catch-all route (`[...all]`) serves every documented path under its prefix. */
const servedBy = (route: string, docPath: string) => (route.includes("{...") ? docPath.startsWith(route.slice(0, route.indexOf("{..."))) : route === docPath);

describe("openapi document", () => {
  const doc = buildOpenApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ path: p, method: m, op: op as Record<string, unknown> })));

  test("is OpenAPI 3.1 with a schema for every referenced component", () => {
    expect(doc.openapi).toBe("3.1.0");
    const text = JSON.stringify(doc.paths);
    const refs = [...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
    for (const r of new Set(refs)) expect(doc.components.schemas).toHaveProperty(r);
    expect(doc.components.schemas.CrosstabSpec).toMatchObject({ type: "object" });
  });

  test("every exported method of every route file is documented", () => {
    const missing = routeFiles().flatMap((r) =>
      r.methods.filter((m) => !operations.some((o) => o.method === m && servedBy(r.path, o.path))).map((m) => `${m.toUpperCase()} ${r.path}`),
    );
    expect(missing).toEqual([]);
  });

  test("every documented operation has a route file exporting its method", () => {
    const routes = routeFiles();
    const orphans = operations.filter((o) => !routes.some((r) => r.methods.includes(o.method) && servedBy(r.path, o.path))).map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(orphans).toEqual([]);
  });

  test("every operation has a unique operationId, a summary, a tag, security, and a documented success and error answer", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path: p, method, op } of operations) {
      const where = `${method} ${p}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, where).toBeTruthy();
      expect(op.tags, where).toHaveLength(1);
      expect(Array.isArray(op.security), where).toBe(true);
      const statuses = Object.keys(op.responses as object);
      expect(statuses.some((s) => s.startsWith("2")), where).toBe(true);
      expect(statuses, where).toContain("500");
      for (const s of statuses.filter((x) => /^[45]/.test(x))) {
        const envelope = p.startsWith("/api/auth/") ? "#/components/schemas/AuthError" : p === "/api/mcp" ? "#/components/schemas/JsonRpcError" : `#/components/schemas/Error${s}`;
        expect((op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)[s].content?.["application/json"]?.schema, `${where} ${s}`).toEqual({ $ref: envelope });
      }
    }
  });

  test("names the session cookie and the bearer token, and public operations only where no one is asked", () => {
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "better-auth.session_token" });
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    const open = operations.filter((o) => (o.op.security as unknown[]).length === 0).map((o) => `${o.method} ${o.path}`);
    // the one-time account link routes: the link itself is the credential
    expect(open.sort()).toEqual(["get /api/health", "get /api/openapi.json", "post /api/account-links/check", "post /api/account-links/redeem", "post /api/auth/sign-in/email"]);
  });

  test("each error status's envelope lists the codes that status carries", () => {
    expect(doc.components.schemas.Error422).toMatchObject({ properties: { error: { properties: { code: { enum: ["validation_failed", "unknown_question", "invalid_spec", "import_failed"] } } } } });
    expect(doc.components.schemas.Error404).toMatchObject({ properties: { error: { properties: { code: { enum: ["not_found"] } } } } });
  });

  test("documents what the crosstab really answers (the protected result) and the banner's letter marks", () => {
    const crosstab = doc.paths["/api/datasets/{id}/crosstab"].post.responses["200"] as { content: Record<string, { schema: unknown }> };
    expect(crosstab.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ProtectedCrosstab" });
    const text = JSON.stringify(doc.components.schemas.ProtectedCrosstab);
    for (const field of ["suppressed", "display", "disclosure", "count_suppressed"]) expect(text).toContain(`"${field}"`);
    expect(JSON.stringify(doc.components.schemas.BannerResult)).toContain('"strength"');
  });
});
