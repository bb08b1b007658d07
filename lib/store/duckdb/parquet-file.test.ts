import fs from "node:fs";
import os from "node:os";
import { describe, expect, test } from "vitest";
import { writeParquet } from "./parquet-file";
import { readParquetBack } from "./parquet.fixtures";

const tempDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith("surveyscope-parquet-"));

describe("writeParquet: a typed table as Parquet, read back by DuckDB's read_parquet", () => {
  test("names, types, values and nulls in order; the key/value metadata", async () => {
    const bytes = await writeParquet({
      columns: [
        { name: "age", type: "DOUBLE" },
        { name: "region", type: "VARCHAR" },
        { name: 'q5: "Vault", it\'s', type: "VARCHAR" },
      ],
      rows: [
        [34, "North", "Selected"],
        [null, null, null],
        [-0.5, "Zürich €", "line\nbreak"],
      ],
      metadata: { "surveyscope.k": "5", "surveyscope.filters": '{"region":["it\'s"]}' },
    });
    expect(bytes.subarray(0, 4).toString()).toBe("PAR1");
    const back = await readParquetBack(bytes);
    expect(back.columns).toEqual([
      { name: "age", type: "DOUBLE" },
      { name: "region", type: "VARCHAR" },
      { name: 'q5: "Vault", it\'s', type: "VARCHAR" },
    ]);
    expect(back.rows).toEqual([
      [34, "North", "Selected"],
      [null, null, null],
      [-0.5, "Zürich €", "line\nbreak"],
    ]);
    expect(back.metadata).toEqual({ "surveyscope.k": "5", "surveyscope.filters": '{"region":["it\'s"]}' });
  });

  test("hostile names and values stay data: quotes, SQL, NUL (U+FFFD in names and metadata, kept in values)", async () => {
    const evil = `x" VARCHAR); DROP TABLE export_rows; --`;
    const bytes = await writeParquet({
      columns: [{ name: evil, type: "VARCHAR" }, { name: "n\u0000ul", type: "VARCHAR" }],
      rows: [["'); COPY export_rows TO '/tmp/pwn.csv'; --", "a\u0000b"]],
      metadata: { "k'); --": "v\u0000" },
    });
    const back = await readParquetBack(bytes);
    expect(back.columns.map((c) => c.name)).toEqual([evil, "n\ufffdul"]);
    // values never enter SQL text: kept as they are, NUL included
    expect(back.rows).toEqual([["'); COPY export_rows TO '/tmp/pwn.csv'; --", "a\u0000b"]]);
    expect(back.metadata).toEqual({ "k'); --": "v\ufffd" });
  });

  test("an empty segment is a valid file with its columns; the temporary directory is gone afterwards", async () => {
    const before = tempDirs();
    const back = await readParquetBack(await writeParquet({ columns: [{ name: "age", type: "DOUBLE" }], rows: [], metadata: {} }));
    expect(back.columns).toEqual([{ name: "age", type: "DOUBLE" }]);
    expect(back.rows).toEqual([]);
    expect(back.metadata).toEqual({});
    expect(tempDirs()).toEqual(before);
  });

  test("a ragged row or no column is refused, and nothing is left behind", async () => {
    const before = tempDirs();
    await expect(writeParquet({ columns: [{ name: "a", type: "VARCHAR" }], rows: [["x", "y"]], metadata: {} })).rejects.toThrow(/expected 1/);
    await expect(writeParquet({ columns: [], rows: [], metadata: {} })).rejects.toThrow(/at least one column/);
    expect(tempDirs()).toEqual(before);
  });
});
