import { expect, test } from "../fixtures";

/**
 * Issue #18: drag-and-drop answer order in review. An answer is dragged with the mouse to another
 * place, a drop indicator showing where it lands; the move is one review step like the arrow
 * buttons' (undone the same way), and saved as the question's order.
 */
function csv(): string {
  const lines = ["id,tier"];
  const tiers = [...Array(30).fill("Bronze"), ...Array(20).fill("Gold"), ...Array(10).fill("Silver")];
  tiers.forEach((t, i) => lines.push(`${i + 1},${t}`));
  return lines.join("\n") + "\n";
}

test("drag an answer to a new place with the mouse, see where it lands, undo it, drag again and save", async ({ page, request, baseURL }) => {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(`Tiers ${Date.now().toString(36)}`)}&fileName=tiers.csv`, {
    data: Buffer.from(csv()),
    headers: { "content-type": "application/octet-stream", origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id as string;
  await page.goto(`/datasets/${id}/schema`);
  await page.waitForLoadState("networkidle");
  const options = page.getByLabel("Options of tier").getByRole("listitem");
  // no order in these words: most chosen first
  await expect(options).toHaveText([/Bronze/, /Gold/, /Silver/]);

  const dragSilverBeforeGold = async () => {
    await page.getByLabel("Options of tier").scrollIntoViewIfNeeded();
    const handle = (await page.getByTestId("drag-tier-2").boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    const gold = (await options.filter({ hasText: "Gold" }).boundingBox())!;
    await page.mouse.move(gold.x + 6, gold.y + gold.height / 2, { steps: 8 });
    // the drop indicator shows where Silver will land: before Gold
    const indicator = page.getByTestId("drop-indicator-tier");
    await expect(indicator).toBeVisible();
    const at = (await indicator.boundingBox())!;
    expect(at.x).toBeLessThan(gold.x + 2);
    await page.mouse.up();
  };

  await dragSilverBeforeGold();
  await expect(page.getByTestId("drop-indicator-tier")).toHaveCount(0);
  await expect(options).toHaveText([/Bronze/, /Silver/, /Gold/]);
  // the same undo as the arrow buttons' moves
  await page.getByRole("button", { name: /^Undo: Move Silver to position 2 in tier/ }).click();
  await expect(options).toHaveText([/Bronze/, /Gold/, /Silver/]);

  await dragSilverBeforeGold();
  await expect(options).toHaveText([/Bronze/, /Silver/, /Gold/]);
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Options of tier").getByRole("listitem")).toHaveText([/Bronze/, /Silver/, /Gold/]);
});
