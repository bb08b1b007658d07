/**
 * Chart → SVG on the server: a horizontal bar chart with CI whiskers, assembled as an element tree
 * and serialised in one place, with every text and attribute XML-escaped and an allow-list of
 * elements and attributes enforced at serialisation. No `<script>`, no `on*` attributes, no `href`,
 * no `foreignObject`, no external resources (research/reliability.md C28). The same SVG goes into
 * PPTX decks.
 */
import { escapeXml } from "./escape";
import { isolate } from "@/lib/format/bidi";
import { CHART_HEX, INK, TOTAL_HEX } from "@/lib/format/palette";

/** One bar on the display scale (percent points for shares). `ChartDatum` from lib/analysis/chart-data fits. */
export interface SvgBarDatum {
  label: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** formatted by lib/format/number, e.g. "74.1%" */
  valueText: string;
  isTotal?: boolean;
  lowBase?: boolean;
  /** column group heading drawn above the first bar of each group (banner charts) */
  group?: string | null;
}

export interface ChartSvgSpec {
  title?: string;
  data: SvgBarDatum[];
  /** axis maximum on the display scale (100 for percentages); default: a nice value above the data */
  max?: number;
  /** tick suffix, e.g. "%" */
  unit?: string;
  /** total width in px (default 720) */
  width?: number;
  /** footnote lines under the chart (e.g. the base), wrapped to the width */
  notes?: string[];
}

type Attr = string | number;
interface SvgNode {
  name: string;
  attrs: Record<string, Attr>;
  children: (SvgNode | string)[];
}

/** Elements and attributes the serialiser will write; anything else throws. */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set(["svg", "g", "rect", "line", "text", "title", "desc"]);
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  "xmlns", "width", "height", "viewBox", "role", "aria-label", "x", "y", "x1", "y1", "x2", "y2",
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "font-family", "font-size",
  "font-weight", "text-anchor", "dominant-baseline",
]);

function el(name: string, attrs: Record<string, Attr>, children: (SvgNode | string)[] = []): SvgNode {
  return { name, attrs, children };
}

function serialize(node: SvgNode | string): string {
  if (typeof node === "string") return escapeXml(node);
  if (!SVG_ELEMENTS.has(node.name)) throw new Error(`SVG element not allowed: ${node.name}`);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => {
      if (!SVG_ATTRIBUTES.has(k)) throw new Error(`SVG attribute not allowed: ${k}`);
      const value = typeof v === "number" ? String(Math.round(v * 100) / 100) : v;
      return ` ${k}="${escapeXml(value)}"`;
    })
    .join("");
  return node.children.length ? `<${node.name}${attrs}>${node.children.map(serialize).join("")}</${node.name}>` : `<${node.name}${attrs}/>`;
}

/**
 * Shorten a label for display (full text stays in the element's `<title>`). Every user-supplied
 * text in the SVG is wrapped in bidi isolates (`isolate`, C26): SVG has no `<bdi>`, and an RLO in a
 * label must not reorder the value or the title next to it.
 */
function clip(label: string, max = 32): string {
  const chars = Array.from(label.replace(/\s+/g, " "));
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/** Break a note into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").split(" ")) {
    if (line && Array.from(line).length + 1 + Array.from(word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, clip(line, max)] : lines;
}

/** A column group's heading row: bold muted text on a white band, so grid lines do not run through it. */
function groupHeading(label: string, x: number, y: number, W: number): SvgNode {
  const text = clip(label, 90);
  const width = Math.min(W - 2 * x, Array.from(text).length * 6.6 + 8);
  return el("g", {}, [
    el("rect", { x: x - 4, y: y + 3, width, height: 16, fill: INK.background }),
    el("text", { x, y: y + 14, "font-size": 11, "font-weight": "bold", fill: COLORS.muted }, [isolate(text)]),
  ]);
}

/** The title as up to two bold lines (the full title stays in the root `<title>`), and the height it takes. */
function titleBlock(title: string | undefined, W: number, pad: number): { nodes: SvgNode[]; height: number } {
  if (!title) return { nodes: [], height: 16 };
  const lines = wrap(title, Math.floor((W - 2 * pad) / 9));
  const shown = lines.length > 2 ? [lines[0], clip(`${lines[1]} …`, Math.floor((W - 2 * pad) / 9))] : lines;
  const nodes = shown.map((line, i) => el("text", { x: pad, y: 28 + i * 20, "font-size": 16, "font-weight": "bold", fill: COLORS.text }, [isolate(line)]));
  return { nodes, height: 48 + (shown.length - 1) * 20 };
}

function niceStep(range: number): number {
  const raw = range / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
}

const finite = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);
/** A standalone chart document: an accessible `<svg>` (title from the chart's, bidi-isolated) on a white page. */
function svgDocument(W: number, H: number, title: string | undefined, children: SvgNode[]): string {
  const name = title ? isolate(title) : "Chart";
  const root = el(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": name, "font-family": FONT },
    [el("title", {}, [name]), el("rect", { x: 0, y: 0, width: W, height: H, fill: INK.background }), ...children],
  );
  return `<?xml version="1.0" encoding="UTF-8"?>${serialize(root)}`;
}

const COLORS = { bar: CHART_HEX[1], total: TOTAL_HEX, whisker: INK.whisker, grid: INK.grid, text: INK.text, muted: INK.muted };
const FONT = "Arial, Helvetica, sans-serif";

