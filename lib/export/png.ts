/**
 * Chart → PNG on the server by rasterising the SVG from {@link chartToSvg} (no canvas, so nothing can
 * be tainted and the PNG carries no active content). Uses `sharp` (librsvg) when it is installed: it
 * ships with Next.js as an optional dependency, so it is loaded lazily and its absence is reported,
 * not crashed on at import time.
 */

/** Thrown when no rasteriser is available on this server. */
export class PngUnavailableError extends Error {
  constructor(cause: unknown) {
    super("PNG export needs the optional `sharp` package on the server.", { cause });
    this.name = "PngUnavailableError";
  }
}

type SharpFactory = (input: Buffer, options?: { density?: number }) => { png(): { toBuffer(): Promise<Buffer> } };

async function loadSharp(): Promise<SharpFactory> {
  try {
    const mod: { default?: unknown } = await import("sharp");
    return (mod.default ?? mod) as SharpFactory;
  } catch (e) {
    throw new PngUnavailableError(e);
  }
}

/**
 * Rasterise an SVG document to PNG. `scale` 2 gives a crisp image on slides and retina screens.
 * @example
 * const png = await svgToPng(chartToSvg(spec), { scale: 2 });
 */
export async function svgToPng(svg: string, options: { scale?: number } = {}): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg, "utf8"), { density: 72 * (options.scale ?? 2) }).png().toBuffer();
}

/**
 * Width and height of a PNG from its IHDR chunk, or null if the bytes are not a PNG.
 * @example pngSize(await svgToPng(svg)) // { width: 1440, height: 424 }
 */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
