import { describe, expect, test } from "vitest";
import { ingestBytes } from "./ingest.fixtures";
import { bandKey } from "./scale-ranges";
import { inferOrder } from "./scales";

/** the labels shuffled the way a frequency order would show them: largest count first */
const shuffled = (labels: string[]) => [...labels.slice(2), labels[1], labels[0]];

describe("bands with a unit suffix are ordered by magnitude", () => {
  test.each([
    ["data sizes in Mb/Gb (Springer Nature survey)", ["<20Mb", "20Mb -100Mb", "100Mb - 1Gb", "1Gb - 5Gb", "5Gb - 20Gb", "20Gb - 50 Gb", ">50Gb"]],
    ["data sizes in KB/MB/GB/TB", ["Less than 1 KB", "1 KB - 1 MB", "1 MB - 1 GB", "1 GB - 1 TB", "More than 1 TB"]],
    ["sizes with the unit written once", ["Under 1 GB", "1-10 GB", "10-100 GB", "100 GB - 1 TB", "1 TB+"]],
    ["binary units", ["< 512 KiB", "512 KiB - 1 MiB", "1 MiB - 1 GiB", "> 1 GiB"]],
    ["words", ["Up to 500 megabytes", "500 megabytes to 2 gigabytes", "2 gigabytes or more"]],
    ["bit rates", ["Below 10 Mbps", "10-100 Mbps", "100 Mbps - 1 Gbps", "Over 1 Gbps"]],
    ["money with a k once", ["Under $25k", "$25-50k", "$50-100k", "$100k+"]],
    ["magnitude words", ["Less than 1 million", "1-10 million", "10 million - 1 billion", "More than 1 billion"]],
    ["frequencies in kHz/MHz/GHz", ["<500 kHz", "500 kHz - 1 MHz", "1-900 MHz", ">1 GHz"]],
  ])("%s", (_, labels) => {
    expect(inferOrder(shuffled(labels))).toEqual({ order: labels, off: [], basis: "range" });
  });

  test("open bands stay apart from the band they border at any magnitude", () => {
    expect(bandKey("> 50 TB")!).toBeGreaterThan(bandKey("50 TB - 100 TB")!);
    expect(bandKey("< 1 PB")!).toBeLessThan(bandKey("1 PB - 2 PB")!);
    expect(bandKey("Under 18")).toBeCloseTo(17.999, 6);
  });

  test("what is not a magnitude is left as it was", () => {
    expect(bandKey("30 min")).toBeNull();
    expect(bandKey("1-2 years")).toBe(1);
    expect(bandKey("18-24")).toBe(18);
    expect(bandKey("$25,000 to $49,999")).toBe(25000);
  });
});

test("an imported column of data-size bands lists its options by size, not by how often they were chosen", async () => {
  const bands = ["<20Mb", "20Mb -100Mb", "100Mb - 1Gb", "1Gb - 5Gb", ">5Gb"];
  const counts = [3, 9, 6, 2, 4]; // most chosen first would be 20Mb -100Mb, 100Mb - 1Gb, >5Gb, …
  const rows = bands.flatMap((b, k) => Array.from({ length: counts[k] }, (_, i) => `${k}-${i},${b}`));
  const { result } = await ingestBytes(`id,Combined size of your data files\n${rows.join("\n")}\n`, { fileName: "sizes.csv" });
  const q = result.questions.find((x) => x.label.startsWith("Combined size"))!;
  expect(q.orderBasis).toBe("range");
  expect(q.options.map((o) => [o.label, o.count])).toEqual(bands.map((b, k) => [b, counts[k]]));
});
