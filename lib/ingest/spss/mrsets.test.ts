import { describe, expect, test } from "vitest";
import { parseMrSets } from "./mrsets";

const index = new Map(["a", "b", "c", "d", "e", "f", "g"].map((n, i) => [n, i]));
const lookup = (n: string) => index.get(n.toLowerCase());

describe("parseMrSets", () => {
  test("the forms of the PSPP documentation: category, dichotomy, dichotomy with counted-value labels", () => {
    const text = "$a=C 10 my mcgroup a b c\n$b=D2 55 0  g e f d\n$c=E 11 2 12 11 a dichotomy A B\n";
    expect(parseMrSets(text, lookup)).toEqual([
      { name: "a", label: "my mcgroup", kind: "C", variables: [0, 1, 2] },
      { name: "b", label: "", kind: "D", countedValue: "55", variables: [6, 4, 5, 3] },
      { name: "c", label: "a dichotomy", kind: "D", countedValue: "12", variables: [0, 1] },
    ]);
  });

  test("a line naming an unknown variable or cut short is skipped", () => {
    expect(parseMrSets("$x=C 3 abc zz\n$y=D1 1 5 lab\n$z=C 2 ok a\n", lookup)).toEqual([{ name: "z", label: "ok", kind: "C", variables: [0] }]);
  });
});
