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

/**
 * Invisible controls removed from text bound for files (CSV, XLSX): C0/C1 controls other than TAB,
 * LF and CR; bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks
 * (U+200E, U+200F, U+061C); and every other format character (Cf: zero-width space, word joiner,
 * soft hyphen, BOM, interlinear annotations, tag characters …). Kept, because they change how the
 * visible text renders: ZWNJ/ZWJ (U+200C/U+200D: Persian, Indic scripts, emoji sequences), the
 * prepended concatenation marks (visible Arabic/Syriac/Kaithi signs) and the tag characters of an
 * emoji flag sequence (🏴 + tags + CANCEL TAG).
 */
const INVISIBLE_CONTROL =
  /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|(?![\u200C\u200D\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

/**
 * Remove invisible and direction-changing controls from user text for a spreadsheet cell, without
 * adding any mark of our own (files are read by Excel lookups, scripts and other tools, where an
 * isolate mark is an extra character). A right-to-left label still reads right to left: the
 * characters' own direction is untouched; only overrides that could reorder or hide text are gone.
 * Formula-neutralise after stripping (a control could hide a leading `=`).
 * @example
 * stripControls("\u2068\u202Egnp.exe\u2069") // "gnp.exe"
 * stripControls("a\tb\nc\u200Bd") // "a\tb\ncd"
 */
export function stripControls(text: string): string {
  return text.replace(INVISIBLE_CONTROL, (m) => (m.codePointAt(0) === 0x1f3f4 ? m : ""));
}
