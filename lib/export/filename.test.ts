import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentDisposition, safeUnicodeBasename } from "./filename";

const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}/\\]/u;
const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\uFEFF", "\u00AD", "\u2028", "\u0000", "\r", "\n", "\u007F", "\u0085", "\uD800"];

/** The UTF-8 name a browser shows from `filename*=UTF-8''…`. */
function utf8NameOf(header: string): string {
  const m = /filename\*=UTF-8''(.*)$/.exec(header);
  return decodeURIComponent(m![1]);
}

describe("contentDisposition: download names", () => {
  it("strips bidi overrides, isolates and marks from filename* (report<RLO>fdp.exe)", () => {
    const header = contentDisposition("report\u202Efdp.exe", "csv");
    expect(utf8NameOf(header)).toBe("report fdp.exe.csv");
    expect(utf8NameOf(contentDisposition("\u2067Umfrage\u2069 ä\u200F", "xlsx"))).toBe("Umfrage ä.xlsx");
  });

  it("keeps ordinary Unicode names intact", () => {
    expect(utf8NameOf(contentDisposition("Enquête 2026 — 日本", "pptx"))).toBe("Enquête 2026 — 日本.pptx");
  });

  it("never lets a control, format or separator character through, whatever the name (property)", () => {
    const name = fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom(...BIDI), fc.constantFrom("..", "/", "\\", "ä", "日本", "\"", ";", " ")), { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(name, fc.constantFrom("csv", "xlsx", "svg", "png", "pptx"), (n, ext) => {
        const header = contentDisposition(n, ext);
        // one header line, a quoted ASCII fallback without quotes inside
        expect(header).not.toMatch(/[\r\n\u0000]/);
        expect(header).toMatch(/^attachment; filename="[A-Za-z0-9 ._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
        const shown = utf8NameOf(header);
        expect(shown).not.toMatch(FORBIDDEN);
        expect(shown.endsWith(`.${ext}`)).toBe(true);
        expect(shown.startsWith(".")).toBe(false);
        expect(safeUnicodeBasename(n)).toBe(safeUnicodeBasename(safeUnicodeBasename(n)));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
