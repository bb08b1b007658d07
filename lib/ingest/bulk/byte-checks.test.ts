import { describe, expect, it } from "vitest";
import { ByteChecks } from "./byte-checks";

/** run the checks over `text` cut into chunks of `size` bytes */
function check(text: string | Uint8Array, size = 3, delimiter = ","): string | null {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  const c = new ByteChecks(delimiter);
  for (let i = 0; i < bytes.length; i += size) {
    const p = c.push(bytes.subarray(i, i + size));
    if (p) return p;
  }
  return c.end();
}

describe("ByteChecks", () => {
  it("accepts plain UTF-8 CSV, multi-byte characters cut anywhere and escaped quotes after blanks", () => {
    for (const size of [1, 2, 3, 5, 64]) {
      expect(check('a,b\n"é, ""x""",ü€😀\n"said, ""hi""",z\n', size)).toBeNull();
    }
  });

  it("declines what read_csv would read differently or the decoder would reject", () => {
    expect(check("a,b\r\n1,2\r\n")).toBe("a carriage return");
    expect(check(new Uint8Array([0x61, 0x00, 0x0a]))).toBe("a NUL byte");
    expect(check(new Uint8Array([0x61, 0xe9, 0x0a]))).toBe("invalid UTF-8");
    expect(check(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe("invalid UTF-8"); // a surrogate
    expect(check(new Uint8Array([0x61, 0x2c, 0xe2, 0x82]))).toBe("invalid UTF-8 at the end");
    for (const size of [1, 2, 4, 100]) {
      expect(check('a,b\n1, "x"\n', size)).toMatch(/blanks and a quote/);
      expect(check('a;b\n1;\t"x"\n', size, ";")).toMatch(/blanks and a quote/);
      expect(check('a,b\n1, ""\n', size)).toMatch(/blanks and a quote/);
      expect(check('a,b\n1, "', size)).toMatch(/blanks and a quote/);
    }
  });

  it("lets blanks before a quote inside a field's text pass", () => {
    expect(check('a,b\n1,x "y"\n')).toBeNull();
    expect(check('a;b\n1, "y"\n', 4, ";")).toBeNull(); // "," is not the delimiter here
  });
});
