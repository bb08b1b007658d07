import { describe, expect, it } from "vitest";
import { deckToPdf, pdfFontsAvailable } from "./pdf";
import type { Deck } from "./pptx";

const deck: Deck = {
  title: "Exec summary",
  slides: [
    { title: "Exec summary", baseNote: "2 charts", source: "Demo" },
    {
      title: "Rollback by maturity",
      takeaway: "74.1% overall",
      chart: { kind: "bar", categories: ["Total", "Basic", "ישראל"], series: [{ name: "Yes", values: [74.1, 62.1, null] }], unit: "%", max: 100, references: [{ value: 74, label: "Sinch 74%" }], totals: ["Total"] },
      baseNote: "Base: n = 300",
      source: "Demo, version 1",
    },
    {
      title: "Every answer",
      table: { rows: [[{ text: "Answer", bold: true }, { text: "Total" }], [{ text: "Yes" }, { text: "< 5" }]] },
      baseNote: "Base",
      source: "Demo",
    },
    {
      title: "Agree by region",
      chart: { kind: "diverging", categories: ["North"], series: [{ name: "Disagree", values: [-20] }, { name: "Agree", values: [60] }], unit: "%", min: -100, max: 100 },
      baseNote: "Base",
      source: "Demo",
    },
  ],
};

describe("deckToPdf", () => {
  it("one 16:9 page per slide, fonts embedded with a Unicode map, no active content", async () => {
    expect(pdfFontsAvailable()).toBe(true);
    const pdf = await deckToPdf(deck);
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(4);
    expect(text).toMatch(/\/MediaBox \[0 0 720 405(\.0+)?\]/);
    expect(text).toContain("/FontFile2");
    expect(text).toContain("/ToUnicode");
    expect(text).not.toMatch(/\/JavaScript|\/JS\b|\/OpenAction|\/Launch|\/URI/);
  });

  it("an empty deck is still a valid one-page document", async () => {
    const pdf = (await deckToPdf({ title: "Empty", slides: [] })).toString("latin1");
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});
