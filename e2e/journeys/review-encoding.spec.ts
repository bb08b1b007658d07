import { expect, test } from "../fixtures";

/**
 * Issue #18: an encoding choice in review when a file is not UTF-8. A Windows-1252 export with
 * accented labels is read in the guessed encoding with a warning; a Windows-1250 (Polish) export is
 * guessed wrong ("Wroc³aw"), and choosing Windows-1250, previewed first, re-reads the kept file as
 * the next version with its labels right ("Wrocław").
 */

const WIN1250: Record<string, number> = { Ł: 0xa3, ó: 0xf3, ź: 0x9f, ń: 0xf1, ł: 0xb3 };

/** Text as Windows-1250 bytes (ASCII and the few Polish letters used here). */
function win1250(text: string): Buffer {
  return Buffer.from([...text].map((ch) => WIN1250[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : Number.NaN)));
}

function csv(header: string, answers: string[], n = 60): string {
  const rows = [header];
  for (let i = 0; i < n; i++) rows.push(`${i + 1},${answers[i % answers.length]},${1 + (i % 5)}`);
  return rows.join("\r\n") + "\r\n";
}

async function uploadInUi(page: import("@playwright/test").Page, name: string, buffer: Buffer) {
  await page.goto("/datasets");
  await page.getByTestId("upload-input").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.waitForURL(/\/datasets\/[^/]+\/schema/, { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
}

test("a Windows-1252 export is read with a warning; a misread Windows-1250 export is re-read in the encoding chosen, labels previewed then fixed", async ({ page }) => {
  const stamp = Date.now().toString(36);
  // Windows-1252 (Latin-1): the guess is right, and the review says it was a guess
  const regions = ["Île-de-France", "Provence-Alpes-Côte d'Azur", "Auvergne-Rhône-Alpes", "Bretagne"];
  await uploadInUi(page, `regions-${stamp}.csv`, Buffer.from(csv("id,Région,Note", regions), "latin1"));
  const panel = page.getByTestId("encoding-panel");
  await expect(panel.getByTestId("encoding-assumed")).toContainText("not valid UTF-8: it was read as Western European (Windows-1252 / Latin-1)");
  await expect(page.locator("main")).toContainText("Provence-Alpes-Côte d'Azur");
  // UTF-8 is no option for these bytes: the preview says so and the re-read stays off
  await panel.getByTestId("encoding-select").selectOption("utf-8");
  await expect(panel.getByTestId("encoding-preview")).toContainText("not valid in this encoding");
  await expect(panel.getByTestId("encoding-apply")).toBeDisabled();

  // Windows-1250 (Polish): guessed as Windows-1252, its labels come out wrong
  const cities = ["Łódź", "Kraków", "Gdańsk", "Wrocław", "Poznań"];
  await uploadInUi(page, `miasta-${stamp}.csv`, win1250(csv("id,Miasto,Ocena", cities)));
  await expect(page.getByTestId("encoding-assumed")).toContainText("read as Western European (Windows-1252 / Latin-1)");
  await expect(page.locator("main")).toContainText("Wroc³aw");
  await page.getByTestId("encoding-select").selectOption("windows-1250");
  const preview = page.getByTestId("encoding-preview");
  await expect(preview.getByRole("row").filter({ hasText: "Wroc³aw" })).toContainText("Wrocław");
  await expect(preview.getByRole("row").filter({ hasText: "£ódŸ" })).toContainText("Łódź");
  await page.getByTestId("encoding-apply").click();
  await expect(page.getByTestId("encoding-status")).toContainText("Re-read as Central European (Windows-1250): version 2");
  await expect(page.getByTestId("encoding-assumed")).toContainText("This file was read as Central European (Windows-1250)");
  for (const city of cities) await expect(page.locator("main")).toContainText(city);
  await expect(page.locator("main")).not.toContainText("Wroc³aw");
  await expect(page.getByText(/Version 2/).first()).toBeVisible();
});
