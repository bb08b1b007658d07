/**
 * Drag-and-drop ordering of answers (review): where a dragged item lands among the others, and
 * the order that gives. Pure, so the pointer handling stays thin.
 */

/** A box on screen (getBoundingClientRect). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The insertion index (0…n) for a pointer over a wrapped row of items: before the nearest item
 * when the pointer is left of its centre, after it otherwise.
 * @example insertionIndex({ x: 5, y: 10 }, [{ left: 0, top: 0, width: 40, height: 20 }, { left: 50, top: 0, width: 40, height: 20 }]) // 0
 */
export function insertionIndex(pointer: { x: number; y: number }, boxes: readonly Box[]): number {
  if (!boxes.length) return 0;
  let best = 0;
  let bestDist = Infinity;
  boxes.forEach((b, i) => {
    const dx = Math.max(b.left - pointer.x, 0, pointer.x - (b.left + b.width));
    const dy = Math.max(b.top - pointer.y, 0, pointer.y - (b.top + b.height));
    const d = dx * dx + dy * dy * 100; // the line counts before the column: a wrapped list reads by line
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  });
  const b = boxes[best];
  return pointer.x < b.left + b.width / 2 ? best : best + 1;
}

/**
 * The order after moving item `from` to insertion index `to` (as `insertionIndex` gives it); null
 * when that leaves the order as it was.
 * @example movedTo(["a", "b", "c"], 0, 3) // ["b", "c", "a"]
 * @example movedTo(["a", "b", "c"], 1, 1) // null
 */
export function movedTo<T>(items: readonly T[], from: number, to: number): T[] | null {
  if (from < 0 || from >= items.length || to < 0 || to > items.length || to === from || to === from + 1) return null;
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to > from ? to - 1 : to, 0, item);
  return out;
}
