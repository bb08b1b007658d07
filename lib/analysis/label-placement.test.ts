import { describe, expect, it } from "vitest";
import { crosses, labelWidth, placeValueLabel } from "./label-placement";

const base = { barStart: 0, barEnd: 200, whiskerEnd: 210, width: 36, right: 320 };

describe("placeValueLabel", () => {
  it("keeps the label past the whisker when no line is near", () => {
    expect(placeValueLabel({ ...base, lines: [100, 300] })).toEqual({ x: 216, anchor: "start", inside: false });
  });

  it("moves it right of a line it would sit on", () => {
    const p = placeValueLabel({ ...base, lines: [230] });
    expect(p).toEqual({ x: 235, anchor: "start", inside: false });
    expect(crosses(p.x, base.width, [230])).toEqual([]);
  });

  it("steps past two close lines (Sinch 74% and 81%)", () => {
    const p = placeValueLabel({ ...base, lines: [222, 240] });
    expect(p.x).toBe(245);
    expect(crosses(p.x, base.width, [222, 240])).toEqual([]);
  });

  it("goes inside the bar when the room to the right is gone (a phone)", () => {
    const p = placeValueLabel({ ...base, lines: [230], right: 250 });
    expect(p).toEqual({ x: 194, anchor: "end", inside: true });
  });

  it("never lands on a line, whatever the geometry", () => {
    for (let end = 40; end < 300; end += 7) {
      for (const line of [end - 3, end + 8, end + 20, end + 35]) {
        const g = { barStart: 0, barEnd: end, whiskerEnd: end + 5, width: labelWidth("80.7%"), lines: [line], right: 330 };
        const p = placeValueLabel(g);
        const left = p.anchor === "start" ? p.x : p.x - g.width;
        const ok = crosses(left, g.width, [line]).length === 0 || (p.x === g.whiskerEnd + 6 && !p.inside);
        expect(ok, JSON.stringify({ g, p })).toBe(true);
      }
    }
  });
});
