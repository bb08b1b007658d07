/**
 * Text → number exactly like R's `as.numeric()` on a character value (R's `R_strtod` via
 * `String2Real`): surrounding white space is ignored, decimal numbers with an optional exponent
 * and hexadecimal numbers (with an optional binary `p` exponent) are accepted; "NA", "NaN",
 * "Inf", overflow and anything else give null, because the survey rules only keep finite
 * numbers (`is.finite(as.numeric(x))`).
 */

// R_strtod accepts an exponent marker without digits ("1e", "1e+") as exponent 0.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d*)?$/;
const HEX = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d*))?$/;
// isspace() in the C locale
const SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

function parseHex(sign: string, digits: string, exp: string | undefined): number {
  const [intPart, fracPart = ""] = digits.split(".");
  let value = 0;
  for (const ch of intPart) value = value * 16 + parseInt(ch, 16);
  let scale = 1 / 16;
  for (const ch of fracPart) {
    value += parseInt(ch, 16) * scale;
    scale /= 16;
  }
  const e = exp === undefined || exp === "" || exp === "+" || exp === "-" ? 0 : Number(exp);
  value *= 2 ** e;
  return sign === "-" ? -value : value;
}

/**
 * Parse a cell like R's `as.numeric`, returning null for missing, non-numeric or non-finite text.
 * @example parseRNumeric(" 4.5 ") // 4.5
 * @example parseRNumeric("Inf") // null
 * @example parseRNumeric("0x1A") // 26
 */
export function parseRNumeric(s: string): number | null {
  const t = s.replace(SPACE, "");
  if (t === "") return null;
  let value: number;
  if (DECIMAL.test(t)) {
    const normal = t.replace(/[eE][+-]?$/, "");
    value = Number(normal);
  } else {
    const m = HEX.exec(t);
    if (m === null) return null;
    value = parseHex(m[1], m[2], m[3]);
  }
  return Number.isFinite(value) ? value : null;
}
