import { describe, expect, it } from "vitest";
import { moveTile, pinView, removeTile, setTileSize } from "./layout";

const t = (viewId: string, size: "half" | "full" = "half") => ({ viewId, size });

describe("dashboard layout edits", () => {
  it("moves tiles up and down and ignores moves past the ends", () => {
    expect(moveTile(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveTile(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveTile(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveTile(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });

  it("resizes, removes and pins once", () => {
    expect(setTileSize([t("a"), t("b")], 1, "full")).toEqual([t("a"), t("b", "full")]);
    expect(removeTile([t("a"), t("b")], 0)).toEqual([t("b")]);
    expect(pinView([t("a")], "b")).toEqual([t("a"), t("b")]);
    expect(pinView([t("a")], "a")).toEqual([t("a")]);
  });
});

describe("text tiles", () => {
  it("are added full width with a fresh id, edited in place, and named by their first line", async () => {
    const { addTextTile, newTextTileId, setTileText, textTileName } = await import("./layout");
    const { dashboardTileSchema, isTextTile } = await import("@/lib/schema/views");
    const id = newTextTileId();
    expect(id).toMatch(/^t-[a-f0-9]{16}$/);
    expect(newTextTileId()).not.toBe(id);
    const tiles = addTextTile([t("v-0000000000000001")], "Headline\nmore", id);
    expect(tiles[1]).toEqual({ viewId: id, size: "full", text: "Headline\nmore" });
    expect(isTextTile(tiles[1])).toBe(true);
    expect(setTileText(tiles, 1, "Changed")[1].text).toBe("Changed");
    expect(setTileText(tiles, 0, "ignored")[0]).toEqual(tiles[0]);
    expect(textTileName("Headline\nmore")).toBe("Text: Headline");
    expect(dashboardTileSchema.safeParse(tiles[1]).success).toBe(true);
  });

  it("the schema keeps text and chart tiles apart: no text on a view, no text tile without text", async () => {
    const { dashboardTileSchema } = await import("@/lib/schema/views");
    expect(dashboardTileSchema.safeParse({ viewId: "v-0000000000000001", text: "x" }).success).toBe(false);
    expect(dashboardTileSchema.safeParse({ viewId: "t-0000000000000001" }).success).toBe(false);
    expect(dashboardTileSchema.safeParse({ viewId: "t-0000000000000001", text: "   " }).success).toBe(false);
    expect(dashboardTileSchema.safeParse({ viewId: "t-0000000000000001", text: "x".repeat(2001) }).success).toBe(false);
    expect(dashboardTileSchema.safeParse({ viewId: "x-0000000000000001", text: "x" }).success).toBe(false);
  });
});
