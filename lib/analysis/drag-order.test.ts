import { describe, expect, test } from "vitest";
import { insertionIndex, movedTo } from "./drag-order";

const row = (y: number, ...xs: number[]) => xs.map((left) => ({ left, top: y, width: 40, height: 20 }));

describe("drag order", () => {
  test("moving to an insertion index", () => {
    expect(movedTo(["a", "b", "c", "d"], 0, 4)).toEqual(["b", "c", "d", "a"]);
    expect(movedTo(["a", "b", "c", "d"], 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(movedTo(["a", "b", "c", "d"], 1, 3)).toEqual(["a", "c", "b", "d"]);
    // dropped where it was: no change
    expect(movedTo(["a", "b", "c"], 1, 1)).toBeNull();
    expect(movedTo(["a", "b", "c"], 1, 2)).toBeNull();
    expect(movedTo(["a", "b"], 5, 0)).toBeNull();
  });

  test("the insertion index under the pointer: before or after the nearest item, on its line", () => {
    const boxes = [...row(0, 0, 50, 100), ...row(30, 0, 50)];
    expect(insertionIndex({ x: 5, y: 10 }, boxes)).toBe(0);
    expect(insertionIndex({ x: 35, y: 10 }, boxes)).toBe(1);
    expect(insertionIndex({ x: 130, y: 10 }, boxes)).toBe(3);
    // second line: before its first item, after its last
    expect(insertionIndex({ x: 2, y: 40 }, boxes)).toBe(3);
    expect(insertionIndex({ x: 200, y: 40 }, boxes)).toBe(5);
    expect(insertionIndex({ x: 0, y: 0 }, [])).toBe(0);
  });
});
