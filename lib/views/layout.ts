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
