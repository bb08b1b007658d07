import type { APIRequestContext, APIResponse } from "@playwright/test";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import { expect } from "../fixtures";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const DOC_ID = "https://surveyscope.test/openapi.json";
const escape = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * Checks real answers against an OpenAPI 3.1 document: the status must be documented for the
 * operation, the content type must be one it lists, and a JSON body must validate against its JSON
 * Schema (ajv, draft 2020-12). Records every operation it saw, so a test can require them all.
 *
 * @example
 * const contract = new Contract(doc);
 * const body = await contract.call(request, "POST", "/api/datasets/x/crosstab", 200, { data: spec });
 */
export class Contract {
  readonly exercised = new Set<string>();
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; params: number }[];

  constructor(readonly doc: Doc) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    this.ajv.addFormat("date-time", (s: string) => !Number.isNaN(Date.parse(s)));
    this.ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    this.ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
    this.ajv.addFormat("uri", (s: string) => URL.canParse(s));
    this.ajv.addSchema(doc as object, DOC_ID);
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** Every documented operation, as "METHOD /path/{template}". */
  operations(): string[] {
    return Object.entries(this.doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
  }

  templateOf(url: string): string {
    const path = new URL(url, "http://x").pathname;
    const found = this.templates.find((t) => t.pattern.test(path));
    if (!found) throw new Error(`no documented path for ${path}`);
    return found.template;
  }

  /** Send a request, require `status`, check the answer against the document; returns the JSON body (or null). */
  async call(
    request: APIRequestContext,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    status: number,
    options: { data?: unknown; headers?: Record<string, string> } = {},
  ): Promise<unknown> {
    const res = await request.fetch(url, { method, data: options.data as never, headers: options.headers });
    const text = await res.text();
    expect(res.status(), `${method} ${url}: ${text.slice(0, 500)}`).toBe(status);
    return this.check(method, url, res, text);
  }

  /** Check one answer already received. */
  check(method: string, url: string, res: APIResponse, text: string): unknown {
    const template = this.templateOf(url);
    const key = `${method.toUpperCase()} ${template}`;
    const operation = this.doc.paths[template]?.[method.toLowerCase()];
    expect(operation, `${key} is documented`).toBeDefined();
    const status = String(res.status());
    const documented = operation.responses[status];
    expect(documented, `${key}: status ${status} is documented (${Object.keys(operation.responses).join(", ")})`).toBeDefined();
    this.exercised.add(key);
    if (!documented.content) {
      expect(text, `${key} ${status}: no body`).toBe("");
      return null;
    }
    const type = (res.headers()["content-type"] ?? "").split(";")[0].trim();
    expect(Object.keys(documented.content), `${key} ${status}: content type ${type} is documented`).toContain(type);
    if (type !== "application/json") {
      expect(text.length + Number(res.headers()["content-length"] ?? 0), `${key} ${status}: a non-empty ${type}`).toBeGreaterThan(0);
      return null;
    }
    const body: unknown = JSON.parse(text);
    const pointer = `#/paths/${escape(template)}/${method.toLowerCase()}/responses/${status}/content/${escape(type)}/schema`;
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    const ok = validate(body);
    const problems = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`);
    expect(ok, `${key} ${status} does not match its documented schema:\n${problems.join("\n")}`).toBe(true);
    return body;
  }
}
