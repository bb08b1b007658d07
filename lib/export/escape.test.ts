import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, csvRecord, csvTextField, escapeXml, neutralizeFormula, neutralizeNumericText, restoreFormulaText, sanitizeSheetName } from "./escape";
import { contentDisposition, safeAsciiFilename } from "./filename";
import { UNSAFE_CELL, hostileStrings } from "./export.fixtures";

const parseOne = (field: string): string => {
  const p = Papa.parse<string[]>(`${field},END`, { header: false, delimiter: "," });
  expect(p.errors).toEqual([]);
  expect(p.data[0]).toHaveLength(2);
  return p.data[0][0];
};

describe("neutralizeFormula (C7)", () => {
  const { formulas, xss } = hostileStrings();

  it("prefixes every hostile cell of formula-injection.csv and leaves plain text alone", () => {
    expect(formulas).toHaveLength(15);
    for (const s of formulas) {
      const out = neutralizeFormula(s);
      if (s === "plain text") expect(out).toBe(s);
      else expect(out, JSON.stringify(s)).toBe(`'${s}`);
    }
  });

  it("covers the variants C7 lists", () => {
    for (const s of ["=1", "+1", "-1", "@x", "\t=1", "\r=1", " =1", "|cmd", "%x%", '""=1', "=1+2\nline", "\0x", "＝1+2", "\n=1", "\u00a0=1"]) {
      expect(neutralizeFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    }
    for (const s of ["abc", "1,234", "74.1%", "", "'quoted", "a=b"]) expect(neutralizeFormula(s)).toBe(s);
  });

  it("XSS labels are not formulas and stay verbatim", () => {
    for (const s of xss) expect(neutralizeFormula(s)).toBe(s);
  });

  it("property: after RFC 4180 quoting and unquoting, no text cell is evaluable, and the round trip is exact", () => {
    const triggers = fc.constantFrom("=", "+", "-", "@", "|", "%", "\t", "\r", "\0", " ", '"', "'", "\n", "＝");
    const hostile = fc.tuple(fc.array(triggers, { maxLength: 4 }), fc.string()).map(([a, b]) => a.join("") + b);
    fc.assert(
      fc.property(fc.oneof(fc.string(), hostile), (s) => {
        const cell = parseOne(csvTextField(s));
        expect(UNSAFE_CELL.test(cell)).toBe(false);
        expect(restoreFormulaText(cell)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it("typed numeric text: real numbers stay, anything else is escaped", () => {
    expect(neutralizeNumericText("-12.5")).toBe("-12.5");
    expect(neutralizeNumericText("1e-3")).toBe("1e-3");
    expect(neutralizeNumericText("-2+3")).toBe("'-2+3");
    expect(neutralizeNumericText("-")).toBe("'-");
  });
});

describe("csvField (RFC 4180)", () => {
  it("quotes only when needed and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", go')).toBe('"say ""hi"", go"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
    expect(csvField(" lead")).toBe('" lead"');
    expect(csvField("")).toBe("");
  });

  it("csvRecord: null is empty, numeric columns keep real numbers", () => {
    expect(csvRecord(["a", "=b", null, "-1", "-1"], new Set([3]))).toBe("a,'=b,,-1,'-1");
  });
});

describe("sanitizeSheetName", () => {
  it("removes characters Excel rejects, trims quotes, caps at 31 chars", () => {
    expect(sanitizeSheetName("Q1: [North]/South")).toBe("Q1 North South");
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("x".repeat(40))).toHaveLength(31);
    expect(sanitizeSheetName("History")).toBe("Table");
    expect(sanitizeSheetName("???")).toBe("Table");
    expect(sanitizeSheetName("=1+2")).toBe("=1+2");
  });
});

describe("escapeXml", () => {
  it("escapes markup and replaces characters XML forbids", () => {
    expect(escapeXml(`<a href="javascript:x">&'`)).toBe("&lt;a href=&quot;javascript:x&quot;&gt;&amp;&apos;");
    expect(escapeXml("a\u0000b\ud800c")).toBe("a\ufffdb\ufffdc");
    expect(escapeXml("😀")).toBe("😀");
  });
});

describe("contentDisposition (C8)", () => {
  it("never lets CR/LF, quotes or path segments reach the header", () => {
    const v = contentDisposition('../../a";\r\nSet-Cookie: x', "csv");
    expect(v).not.toMatch(/[\r\n]/);
    expect(v).toMatch(/^attachment; filename="a Set-Cookie x\.csv"; filename\*=UTF-8''/);
    expect(() => new Headers({ "Content-Disposition": v })).not.toThrow();
    expect(contentDisposition("Umfrage ä", "xlsx")).toBe(`attachment; filename="Umfrage a.xlsx"; filename*=UTF-8''Umfrage%20%C3%A4.xlsx`);
    expect(safeAsciiFilename("...", "svg")).toBe("export.svg");
  });
});
