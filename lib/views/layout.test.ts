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
