/**
 * public/ (issue 19: "a public/ folder (favicon, robots.txt, social image)"): a valid ICO, a
 * 1200×630 social image wired into the root layout's metadata, and a robots.txt that keeps this
 * private app out of search engines. Regenerate the images with `node scripts/public-assets.mjs`.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const PUBLIC = path.join(process.cwd(), "public");
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("public/", () => {
  it("favicon.ico is an ICO whose entries are square PNGs of the sizes they declare", () => {
    const ico = fs.readFileSync(path.join(PUBLIC, "favicon.ico"));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBeGreaterThanOrEqual(2);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const declared = ico.readUInt8(e) || 256;
      const [bytes, offset] = [ico.readUInt32LE(e + 8), ico.readUInt32LE(e + 12)];
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + bytes))).toEqual({ width: declared, height: declared });
      sizes.push(declared);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32]));
  });

  it("og.png is a 1200×630 PNG named by the root layout's Open Graph metadata", () => {
    expect(pngSize(fs.readFileSync(path.join(PUBLIC, "og.png")))).toEqual({ width: 1200, height: 630 });
    const layout = fs.readFileSync(path.join(process.cwd(), "app", "layout.tsx"), "utf8");
    expect(layout).toMatch(/openGraph:[\s\S]*url: "\/og\.png", width: 1200, height: 630/);
  });

  it("robots.txt disallows everything", () => {
    const robots = fs.readFileSync(path.join(PUBLIC, "robots.txt"), "utf8");
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/$/m);
    expect(robots).not.toMatch(/^Allow:/m);
  });
});
