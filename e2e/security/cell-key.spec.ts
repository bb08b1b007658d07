import { expect, memberWithToken, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

interface Block {
  n: number | null;
  count?: number | null;
  segment?: string;
}

test("perturbed policy: aggregate-only audiences get cell-key perturbed counts (same noise every time, marked), the owner exact numbers", async ({ request, baseURL, page }) => {
  const headers = { origin: baseURL! };
  const regions = ["north", "south", "east", "west", "centre"];
  const lines = ["region,q1"];
  for (let i = 0; i < 200; i++) lines.push(`${regions[i % 5]},${i % 3 ? "yes" : "no"}`);
  const up = await request.post(`/api/datasets?name=cell-key-${Date.now()}&fileName=ck.csv`, { data: Buffer.from(lines.join("\n") + "\n"), headers: { ...headers, "content-type": "application/octet-stream" } });
  expect(up.status(), await up.text()).toBe(201);
  const id = (await up.json()).id as string;
  const set = await request.put(`/api/datasets/${id}/policy`, { data: { policy: "perturbed" }, headers });
  expect(set.status(), await set.text()).toBe(200);
  expect((await set.json()).policy).toBe("perturbed");

  const spec = { outcome: "q1", outcome_category: "yes", segment: "region" };
  // the owner (admin: respondent access) sees exact numbers, never marked perturbed
  const own = await (await request.post(`/api/datasets/${id}/crosstab`, { data: spec, headers })).json();
  expect(own.disclosure.exact).toBe("respondent-access");
  expect(own.disclosure.perturbed).toBeUndefined();
  expect(own.segments.map((s: Block) => s.n)).toEqual([40, 40, 40, 40, 40]);

  const analyst = await memberWithToken(request, baseURL!, "analyst");
  const first = await analyst.request.post(`/api/datasets/${id}/crosstab`, { data: spec });
  expect(first.status(), await first.text()).toBe(200);
  const a = await first.json();
  const b = await (await analyst.request.post(`/api/datasets/${id}/crosstab`, { data: spec })).json();
  // the same cell gets the same noise on every request
  expect(b.segments).toEqual(a.segments);
  expect(b.total).toEqual(a.total);
  expect(a.disclosure.perturbed).toBe(true);
  expect(a.notes.join(" ")).toMatch(/perturbed \(cell-key method\)/);
  // counts within ±3 of the exact ones, and (with 11 counts) not all of them exact
  const exact: number[] = [...own.segments.flatMap((s: Block) => [s.n, s.count]), own.total.n, own.total.count];
  const shown: number[] = [...a.segments.flatMap((s: Block) => [s.n, s.count]), a.total.n, a.total.count];
  // (a perturbed total need not equal its parts, so complementary suppression may hide a cell: null)
  shown.forEach((v, i) => {
    if (v !== null) expect(Math.abs(v - exact[i])).toBeLessThanOrEqual(3);
  });
  expect(shown.filter((v) => v !== null).length).toBeGreaterThan(6);
  expect(shown).not.toEqual(exact);

  // the crosstab export says so too
  const csv = await analyst.request.post(`/api/datasets/${id}/crosstab/export?format=csv`, { data: spec });
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("perturbed (cell-key method)");

  // the dataset page shows the policy where it is set
  await page.goto(`/datasets/${id}`);
  await expect(page.getByTestId("confidentiality")).toContainText("Perturbed (cell-key method");
  // ... beside the governed identifier / quasi-identifier status of each question (admins may change it)
  await page.getByTestId("column-status").locator("summary").click();
  await expect(page.getByTestId("column-status")).toContainText("detected at import");
  await expect(page.getByLabel("Status of region")).toHaveValue("quasi");
  await analyst.request.dispose();
});
