// Take the README screenshots from a running app: BASE=http://localhost:3000 node scripts/screenshots.mjs
import { chromium } from "@playwright/test";

const base = process.env.BASE ?? "http://localhost:3000";
const shots = [
  { path: "/", file: "docs/screenshot-home.png" },
  { path: "/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight", file: "docs/screenshot-analyze.png" },
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
for (const s of shots) {
  await page.goto(base + s.path, { waitUntil: "networkidle" });
  await page.waitForTimeout(500);
  await page.screenshot({ path: s.file });
  console.log("wrote", s.file);
}
await browser.close();
