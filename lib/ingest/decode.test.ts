import { describe, expect, test } from "vitest";
import { chooseEncoding, StreamDecoder } from "./decode";
import { ingestBytes, ingestError } from "./ingest.fixtures";

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return Uint8Array.from(out);
}

describe("decoding", () => {
  test("strips a UTF-8 byte-order mark before a quoted header", async () => {
    const { result, sink } = await ingestBytes(bytes([0xef, 0xbb, 0xbf], utf8('"id",name\n1,Ann\n')));
    expect(sink.columns?.map((c) => c.headers[0])).toEqual(["id", "name"]);
    expect(result.encoding).toBe("utf-8");
    expect(sink.rows).toEqual([["1", "Ann"]]);
  });

  test("decodes UTF-16LE and UTF-16BE by their byte-order marks", async () => {
    const text = "id,name\r\n1,ë東京\r\n";
    for (const le of [true, false]) {
      const { result, sink } = await ingestBytes(utf16(text, le, true));
      expect(result.encoding).toBe(le ? "utf-16le" : "utf-16be");
      expect(sink.rows).toEqual([["1", "ë東京"]]);
    }
  });

  test("detects UTF-16LE without a byte-order mark from its NUL pattern and says so", async () => {
    const { result, sink } = await ingestBytes(utf16("id,name\r\n1,Ann\r\n", true, false));
    expect(result.encoding).toBe("utf-16le");
    expect(sink.columns?.[0].headers[0]).toBe("id");
    expect(result.warnings.map((w) => w.code)).toContain("utf16-without-bom");
  });

  test("a detected UTF-8 that is not (after ASCII only) is read as the guessed Windows-1252, with a located warning", async () => {
    // "id,name\n1,Ren" + 0xE9 (é in windows-1252) + "\n"
    const { result, sink } = await ingestBytes(bytes(utf8("id,name\n1,Ren"), [0xe9], utf8("\n")));
    expect(result.encoding).toBe("windows-1252");
    expect(sink.rows).toEqual([["1", "René"]]);
    expect(result.warnings.find((w) => w.code === "encoding-assumed")).toMatchObject({ byteOffset: 13, message: expect.stringMatching(/read as windows-1252/) });
  });

  test("the same bytes are damaged UTF-8 when UTF-8 non-ASCII came first, or UTF-8 was asked for", async () => {
    const err = await ingestError(bytes(utf8("id,name\n1,Zoë\n2,Ren"), [0xe9], utf8("\n")));
    expect(err.code).toBe("invalid-encoding");
    const explicit = await ingestError(bytes(utf8("id,name\n1,Ren"), [0xe9], utf8("\n")), { encoding: "utf-8" });
    expect(explicit.code).toBe("invalid-encoding");
  });

  test("rejects invalid UTF-8 with the byte offset, the line and a likely encoding", async () => {
    // "id,name\n1,Ren" + 0xE9 (é in windows-1252) + "\n", UTF-8 asked for
    const err = await ingestError(bytes(utf8("id,name\n1,Ren"), [0xe9], utf8("\n")), { encoding: "utf-8" });
    expect(err.code).toBe("invalid-encoding");
    expect(err.issues[0]).toMatchObject({ byteOffset: 13, row: 2 });
    expect(err.message).toMatch(/windows-1252/);
    expect(err.message).toMatch(/explicit encoding/);
  });

  test("locates a bad byte after a BOM and a multi-byte character the same way at every chunk size", async () => {
    const input = bytes([0xef, 0xbb, 0xbf], utf8("a,b\né,x\n"), [0xed, 0xa0, 0x80], utf8("\n"));
    for (const chunkSize of [1, 2, 3, 5, 64]) {
      const err = await ingestError(input, { chunkSize });
      expect(err.issues[0]).toMatchObject({ byteOffset: 3 + 4 + 5, row: 3 });
    }
  });

  test("reports a sequence truncated at the end of the file", async () => {
    const err = await ingestError(bytes(utf8("a,b\n1,"), [0xf0, 0x9f, 0x98]));
    expect(err.issues[0]).toMatchObject({ byteOffset: 6, row: 2 });
  });

  test("decodes a multi-byte character split across chunks at every split point", () => {
    const text = "a,é,東,😀,b\n";
    const encoded = utf8(text);
    for (let i = 0; i <= encoded.length; i++) {
      for (let j = i; j <= encoded.length; j++) {
        const d = new StreamDecoder("utf-8", 0);
        const out = d.push(encoded.slice(0, i)) + d.push(encoded.slice(i, j)) + d.push(encoded.slice(j)) + d.end();
        expect(out).toBe(text);
      }
    }
  });

  test("decodes windows-1252 when it is passed explicitly", async () => {
    const input = bytes(utf8("id,name,note\n1,Ren"), [0xe9], utf8(","), [0x80], utf8("5 "), [0x93], utf8("q"), [0x94], utf8("\n"));
    const { result, sink } = await ingestBytes(input, { encoding: "windows-1252" });
    expect(result.encoding).toBe("windows-1252");
    expect(sink.rows[0]).toEqual(["1", "René", "€5 “q”"]);
  });

  test("rejects an unknown encoding label", async () => {
    const err = await ingestError("a\n", { encoding: "klingon-8" });
    expect(err.code).toBe("unknown-encoding");
  });

  test("rejects NUL bytes in UTF-8 text as a likely binary file, located", async () => {
    const err = await ingestError(bytes(utf8("id,na"), [0], utf8("me\n")));
    expect(err.code).toBe("nul-byte");
    expect(err.issues[0]).toMatchObject({ byteOffset: 5, row: 1 });
  });

  test.each([
    ["zip", [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], /zip\/xlsx/],
    ["gzip", [0x1f, 0x8b, 0x08, 0], /gzip/],
    ["pdf", [...utf8("%PDF-1.7\n")], /pdf/],
    ["xls", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /xls/],
  ])("rejects %s content with a clear message", async (_name, magic, pattern) => {
    const err = await ingestError(Uint8Array.from(magic));
    expect(err.code).toBe("binary-file");
    expect(err.message).toMatch(pattern);
    expect(err.message).toMatch(/export the data as CSV/);
  });

  test("chooses UTF-8 when there is no BOM and no NUL pattern", () => {
    expect(chooseEncoding(utf8("a,b\n"))).toEqual({ encoding: "utf-8", bomLength: 0 });
  });
});
