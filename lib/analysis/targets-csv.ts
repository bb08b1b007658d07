import { readCsvTable } from "@/lib/ingest/read-table";

/**
 * Parse rim targets from a small CSV with a header `variable,category,target` (target in percent
 * or as a share; shares are converted to percent), read like an upload by the one table reader
 * (encodings, BOM, quotes, delimiters). Returns per-variable maps of category → percent.
 *
 * @example parseTargetsCsv("variable,category,target\nsize,small,60\nsize,large,40").size.small // "60"
 */
export function parseTargetsCsv(input: string | Uint8Array): Record<string, Record<string, string>> {
  const { header, rows: body } = readCsvTable(input);
  const idx = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [v, c, t] = [idx("variable"), idx("category"), idx("target")];
  if (v < 0 || c < 0 || t < 0) throw new Error("targets csv: the header must be variable,category,target");
  const out = new Map<string, Map<string, number>>();
  body.forEach((r, i) => {
    const value = Number(r[t]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`targets csv: row ${i + 2}: not a target: ${r[t]}`);
    if (!out.has(r[v])) out.set(r[v], new Map());
    out.get(r[v])!.set(r[c], value);
  });
  // Object.fromEntries defines own properties, so a "__proto__" variable stays data
  return Object.fromEntries(
    [...out].map(([variable, cats]) => {
      const sum = [...cats.values()].reduce((a, b) => a + b, 0);
      const scale = Math.abs(sum - 1) < 1e-6 ? 100 : 1;
      return [variable, Object.fromEntries([...cats].map(([k, x]) => [k, String(+(x * scale).toFixed(4))]))];
    }),
  );
}
