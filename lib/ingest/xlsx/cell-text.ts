const pad = (n: number) => String(n).padStart(2, "0");

/** a date cell as ISO text: the day, plus the time when it has one (Excel dates carry no zone: read as UTC) */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  // Excel keeps times as fractions of a day: round to the second so 10:00:00 is not 09:59:59.999
  const ms = Math.round(d.getTime() / 1000) * 1000;
  const t = new Date(ms);
  const secs = t.getUTCHours() * 3600 + t.getUTCMinutes() * 60 + t.getUTCSeconds();
  if (!secs && d.getUTCDate() === t.getUTCDate()) return day;
  const stamp = `${String(t.getUTCFullYear()).padStart(4, "0")}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return `${stamp} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/**
 * One cell of exceljs's row values as the text a CSV export would hold: numbers in their
 * shortest round-trip form, dates as ISO text, booleans TRUE/FALSE, rich text flattened,
 * formulas as their cached result, hyperlinks as their text, errors as their code ("#N/A"),
 * empty as "".
 *
 * @example
 * cellText({ richText: [{ text: "Very " }, { text: "likely" }] }); // "Very likely"
 * cellText({ formula: "A1*2", result: 4 }); // "4"
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? (Object.is(value, -0) ? "0" : String(value)) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => (typeof r?.text === "string" ? r.text : "")).join("");
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result);
    if ("error" in v) return typeof v.error === "string" ? v.error : "";
    if ("hyperlink" in v || "text" in v) return cellText(v.text);
  }
  return "";
}
