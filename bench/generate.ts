/**
 * Deterministic benchmark survey CSV (seeded PRNG, streamed to disk; never Math.random):
 * id, 24 categoricals (2–12 levels, 2–5 % blanks), 5 `;`-joined multi-selects (one option with a
 * comma), 5 Likert 1–5, weight, age, duration, a free-text comment (quotes, commas, rare newlines)
 * and an other-specify text. About 400 bytes a row.
 *
 * Usage: tsx bench/generate.ts --rows 100000 --out bench/tmp/survey-100000.csv [--seed 1]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CATEGORICALS, DELIM, HEADERS, LIKERTS, MULTIS, mulberry32 } from "./schema";

const TEXT_WORDS = [
  "service", "price", "fast", "slow", "friendly", "app", "website", "delivery", "support", "quality", "great", "poor",
  "okay", "would", "recommend", "again", "never", "always", "staff", "waiting", "time", "easy", "hard", "checkout",
];

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface GenerateResult {
  rows: number;
  bytes: number;
  file: string;
}

/** Write `rows` respondents to `file`; resolves with the byte size. */
export async function generate(rows: number, file: string, seed = 1): Promise<GenerateResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rnd = mulberry32(seed);
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  const words = (n: number) => Array.from({ length: n }, () => TEXT_WORDS[Math.floor(rnd() * TEXT_WORDS.length)]);

  const comment = (): string => {
    if (rnd() < 0.3) return "";
    const w = words(3 + Math.floor(rnd() * 14));
    if (rnd() < 0.25) w[Math.floor(rnd() * w.length)] = `"${w[0]}"`; // a quoted word
    let s = w.join(" ");
    if (rnd() < 0.4) s = s.replace(" ", ", "); // a comma
    if (rnd() < 0.005) s += `\n${words(3).join(" ")}`; // a rare line break inside the field
    return s;
  };

  await write(HEADERS.join(",") + "\n");
  let buf: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [String(r)];
    for (const c of CATEGORICALS) {
      if (rnd() < c.blankRate) {
        cells.push("");
        continue;
      }
      const u = rnd();
      let k = 0;
      while (k < c.cdf.length - 1 && u > c.cdf[k]) k++;
      cells.push(c.levels[k]);
    }
    for (const m of MULTIS) {
      if (rnd() < m.blankRate) {
        cells.push("");
        continue;
      }
      let chosen = m.options.filter((_, k) => rnd() < m.p[k]);
      if (!chosen.length) chosen = [m.options[Math.floor(rnd() * m.options.length)]];
      cells.push(csvCell(chosen.join(DELIM)));
    }
    for (let k = 0; k < LIKERTS.length; k++) cells.push(rnd() < 0.03 ? "" : String(1 + Math.min(4, Math.floor(rnd() * rnd() * 5 + rnd() * 2.5))));
    // weight: positive, skewed (0.2 – ~5)
    cells.push((0.2 + -Math.log(1 - rnd() * 0.999) * 0.9).toFixed(6));
    cells.push(rnd() < 0.02 ? "" : String(18 + Math.floor(rnd() * 63)));
    cells.push(String(60 + Math.floor(rnd() * rnd() * 3540)));
    cells.push(csvCell(comment()));
    cells.push(rnd() < 0.92 ? "" : csvCell(`Other: ${words(1 + Math.floor(rnd() * 3)).join(rnd() < 0.3 ? ", " : " ")}`));
    buf.push(cells.join(","));
    if (buf.length === 5000) {
      await write(buf.join("\n") + "\n");
      buf = [];
    }
  }
  if (buf.length) await write(buf.join("\n") + "\n");
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { rows, bytes: fs.statSync(file).size, file };
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" }, out: { type: "string" }, seed: { type: "string", default: "1" } } });
  const rows = Number(values.rows);
  const file = values.out ?? `bench/tmp/survey-${rows}.csv`;
  const t0 = performance.now();
  const res = await generate(rows, file, Number(values.seed));
  process.stdout.write(`generated ${res.rows} rows, ${(res.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
