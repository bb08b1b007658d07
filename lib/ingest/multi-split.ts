/**
 * Splitting a delimited multi-select cell into its options. For ", " (Google Forms), pieces
 * inside parentheses are kept together, so options such as "R Command Line (i.e., the native
 * R terminal interface)" survive.
 *
 * @example
 * splitMultiCell("Excel, R Command Line (i.e., the native R terminal interface)", ", ");
 * // ["Excel", "R Command Line (i.e., the native R terminal interface)"]
 * splitMultiCell("['bicycle' ;  'radio']", "'"); // ["bicycle", "radio"]
 */
export function splitMultiCell(cell: string, delimiter: string): string[] {
  const pieces = cell.split(delimiter);
  // "'": a quoted list (`['bicycle' ;  'radio']`); the options are the quoted items
  if (delimiter === "'") return [...new Set(pieces.filter((_, i) => i % 2 === 1).map((p) => p.trim()).filter((p) => p))];
  if (delimiter.trim() !== "," || !cell.includes("(")) {
    // a loop, not map/filter: this runs for every delimited cell of every import
    const out: string[] = [];
    for (const piece of pieces) {
      const p = piece.trim();
      if (p) out.push(p);
    }
    return out;
  }
  const out: string[] = [];
  let current = "";
  let depth = 0;
  for (const piece of pieces) {
    current = current ? current + delimiter + piece : piece;
    for (const ch of piece) {
      if (ch === "(") depth++;
      else if (ch === ")" && depth > 0) depth--;
    }
    if (depth === 0) {
      out.push(current.trim());
      current = "";
    }
  }
  if (current) out.push(current.trim());
  return out.filter((p) => p);
}
