import { describe, expect, it } from "vitest";
import { parseTargetsCsv } from "@/lib/analysis/targets-csv";
import { parseCsvTable as driversTable } from "@/lib/models/csv-table";
import { parseCsvTable as weightingTable, targetsFromCsv } from "@/lib/weighting";
import { readCsvTable } from "./read-table";
import { IngestError } from "./types";

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16le(s: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}
const TABLE = { header: ["variable", "category", "target"], rows: [["size", "1,000+", "0.6"], ["size", "Café", "0.4"]] };
const CSV = 'variable,category,target\r\nsize,"1,000+",0.6\r\n\r\nsize,Café,0.4\r\n';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof IngestError) return err.code;
    throw err;
  }
  return "no error";
}

describe("readCsvTable: the one reader of small tables", () => {
  it("reads text and bytes alike: UTF-8 with or without BOM, UTF-16 with BOM, CRLF, quotes, blank lines", () => {
    expect(readCsvTable(CSV)).toEqual(TABLE);
    expect(readCsvTable(`\uFEFF${CSV}`)).toEqual(TABLE);
    expect(readCsvTable(utf8(CSV))).toEqual(TABLE);
    expect(readCsvTable(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CSV)]))).toEqual(TABLE);
    expect(readCsvTable(utf16le(CSV))).toEqual(TABLE);
  });

  it("detects the delimiter as imports do, and decodes an explicit legacy encoding", () => {
    expect(readCsvTable("variable;category;target\nsize;1,000+;0.6\nsize;Café;0.4\n")).toEqual(TABLE);
    expect(readCsvTable("variable\tcategory\ttarget\nsize\t1,000+\t0.6\nsize\tCafé\t0.4\n")).toEqual(TABLE);
    const latin1 = new Uint8Array([...utf8("variable,category,target\nsize,\"1,000+\",0.6\nsize,Caf"), 0xe9, ...utf8(",0.4\n")]);
    expect(readCsvTable(latin1, { encoding: "windows-1252" })).toEqual(TABLE);
  });

  it("refuses what an upload refuses, with the line: invalid UTF-8, broken quotes, ragged rows, no header", () => {
    const bad = new Uint8Array([...utf8("a,b\n1,Caf"), 0xe9, ...utf8("\n")]);
    expect(codeOf(() => readCsvTable(bad))).toBe("invalid-encoding");
    expect(codeOf(() => readCsvTable('a,b\n1,"open\n'))).toBe("unterminated-quote");
    expect(codeOf(() => readCsvTable('a,b\n1,"x"y\n'))).toBe("malformed-quote");
    expect(() => readCsvTable("a,b\n1,2,3\n")).toThrow("ragged row: line 2 has 3 cells, the header 2");
    expect(codeOf(() => readCsvTable("\n\n"))).toBe("empty-table");
    expect(codeOf(() => readCsvTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])))).toBe("binary-file");
  });

  it("is what weighting targets, weighting data and driver data all read with", () => {
    const bytes = utf16le(CSV);
    expect(weightingTable(bytes)).toEqual(TABLE);
    expect(driversTable(bytes)).toEqual(TABLE);
    expect(targetsFromCsv(bytes)).toEqual({ size: { "1,000+": 0.6, Café: 0.4 } });
    expect(parseTargetsCsv(bytes)).toEqual({ size: { "1,000+": "60", Café: "40" } });
    // the same malformed file fails everywhere
    const broken = 'variable,category,target\nsize,"open,0.6\n';
    expect(() => weightingTable(broken)).toThrow(/malformed csv: unterminated quoted field/);
    expect(() => driversTable(broken)).toThrow(/unterminated quoted field/);
    expect(() => parseTargetsCsv(broken)).toThrow(/unterminated quoted field/);
  });
});
