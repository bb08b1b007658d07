import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BENCHMARK_COLOR, LEVEL_COLORS, SERIES_COLORS, TOTAL_COLOR, divergingColor } from "@/components/charts/chart-config";
import { BENCHMARK_HEX, CHART_HEX, DIVERGING_HEX, LEVEL_HEX, TOTAL_HEX, divergingHex, pptxColor } from "./palette";

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$|test-fixtures/.test(e.name) ? [rel] : [];
  });
}

// "#2971c6", "#fff", and the pptx/xlsx forms "0F172A" / "FF475569"
const COLOUR_LITERAL = /["'`]#[0-9a-fA-F]{3,8}["'`]|["'`](?:FF)?[0-9A-F]{6}["'`]/;

describe("one chart palette (lib/format/palette.ts)", () => {
  it("is the only place with colour literals in the screen charts and every export", () => {
    const files = [...sources("components/charts"), ...sources("components/insights"), ...sources("lib/export")];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (COLOUR_LITERAL.test(line) && !/^\s*(\*|\/\/)/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it("is what the screen's chart config hands to recharts", () => {
    expect(SERIES_COLORS[0]).toBe(CHART_HEX[1]);
    expect(LEVEL_COLORS).toEqual(LEVEL_HEX);
    expect(TOTAL_COLOR).toBe(TOTAL_HEX);
    expect(BENCHMARK_COLOR).toBe(BENCHMARK_HEX);
    expect(divergingColor("neg", 0.3)).toBe(divergingHex("neg", 0.3));
  });

  it("is repeated exactly by the theme variables of app/globals.css", () => {
    const css = fs.readFileSync(path.join(ROOT, "app", "globals.css"), "utf8");
    const variable = (name: string) => new RegExp(`--color-${name}:\\s*([^;]+);`).exec(css)?.[1].trim();
    for (const [n, hex] of Object.entries(CHART_HEX)) expect(variable(`chart-${n}`)).toBe(hex);
    for (const [side, hex] of Object.entries(DIVERGING_HEX)) expect(variable(`diverging-${side}`)).toBe(hex);
    expect(variable("benchmark")).toBe(BENCHMARK_HEX);
  });

  it("mixes diverging shades the same way everywhere", () => {
    expect(divergingHex("pos", 1)).toBe(DIVERGING_HEX.pos);
    expect(divergingHex("mid", 0.7)).toBe(DIVERGING_HEX.mid);
    expect(divergingHex("neg", 0)).toMatch(/^#[0-9a-f]{6}$/);
    expect(pptxColor("#0f172a")).toBe("0F172A");
  });
});
