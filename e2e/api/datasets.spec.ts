import fs from "node:fs";
import { expect, fixture, memberWithToken, test, uploadFile } from "../fixtures";

test.describe("datasets API", () => {
  test("health answers and the demo datasets are loaded", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.ok()).toBeTruthy();
    expect(await health.json()).toMatchObject({ status: "ok", store: process.env.E2E_BACKEND === "postgres" ? "postgres" : "duckdb" });
    const list = await (await request.get("/api/datasets")).json();
    const ids = list.datasets.map((d: { id: string }) => d.id);
    expect(ids).toContain("ai-agents-production");
  });

  test("a golden case uploaded through the API reproduces R's numbers: exactly for the owner, protected for an aggregate-only analyst", async ({ request, baseURL }) => {
    const res = await uploadFile(request, fixture("golden", "p2_small", "data.csv"), "golden p2");
    expect(res.status()).toBe(201);
    const ds = await res.json();
    const spec = JSON.parse(fs.readFileSync(fixture("golden", "p2_small", "alpha_by_age_w.spec.json"), "utf8"));
    const expected = JSON.parse(fs.readFileSync(fixture("golden", "p2_small", "alpha_by_age_w.expected.json"), "utf8"));
    // the uploader (an admin: respondent access) sees every cell exactly, small ones included
    const own = await (await request.post(`/api/datasets/${ds.id}/crosstab`, { data: spec })).json();
    expect(own.disclosure.exact).toBe("respondent-access");
    for (const s of expected.segments) {
      const got = own.segments.find((x: { segment: string }) => x.segment === s.segment);
      expect(got.n).toBe(s.n);
      expect(got.display).toBeNull();
      if (s.weighted?.p !== null && s.weighted?.p !== undefined) expect(got.weighted.p).toBeCloseTo(s.weighted.p, 9);
    }
    const analyst = await memberWithToken(request, baseURL!, "analyst");
    const out = await (await analyst.request.post(`/api/datasets/${ds.id}/crosstab`, { data: spec })).json();
    expect(out.disclosure.exact).toBeUndefined();
    expect(out.rows.analytic).toBe(expected.rows.analytic);
    expect(out.total.weighted.p).toBeCloseTo(expected.total.weighted.p, 9);
    expect(out.total.weighted.se).toBeCloseTo(expected.total.weighted.se, 9);
    // small-cell protection (k = 5): cells under 5 respondents never leave the server
    expect(out.disclosure.k).toBe(5);
    for (const s of expected.segments) {
      const got = out.segments.find((x: { segment: string }) => x.segment === s.segment);
      if (s.n > 0 && s.n < 5) {
        expect(got.n).toBeNull();
        expect(got.display).toBe("< 5");
      } else if (!got.suppressed) {
        expect(got.n).toBe(s.n);
      }
      if (!got.suppressed && !got.count_suppressed && s.weighted?.p !== null) expect(got.weighted.p).toBeCloseTo(s.weighted.p, 9);
    }
    expect((await request.delete(`/api/datasets/${ds.id}`)).status()).toBe(204);
    expect((await request.get(`/api/datasets/${ds.id}`)).status()).toBe(404);
  });

  const errorCases = [
    { name: "unknown dataset", method: "get", url: "/api/datasets/no-such-dataset", status: 404, code: "not_found" },
    { name: "path traversal id", method: "get", url: "/api/datasets/..%2F..%2Fetc", status: 404, code: "not_found" },
    { name: "crosstab on unknown dataset", method: "post", url: "/api/datasets/nope/crosstab", data: {}, status: 404, code: "not_found" },
    { name: "crosstab without outcome", method: "post", url: "/api/datasets/ai-agents-production/crosstab", data: { segment: "country" }, status: 422, code: "validation_failed" },
    {
      name: "crosstab with an unknown question",
      method: "post",
      url: "/api/datasets/ai-agents-production/crosstab",
      data: { outcome: "nope", outcome_category: "x", segment: "country" },
      status: 422,
      code: "unknown_question",
    },
    { name: "upload without a name", method: "post", url: "/api/datasets", data: "a,b\n1,2\n", status: 422, code: "validation_failed" },
  ] as const;

  for (const c of errorCases) {
    test(`error envelope: ${c.name}`, async ({ request }) => {
      const res = c.method === "get" ? await request.get(c.url) : await request.post(c.url, { data: "data" in c ? c.data : undefined });
      expect(res.status()).toBe(c.status);
      const body = await res.json();
      expect(body.error.code).toBe(c.code);
      expect(typeof body.error.message).toBe("string");
    });
  }

  test("an invalid UTF-8 upload is refused with a located error and stores nothing", async ({ request }) => {
    const before = (await (await request.get("/api/datasets")).json()).datasets.length;
    const res = await uploadFile(request, fixture("csv-edge-cases", "generated", "invalid-utf8.csv"), "bad bytes");
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("import_failed");
    expect(body.error.details.issues[0].byteOffset).toEqual(expect.any(Number));
    const after = (await (await request.get("/api/datasets")).json()).datasets.length;
    expect(after).toBe(before);
  });

  test("the OpenAPI document lists every route", async ({ request }) => {
    const doc = await (await request.get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const p of ["/api/health", "/api/datasets", "/api/datasets/{id}", "/api/datasets/{id}/crosstab"]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});
