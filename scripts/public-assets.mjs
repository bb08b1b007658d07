// Regenerates public/favicon.ico (16, 32 and 48 px PNG entries from app/icon.svg) and public/og.png
// (the 1200×630 social image) with sharp. Run: node scripts/public-assets.mjs
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = (name) => path.join(ROOT, "public", name);
const icon = fs.readFileSync(path.join(ROOT, "app", "icon.svg"));

/** An ICO file whose images are PNGs (Windows Vista+, every current browser). */
function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // palette colours
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

const sizes = [16, 32, 48];
const pngs = await Promise.all(sizes.map(async (size) => ({ size, data: await sharp(icon, { density: 72 * (size / 32) * 4 }).resize(size, size).png().toBuffer() })));
fs.writeFileSync(out("favicon.ico"), ico(pngs));

// The social image: the icon's bars beside the name and what the product does, in the app's accent.
const ACCENT = "#2563eb";
const INK = "#0f172a";
const NOTE = "#475569";
const og = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#f8fafc"/>
  <rect x="0" y="0" width="1200" height="12" fill="${ACCENT}"/>
  <g transform="translate(96 170)">
    <rect width="192" height="192" rx="36" fill="${ACCENT}"/>
    <rect x="42" y="96" width="24" height="54" fill="#fff"/>
    <rect x="84" y="60" width="24" height="90" fill="#fff"/>
    <rect x="126" y="36" width="24" height="114" fill="#fff"/>
  </g>
  <text x="336" y="262" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="84" font-weight="bold" fill="${INK}">Surveyscope</text>
  <text x="340" y="330" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="34" fill="${NOTE}">Survey analytics with defensible statistics</text>
  <text x="96" y="500" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="28" fill="${NOTE}">Weighted breakdowns · confidence intervals · significance tests</text>
</svg>`;
await sharp(Buffer.from(og)).png({ compressionLevel: 9 }).toFile(out("og.png"));
console.log("wrote public/favicon.ico and public/og.png");
