/**
 * One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
 *
 * @example
 * csvField('say "hi", twice'); // '"say ""hi"", twice"'
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV document: one header row, then one record per row, LF line endings, trailing LF.
 * Missing keys are written as empty fields.
 *
 * @example
 * toCsv(["a", "b"], [{ a: "1", b: "x,y" }]); // 'a,b\n1,"x,y"\n'
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  const lines = [columns.map(csvField).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}
