import { describe, expect, it } from "vitest";
import { isolate, stripControls, unisolate } from "./bidi";

describe("isolate", () => {
  it("wraps text in first-strong isolate marks and round-trips", () => {
    const evil = "\u202Egnp.exe";
    expect(isolate(evil)).toBe("\u2068\u202Egnp.exe\u2069");
    expect(unisolate(isolate(evil))).toBe(evil);
  });
});

describe("stripControls", () => {
  it("removes bidi overrides, embeddings, isolates and marks without adding any", () => {
    const all = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(stripControls(`${all}gnp.exe${all}`)).toBe("gnp.exe");
    expect(stripControls(isolate("\u202Eevil"))).toBe("evil");
    expect(stripControls("\u05E9\u05DC\u05D5\u05DD")).toBe("\u05E9\u05DC\u05D5\u05DD"); // Hebrew stays as it is
  });

  it("removes other C0/C1 and format controls but keeps tab and line breaks", () => {
    expect(stripControls("a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg")).toBe("abcdefg");
    expect(stripControls("zero\u200Bwidth\u2060join\u00ADsoft\uFEFFbom\uFFF9x\u{E0041}y")).toBe("zerowidthjoinsoftbomxy");
    expect(stripControls("a\tb\nc\r\nd")).toBe("a\tb\nc\r\nd");
  });

  it("keeps the joiners and marks that change how visible text renders", () => {
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
    const persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
    const england = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    const arabicNumberSign = "\u0600\u0661\u0662";
    for (const s of [family, persian, england, arabicNumberSign]) expect(stripControls(s)).toBe(s);
  });
});
