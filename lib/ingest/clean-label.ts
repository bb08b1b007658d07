import type { Question } from "@/lib/schema/question";

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", eacute: "é", egrave: "è", agrave: "à", uuml: "ü", ouml: "ö", auml: "ä", szlig: "ß", ntilde: "ñ", ccedil: "ç", deg: "°", euro: "€", pound: "£", copy: "©", reg: "®", times: "×" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,500})?\/?>/gi;

/**
 * A label as people read it: raw HTML tags stripped (`<strong>`, `<br />`, `<span style=…>`; a
 * line break tag becomes a space), HTML entities decoded (`&gt;`, `&amp;`, `&#39;`, `&#x2019;`),
 * `<script>`/`<style>` blocks dropped with their content, blanks collapsed. Text that only looks
 * like a tag (`a < b > c`) is kept, and so is a label with nothing but markup.
 *
 * @example
 * cleanLabel("Rate <b>this</b> &amp; that&#39;s it"); // "Rate this & that's it"
 */
export function cleanLabel(label: string): string {
  if (!/[<&]/.test(label)) return label;
  const stripped = label
    .replace(/<(script|style)\b[^>]{0,500}>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, " ")
    .replace(TAG, "");
  const clean = decodeEntities(stripped).replace(/[ \t\u00a0]{2,}/g, " ").trim();
  // a label made only of markup keeps its text: nothing readable would be left (it is shown as text, never as HTML)
  return clean || label;
}

/**
 * A question with its label, option labels, non-substantive labels and grid label cleaned
 * (`cleanLabel`); codes are data and stay as they are.
 *
 * @example
 * cleanQuestionLabels(q).label; // "Age &gt; 18?" → "Age > 18?"
 */
export function cleanQuestionLabels(q: Question): Question {
  const opts = (list: Question["options"]) => list.map((o) => (/[<&]/.test(o.label) ? { ...o, label: cleanLabel(o.label) } : o));
  return {
    ...q,
    label: cleanLabel(q.label),
    options: opts(q.options),
    ...(q.nonSubstantive ? { nonSubstantive: opts(q.nonSubstantive) } : {}),
    ...(q.grid ? { grid: { ...q.grid, label: cleanLabel(q.grid.label) } } : {}),
  };
}
