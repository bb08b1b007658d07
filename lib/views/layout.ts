import type { DashboardTile } from "@/lib/schema/views";

/**
 * Layout edits on a dashboard's tile list (pure; the editor keeps a draft and PUTs it on save).
 * @example moveTile([a, b, c], 2, -1) // [a, c, b]
 */
export function moveTile<T>(tiles: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= tiles.length || to < 0 || to >= tiles.length) return [...tiles];
  const next = [...tiles];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** Toggle or set one tile's width. */
export function setTileSize(tiles: readonly DashboardTile[], index: number, size: DashboardTile["size"]): DashboardTile[] {
  return tiles.map((t, i) => (i === index ? { ...t, size } : t));
}

export function removeTile<T>(tiles: readonly T[], index: number): T[] {
  return tiles.filter((_, i) => i !== index);
}

/** Pin a view at the end (a view already pinned stays where it is). */
export function pinView(tiles: readonly DashboardTile[], viewId: string, size: DashboardTile["size"] = "half"): DashboardTile[] {
  return tiles.some((t) => t.viewId === viewId) ? [...tiles] : [...tiles, { viewId, size }];
}

/**
 * Add a text tile at the end (full width: commentary reads across the page).
 * @example addTextTile([], "Rollbacks are concentrated in mature firms.", "t-0123456789abcdef")[0].text // "Rollbacks are concentrated in mature firms."
 */
export function addTextTile(tiles: readonly DashboardTile[], text: string, id: string): DashboardTile[] {
  return [...tiles, { viewId: id, size: "full", text }];
}

/** Replace one text tile's text. */
export function setTileText(tiles: readonly DashboardTile[], index: number, text: string): DashboardTile[] {
  return tiles.map((t, i) => (i === index && t.text !== undefined ? { ...t, text } : t));
}

/**
 * A fresh text tile id (`t-` and 16 hex digits).
 * @example newTextTileId() // "t-9f2c0b7d41e6a385"
 */
export function newTextTileId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `t-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The name a text tile goes by in controls and the deck ("Text: " and its first words).
 * @example textTileName("Rollbacks are concentrated\nin mature firms") // "Text: Rollbacks are concentrated"
 */
export function textTileName(text: string): string {
  const first = text.trim().split("\n")[0];
  return `Text: ${first.length > 40 ? `${first.slice(0, 39)}…` : first}`;
}
