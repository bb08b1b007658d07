import { describe, expect, test } from "vitest";
import { ENCODING_CHOICES, encodeAs, previewLabels, relabel } from "./encodings";

describe("encoding choice preview", () => {
  test("every offered encoding is one the decoder knows", () => {
    for (const e of ENCODING_CHOICES) expect(new TextDecoder(e.id).encoding).toBe(e.id);
  });

  test("a label read as Windows-1252 that was UTF-8 shows its real text, and the other way round", () => {
    // "Café" in UTF-8 (C3 A9) read as Windows-1252 is "CafÃ©"
    expect(relabel("CafÃ©", "windows-1252", "utf-8")).toBe("Café");
    expect(relabel("Café", "utf-8", "windows-1252")).toBe("CafÃ©");
    // a lone 0xE9 is no UTF-8
    expect(relabel("Café", "windows-1252", "utf-8")).toBeNull();
    // same encoding: unchanged; curly quotes and the euro sign survive the round trip
    expect(relabel("“Très” 5 €", "windows-1252", "windows-1252")).toBe("“Très” 5 €");
    // Windows-1252 bytes of Cyrillic text read as Windows-1251
    expect(relabel("Ïðèâåò", "windows-1252", "windows-1251")).toBe("Привет");
  });

  test("the bytes behind a label", () => {
    expect([...encodeAs("é", "windows-1252")!]).toEqual([0xe9]);
    expect([...encodeAs("é", "utf-16le")!]).toEqual([0xe9, 0]);
    expect([...encodeAs("é", "utf-16be")!]).toEqual([0, 0xe9]);
    expect(encodeAs("Привет", "windows-1252")).toBeNull();
    expect(encodeAs("x", "shift_jis")).toBeNull();
  });

  test("only labels another encoding would change are previewed", () => {
    expect(previewLabels(["Age", "Café", "Café", "Région"])).toEqual(["Café", "Région"]);
  });
});
