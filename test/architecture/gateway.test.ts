/**
 * Issue 17, "bypassing the gateway is hard by construction": statically, over the source tree,
 * - only lib/services/gateway*.ts import `seal` (the constructor of `Released<T>`);
 * - nothing outside lib/disclosure/gateway.ts casts to `Released`;
 * - every handler of a data operation (GATEWAY_OPERATIONS) answers with `respondReleased` or
 *   `sendReleased` and never with `respond(`, `json(` or `new Response(`;
 * - every page that loads numbers (dataset, analysis, home, dashboard, audit loaders) reads them
 *   through `pageProps(…)`;
 * - every operation of the OpenAPI document is classified (data through the gateway, or no data);
 * - the respondent-level export (respondent access, outside the gateway) takes its formats from the
 *   one list, and each is documented with its media type.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GATEWAY_OPERATIONS, NO_RESPONDENT_NUMBERS, PROTECTED_NOT_SEALED } from "@/lib/disclosure/gateway-operations";
import { EXPORT_CONTENT_TYPES } from "@/lib/export";
import { buildOpenApiDocument } from "@/lib/schema/openapi";
import { RESPONDENT_EXPORT_FORMATS } from "@/lib/schema/respondent-export";

const ROOT = process.cwd();

function files(dir: string, test: (f: string) => boolean): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : files(rel, test);
    return test(rel) ? [rel] : [];
  });
}
const source = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");
const ts = (f: string) => /\.(ts|tsx)$/.test(f);
// production code (unit tests may forge a release to prove it is refused)
const code = [...files("app", ts), ...files("lib", ts), ...files("components", ts)].filter((f) => !/\.test\.tsx?$/.test(f));

/** "app/api/datasets/[id]/crosstab/route.ts" → "/api/datasets/{id}/crosstab" */
const apiPathOf = (f: string) => `/${path.dirname(f).replace(/^app\//, "").split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;

/** The text of each exported handler (`export const GET = route(…)` up to the next export). */
function handlers(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /export const (GET|POST|PUT|PATCH|DELETE) = /g;
  const hits = [...text.matchAll(re)];
  hits.forEach((m, i) => out.set(m[1], text.slice(m.index, hits[i + 1]?.index ?? text.length)));
  return out;
}

describe("the disclosure gateway, statically", () => {
  it("only the gateway modules import seal", () => {
    const importers = code.filter((f) => /import\s*{[^}]*\bseal\b[^}]*}\s*from\s*"@\/lib\/disclosure\/gateway"/.test(source(f)));
    expect(importers.filter((f) => !/^lib\/services\/gateway(-[a-z]+)?\.ts$/.test(f))).toEqual([]);
    expect(importers.length).toBeGreaterThan(0);
  });

  it("nothing casts to Released", () => {
    const casts = code.filter((f) => f !== "lib/disclosure/gateway.ts" && /\bas\s+(unknown\s+as\s+)?Released\b/.test(source(f)));
    expect(casts).toEqual([]);
  });

  it("every data operation's handler answers only through respondReleased or sendReleased", () => {
    const routes = files("app/api", (f) => f.endsWith("route.ts"));
    const seen: string[] = [];
    const offenders: string[] = [];
    for (const f of routes) {
      for (const [method, body] of handlers(source(f))) {
        const key = `${method} ${apiPathOf(f)}`;
        if (!(GATEWAY_OPERATIONS as readonly string[]).includes(key)) continue;
        seen.push(key);
        if (!/\b(respondReleased|sendReleased)\(/.test(body)) offenders.push(`${key}: no released answer`);
        if (/[^\w](respond|json)\(|new Response\(/.test(body)) offenders.push(`${key}: answers around the gateway`);
      }
    }
    expect(offenders).toEqual([]);
    expect(seen.sort()).toEqual([...GATEWAY_OPERATIONS].sort());
  });

  it("every page that loads numbers reads them through pageProps", () => {
    const loaders = /\b(loadDatasetList|loadDataset|loadDatasetOverview|loadAnalysis|loadHome|loadDashboardPage|loadAudit)\(/;
    const pages = files("app", (f) => f.endsWith("page.tsx")).filter((f) => loaders.test(source(f)));
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.filter((f) => !/\bpageProps\(/.test(source(f)))).toEqual([]);
  });

  it("classifies every operation of the OpenAPI document exactly once", () => {
    const doc = buildOpenApiDocument();
    const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`));
    const gateway = new Set<string>(GATEWAY_OPERATIONS);
    expect(ops.filter((o) => !gateway.has(o) && !(o in NO_RESPONDENT_NUMBERS) && !(o in PROTECTED_NOT_SEALED))).toEqual([]);
    expect(ops.filter((o) => [gateway.has(o), o in NO_RESPONDENT_NUMBERS, o in PROTECTED_NOT_SEALED].filter(Boolean).length > 1)).toEqual([]);
    expect([...gateway, ...Object.keys(NO_RESPONDENT_NUMBERS), ...Object.keys(PROTECTED_NOT_SEALED)].filter((o) => !ops.includes(o))).toEqual([]);
  });

  it("the respondent export offers exactly the listed formats, each documented with its media type", () => {
    const op = "POST /api/datasets/{id}/respondents/export";
    expect(op in NO_RESPONDENT_NUMBERS).toBe(true);
    const handler = handlers(source("app/api/datasets/[id]/respondents/export/route.ts")).get("POST") ?? "";
    expect(handler).toMatch(/respondentExportFormatSchema\.parse\(/);
    const post = (buildOpenApiDocument().paths["/api/datasets/{id}/respondents/export"] as unknown as { post: { parameters: { name: string; schema: { enum?: string[] } }[]; responses: Record<string, { content?: Record<string, unknown> }> } }).post;
    expect(post.parameters.find((p) => p.name === "format")?.schema.enum).toEqual([...RESPONDENT_EXPORT_FORMATS]);
    const documented = Object.keys(post.responses["200"].content ?? {});
    for (const f of RESPONDENT_EXPORT_FORMATS) expect(documented, f).toContain(EXPORT_CONTENT_TYPES[f].split(";")[0]);
  });
});
