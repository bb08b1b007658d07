/**
 * Bidirectional isolation of user-supplied text (labels, answers, names) where HTML `<bdi>` is not
 * available: SVG text, canvas, file exports, `title` attributes, aria labels. A right-to-left or
 * override-laden label (U+202E …) then cannot reorder the text around it (catalogue C26).
 * In JSX, wrap labels in `<bdi>` instead.
 *
 * @example
 * isolate("\u202Eevil") // "\u2068\u202Eevil\u2069"
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Strip the isolation marks again (e.g. for comparisons in tests). */
export function unisolate(text: string): string {
  return text.replace(/[\u2068\u2069]/g, "");
}
