import type { Block } from "../blocks";
import type { HeaderColumn } from "../header-blocks";

/** `Q2[other]`, `Q2[comment]`, `How do you identify? [Other]`: a write-in and its question's key */
const WRITE_IN = /^(.*\S)\s*\[(other|comment)\]$/i;

/**
 * A LimeSurvey write-in column (`[other]`, `[comment]`, typed text) belongs to the question
 * before it: it joins that block when the block's id or its first column's header is the
 * write-in's question key, so a choice with its "Other" text is one question.
 *
 * @example
 * attachWriteIns([{ id: "Q2", … }, { id: "Q2[other]", columns: [otherText] }]); // one block "Q2"
 */
export function attachWriteIns(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    const c = b.columns[0];
    const key = b.columns.length === 1 ? WRITE_IN.exec(c.header.trim())?.[1] : undefined;
    if (key && prev && (prev.id.trim() === key || prev.columns[0].header.trim() === key)) {
      out[out.length - 1] = { ...prev, columns: [...prev.columns, { ...c, type: "text" }] };
      continue;
    }
    out.push(b);
  }
  return out;
}

/** `{if(age.NAOK > 65, 1, 0)}`: an equation question's heading (its expression), a computed value */
const EQUATION = /^\{[\s\S]*\}$/;

/**
 * Columns that are no answers: equation questions (headed by their expression) and file uploads
 * (the upload's JSON column, followed by its `filecount - …` / `…_filecount` column) are metadata.
 *
 * @example
 * typeNonAnswers([{ index: 0, header: "{if(a, 1, 0)}" }])[0].type; // "metadata"
 */
export function typeNonAnswers(cols: HeaderColumn[]): HeaderColumn[] {
  const h = cols.map((c) => c.header.trim());
  const isCount = (i: number) => /^filecount - /i.test(h[i]) || /_filecount$/i.test(h[i]);
  return cols.map((c, i) => {
    if (c.type) return c;
    const upload = i + 1 < h.length && isCount(i + 1) && (h[i + 1].toLowerCase() === `filecount - ${h[i].toLowerCase()}` || h[i + 1].toLowerCase() === `${h[i].toLowerCase()}_filecount`);
    return EQUATION.test(h[i]) || isCount(i) || upload ? { ...c, type: "metadata" } : c;
  });
}

/**
 * A dual-scale array's heading ends in two bracket groups (`Text [Row][Scale 1]`): read as
 * `Text [Row | Scale 1]` so the question's rows and scales make one block, not one per row.
 *
 * @example
 * dualScaleKey("Rate [Speed][Scale 1]"); // "Rate [Speed | Scale 1]"
 */
export function dualScaleKey(header: string): string {
  const m = /^([\s\S]*?\S)\s*\[([^\]]*)\]\s*\[([^\]]*)\]$/.exec(header.trim());
  return m ? `${m[1]} [${m[2].trim()} | ${m[3].trim()}]` : header;
}
