/**
 * Where a bar's value label goes so it never sits on a reference (benchmark) line: just past the
 * interval's whisker when that is clear; else just right of the line(s) it would cross; else inside
 * the bar's end; else left of the first line it would cross. Pixel geometry only (pure, testable).
 */

export interface LabelGeometry {
  /** pixel x where the bar ends (its value) */
  barEnd: number;
  /** pixel x where the bar starts (zero) */
  barStart: number;
  /** pixel x of the upper whisker (the interval's end), or barEnd without one */
  whiskerEnd: number;
  /** estimated label width in pixels */
  width: number;
  /** pixel x of every reference line */
  lines: number[];
  /** right edge the label may reach (the plot plus the right margin) */
  right: number;
  /** clearance kept from a line and from the whisker, default 4 */
  gap?: number;
}

export interface LabelPlacement {
  x: number;
  anchor: "start" | "end";
  /** drawn inside the bar (white text) */
  inside: boolean;
}

const GAP = 4;

/** Whether [x, x + w] comes within `gap` of a line. */
export function crosses(x: number, w: number, lines: readonly number[], gap = GAP): number[] {
  return lines.filter((l) => l >= x - gap && l <= x + w + gap);
}

/**
 * @example
 * placeValueLabel({ barStart: 0, barEnd: 200, whiskerEnd: 210, width: 36, lines: [230], right: 320 })
 * // { x: 235, anchor: "start", inside: false } — moved right of the 230 px line
 */
export function placeValueLabel(g: LabelGeometry): LabelPlacement {
  const gap = g.gap ?? GAP;
  const lines = [...g.lines].sort((a, b) => a - b);
  let x = g.whiskerEnd + 6;
  // step right past each line the label would sit on
  for (let i = 0; i < lines.length + 1; i++) {
    const hit = crosses(x, g.width, lines, gap);
    if (!hit.length) break;
    x = Math.max(...hit) + gap + 1;
  }
  if (!crosses(x, g.width, lines, gap).length && x + g.width <= g.right) return { x, anchor: "start", inside: false };
  // inside the bar's end, when the bar is long enough and no line runs through that part
  const insideStart = g.barEnd - 6 - g.width;
  if (insideStart >= g.barStart + 2 && !crosses(insideStart, g.width, lines, gap).length) return { x: g.barEnd - 6, anchor: "end", inside: true };
  // last resort: just left of the first line past the whisker, or past the whisker as before
  const first = lines.find((l) => l > g.whiskerEnd);
  if (first !== undefined && first - gap - g.width > g.barEnd) return { x: first - gap, anchor: "end", inside: false };
  return { x: g.whiskerEnd + 6, anchor: "start", inside: false };
}

/** Label width estimate at 12 px: about 7 px per character (digits and % are wide). */
export const labelWidth = (text: string) => Array.from(text).length * 7;
