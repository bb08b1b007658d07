import fs from "node:fs";
import { expect, fixture, memberWithToken, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

test("small cells never leave the server for an aggregate-only analyst and the differencing attack is refused", async ({ request, baseURL }) => {
  const headers = { origin: baseURL! };
  const up = await request.post("/api/datasets?name=small%20cells", {
    data: fs.readFileSync(fixture("csv-edge-cases", "generated", "small-cells-survey.csv")),
    headers: { ...headers, "content-type": "application/octet-stream" },
  });
  expect(up.status(), await up.text()).toBe(201);
  const id = (await up.json()).id;
  // the admin uploaded it: an analyst of the same workspace has no respondent access to it
  const analyst = await memberWithToken(request, baseURL!, "analyst");
  const crosstab = (spec: unknown) => analyst.request.post(`/api/datasets/${id}/crosstab`, { data: spec });

  // the owner (admin: respondent access) sees the same breakdown exactly, the n = 1 cell included
  const own = await (await request.post(`/api/datasets/${id}/crosstab`, { data: { outcome: "q1_score", statistic: "mean", segment: "tenure", filters: { department: ["Legal"] } }, headers })).json();
  expect(own.disclosure.exact).toBe("respondent-access");
  expect(own.segments.find((s: { segment: string }) => s.segment === "5y+")).toMatchObject({ n: 1, display: null });

  // Legal × tenure: the 5y+ cell (n = 1) is hidden ("< 5"), and so is a complement, so it cannot be
  // recomputed: the total, since hiding 1-5y ("—", known to be ≥ 5) would leave 5y+ ≤ 6 − 5 = 1
  const legalByTenure = await (
    await crosstab({ outcome: "q1_score", statistic: "mean", segment: "tenure", filters: { department: ["Legal"] } })
  ).json();
  const fivePlus = legalByTenure.segments.find((s: { segment: string }) => s.segment === "5y+");
  expect(fivePlus.n).toBeNull();
  expect(fivePlus.display).toBe("< 5");
  expect(legalByTenure.total).toMatchObject({ n: null, display: "—" });
  expect(JSON.stringify(legalByTenure)).not.toMatch(/"n":1[,}]/);

  // the classic pair: Legal overall (n = 6), then Legal ∧ 1-5y (n = 5) differ by one person (by
  // department, a single level: by gender the lone M would hide the totals)
  // this analyst was shown Legal ∧ 1-5y (5) above, so Legal overall (6) would give the lone 5y+ away
  const legal = { outcome: "q1_score", statistic: "mean", segment: "department", filters: { department: ["Legal"] } };
  expect((await crosstab(legal)).status()).toBe(403);
  // a second analyst with no history: the first of the pair is released, the second refused
  const fresh = await memberWithToken(request, baseURL!, "analyst");
  const all = await fresh.request.post(`/api/datasets/${id}/crosstab`, { data: legal });
  expect(all.status()).toBe(200);
  const narrower = await fresh.request.post(`/api/datasets/${id}/crosstab`, { data: { ...legal, filters: { department: ["Legal"], tenure: ["1-5y"] } } });
  expect(narrower.status()).toBe(403);
  // one data-free message whatever the rule (pairwise or linear audit)
  expect((await narrower.json()).error.message).toMatch(/single out fewer than 5 respondents, so it is withheld/);
});
