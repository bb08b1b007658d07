import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { netMustHide, secondaryHides } from "./banner-protect";

const rules = { k: 5, sensitive: false };

describe("protection across the rows of a banner column", () => {
  test("a hidden option that base − shown options would reveal gets company", () => {
    expect(secondaryHides(23, [{ count: 3, hidden: true }, { count: 10, hidden: false }, { count: 10, hidden: false }], rules)).toEqual([1]);
    expect(secondaryHides(30, [{ count: 10, hidden: true }, { count: 10, hidden: false }, { count: 10, hidden: false }], rules)).toEqual([]);
    expect(secondaryHides(null, [{ count: 3, hidden: true }], rules)).toEqual([]);
  });

  test("NETs hide when an option they add is hidden", () => {
    expect(netMustHide(["4", "5"], new Set(["5"]))).toBe(true);
    expect(netMustHide(["4", "5"], new Set(["1"]))).toBe(false);
  });

  test("property: after hiding, the hidden options together are never 1..k−1", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 3, max: 10 }), fc.boolean(), (counts, k, sensitive) => {
        const base = counts.reduce((a, b) => a + b, 0);
        const small = (x: number) => x < k && (x > 0 || sensitive);
        const cells = counts.map((c) => ({ count: c, hidden: small(c) || small(base - c) }));
        const extra = new Set(secondaryHides(base, cells, { k, sensitive }));
        const hidden = cells.map((c, i) => c.hidden || extra.has(i));
        if (!hidden.some(Boolean)) return;
        const residual = base - counts.reduce((s, c, i) => s + (hidden[i] ? 0 : c), 0);
        if (hidden.every(Boolean)) return; // all hidden: only the base is known
        expect(small(residual) && !(residual === 0 && !sensitive)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