/**
 * Build the chart as an SVG document string.
 * @example
 * chartToSvg({ title: "Satisfied by region", unit: "%", max: 100, data: toChartData(rows, "proportion") })
 * // '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" …'
 */
export function chartToSvg(spec: ChartSvgSpec): string {
  const W = spec.width ?? 720;
  const pad = 16;
  const labelW = 200;
  const valueW = 80;
  const rowH = 28;
  const heading = titleBlock(spec.title, W, pad);
  const top = spec.title ? heading.height : 16;
  const x0 = pad + labelW;
  const x1 = W - pad - valueW;
  const numbers = spec.data.flatMap((d) => [d.value, d.lo, d.hi]).filter(finite);
  const dMin = Math.min(0, ...numbers);
  const dataMax = Math.max(0, ...numbers);
  const step = niceStep((spec.max ?? dataMax) - dMin || 1);
  const dMax = spec.max ?? Math.max(step, Math.ceil(dataMax / step) * step);
  const sx = (v: number) => x0 + ((Math.min(Math.max(v, dMin), dMax) - dMin) / (dMax - dMin || 1)) * (x1 - x0);
  // rows, with a heading row before each new column group
  const groupRows: SvgNode[] = [];
  let y = top;
  const ys = spec.data.map((d, i) => {
    if (d.group && d.group !== spec.data[i - 1]?.group) {
      groupRows.push(groupHeading(d.group, pad, y, W));
      y += 20;
    }
    y += rowH;
    return y - rowH / 2;
  });
  const plotBottom = y;
  const notes = (spec.notes ?? []).flatMap((n) => wrap(n, Math.floor((W - 2 * pad) / 5.6)));
  const H = plotBottom + 44 + notes.length * 14;

  const ticks: SvgNode[] = [];
  for (let t = Math.ceil(dMin / step) * step; t <= dMax + 1e-9; t += step) {
    const x = sx(t);
    ticks.push(el("line", { x1: x, y1: top - 4, x2: x, y2: plotBottom, stroke: COLORS.grid, "stroke-width": 1 }));
    const tick = `${Math.round(t * 100) / 100}${spec.unit ?? ""}`;
    ticks.push(el("text", { x, y: plotBottom + 16, "text-anchor": "middle", "font-size": 11, fill: COLORS.muted }, [tick]));
  }

  const bars = spec.data.map((d, i) => {
    const cy = ys[i];
    const parts: SvgNode[] = [
      el("title", {}, [`${isolate(d.label)}: ${d.valueText}${d.lowBase ? " (low base)" : ""}`]),
      el("text", { x: x0 - 8, y: cy, "text-anchor": "end", "dominant-baseline": "middle", "font-size": 12, fill: COLORS.text, ...(d.isTotal ? { "font-weight": "bold" } : {}) }, [isolate(clip(d.label))]),
    ];
    if (finite(d.value)) {
      const a = sx(Math.min(0, d.value));
      const b = sx(Math.max(0, d.value));
      parts.push(el("rect", { x: a, y: cy - 8, width: Math.max(0, b - a), height: 16, fill: d.isTotal ? COLORS.total : COLORS.bar, "fill-opacity": d.lowBase ? 0.45 : 1 }));
    }
    if (finite(d.lo) && finite(d.hi)) {
      const [lx, hx] = [sx(d.lo), sx(d.hi)];
      parts.push(el("line", { x1: lx, y1: cy, x2: hx, y2: cy, stroke: COLORS.whisker, "stroke-width": 1.5 }));
      parts.push(el("line", { x1: lx, y1: cy - 5, x2: lx, y2: cy + 5, stroke: COLORS.whisker, "stroke-width": 1.5 }));
      parts.push(el("line", { x1: hx, y1: cy - 5, x2: hx, y2: cy + 5, stroke: COLORS.whisker, "stroke-width": 1.5 }));
    }
    parts.push(el("text", { x: W - pad, y: cy, "text-anchor": "end", "dominant-baseline": "middle", "font-size": 12, fill: COLORS.text }, [d.valueText]));
    return el("g", {}, parts);
  });

  const legend = `Whiskers: confidence interval${spec.data.some((d) => d.lowBase) ? " · pale bars: low base, read with caution" : ""}`;
  const footer = [legend, ...notes].map((n, i) => el("text", { x: pad, y: plotBottom + 36 + i * 14, "font-size": 10, fill: COLORS.muted }, [i ? isolate(n) : n]));

  return svgDocument(W, H, spec.title, [
    ...heading.nodes,
    el("g", {}, ticks),
    el("line", { x1: sx(0), y1: top - 4, x2: sx(0), y2: plotBottom, stroke: COLORS.muted, "stroke-width": 1 }),
    ...groupRows,
    ...bars,
    ...footer,
  ]);
}

/**
 * Pixel size of an SVG produced by {@link chartToSvg} (from its root `width`/`height`).
 * @example svgSize(chartToSvg(spec)) // { width: 720, height: 212 }
 */
export function svgSize(svg: string): { width: number; height: number } | null {
  const m = /<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/**
 * Building blocks for the other allow-listed chart builders (./banner-svg): they assemble element
 * trees with `el` and serialise them here, so the allow-list and escaping stay in one place.
 * @example svgParts.serialize(svgParts.el("text", { x: 0, y: 0 }, ["a < b"])) // '<text x="0" y="0">a &lt; b</text>'
 */
export const svgParts = { el, serialize, svgDocument, wrap, clip, titleBlock, groupHeading, finite, COLORS };
export type { SvgNode };
