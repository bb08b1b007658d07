/**
 * Respondent-level export as an SPSS system file (.sav, uncompressed, UTF-8): one variable per
 * exported column with the question text as variable label, option labels as value labels,
 * missing codes as user-missing values, measurement levels from the question types, and the
 * export's provenance (filters, suppression, truncation) as document lines. Written from the
 * PSPP "System File Format" description; read back by lib/ingest/spss and by sav-reader in tests.
 */
import type { Question } from "@/lib/schema/question";
import { respondentColumns, type RespondentColumn } from "./respondent-columns";
import { SavNames, utf8Prefix } from "./sav-names";

/** one exported column: its name is the variable name wanted (the CSV export's header) */
export type SavColumn = RespondentColumn;

/**
 * The exported columns of `questions` for `rowsToSav` (see respondentColumns).
 * @example rowsToSav(savColumns(questions), rows);
 */
export const savColumns = respondentColumns;

export interface RespondentsSavOptions {
  /** lines describing the export (filters, suppression), kept as the file's documents */
  notes?: string[];
  /** the cell text standing for a suppressed value (k-anonymity): system-missing in numeric variables */
  suppressed?: string;
  /** file creation time (tests pin it) */
  now?: Date;
}

const MEASURE: Record<Question["type"], 1 | 2 | 3> = {
  single: 1,
  multi: 1,
  ordinal: 2,
  numeric: 3,
  text: 1,
  date: 1,
  id: 1,
  weight: 3,
  metadata: 1,
};

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const SYSMIS = -Number.MAX_VALUE;
const MAX_STRING = 32767;
const segments = (w: number) => (w < 256 ? 1 : Math.ceil(w / 252));
const segmentWidth = (w: number, i: number) => (w < 256 ? w : i < segments(w) - 1 ? 255 : w - i * 252);
const slotsOf = (w: number) => (w === 0 ? 1 : Math.ceil(w / 8));

interface Var {
  name: string;
  short: string;
  segShorts: string[];
  label: string;
  width: number;
  decimals: number;
  measure: 1 | 2 | 3;
  valueLabels: [string, string][];
  missing: string[];
  weight: boolean;
}

class Out {
  private readonly parts: Buffer[] = [];
  i32(...xs: number[]): this {
    const b = Buffer.alloc(4 * xs.length);
    xs.forEach((x, i) => b.writeInt32LE(x, i * 4));
    this.parts.push(b);
    return this;
  }
  f64(x: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    this.parts.push(b);
    return this;
  }
  /** `s` in exactly `n` bytes, space-padded */
  text(s: string | Buffer, n: number, pad = 0x20): this {
    const b = Buffer.alloc(n, pad);
    (typeof s === "string" ? utf8Prefix(s, n) : s.subarray(0, n)).copy(b);
    this.parts.push(b);
    return this;
  }
  raw(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

function decimalsOf(values: Iterable<string>): number {
  let d = 0;
  for (const v of values) {
    const dot = v.indexOf(".");
    if (dot >= 0 && !/e/i.test(v)) d = Math.max(d, v.length - dot - 1);
  }
  return Math.min(d, 16);
}

function planVariables(columns: SavColumn[], rows: (string | null)[][], suppressed: string): Var[] {
  const names = new SavNames();
  return columns.map((c, j) => {
    const values = rows.map((r) => r[j]).filter((v): v is string => v !== null && v !== "" && v !== suppressed);
    const q = c.question;
    const codes = [...q.options.filter((o) => !o.column).map((o) => o.code), ...q.missingCodes];
    const numeric = q.type !== "text" && q.type !== "id" && q.type !== "date" && values.every((v) => NUMBER.test(v)) && codes.every((v) => NUMBER.test(v));
    const maxBytes = Math.max(1, ...values.map((v) => Buffer.byteLength(v)), ...codes.map((v) => Buffer.byteLength(v)));
    const { name, short } = names.take(c.name);
    const width = numeric ? 0 : Math.min(MAX_STRING, maxBytes);
    const valueLabels: [string, string][] = q.options.filter((o) => !o.column && o.label !== o.code).map((o) => [o.code, o.label]);
    return {
      name,
      short,
      segShorts: Array.from({ length: width ? segments(width) - 1 : 0 }, () => names.short()),
      label: c.label,
      width,
      decimals: numeric ? decimalsOf(values) : 0,
      measure: MEASURE[q.type],
      valueLabels,
      missing: q.missingCodes.slice(0, 3),
      weight: q.type === "weight" && numeric,
    };
  });
}

const fmt = (type: number, width: number, decimals: number) => (type << 16) | (Math.min(width, 255) << 8) | decimals;

function variableRecords(out: Out, v: Var): void {
  const nseg = v.width ? segments(v.width) : 1;
  for (let s = 0; s < nseg; s++) {
    const w = v.width ? segmentWidth(v.width, s) : 0;
    const first = s === 0;
    const numeric = v.width === 0;
    const shortMissing = first && (numeric || v.width <= 8) ? v.missing : [];
    const format = numeric ? fmt(5, Math.min(40, Math.max(8, v.decimals + 10)), v.decimals) : fmt(1, w, 0);
    out.i32(2, w, first ? 1 : 0, shortMissing.length, format, format).text(first ? v.short : v.segShorts[s - 1], 8);
    if (first) {
      const label = utf8Prefix(v.label, 65535);
      out.i32(label.length).text(label, Math.ceil(label.length / 4) * 4);
    }
    for (const m of shortMissing) {
      if (numeric) out.f64(Number(m));
      else out.text(m, 8);
    }
    for (let k = 1; k < slotsOf(w); k++) out.i32(2, -1, 0, 0, 0, 0).text("", 8);
  }
}

function valueLabelRecords(out: Out, v: Var, dictIndex: number): void {
  if (!v.valueLabels.length || (v.width > 8 && v.width !== 0)) return;
  out.i32(3, v.valueLabels.length);
  for (const [code, label] of v.valueLabels) {
    if (v.width === 0) out.f64(Number(code));
    else out.text(code, 8);
    const l = utf8Prefix(label, 120);
    const n = Math.ceil((l.length + 1) / 8) * 8;
    out.raw(Buffer.concat([Buffer.from([l.length]), l, Buffer.alloc(n - 1 - l.length, 0x20)]));
  }
  out.i32(4, 1, dictIndex);
}

function extension(out: Out, subtype: number, size: number, data: Buffer): void {
  out.i32(7, subtype, size, data.length / size).raw(data);
}

/** subtype 21: value labels of string variables wider than 8 bytes */
function longStringLabels(vars: Var[]): Buffer | null {
  const parts: Buffer[] = [];
  const i32 = (x: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(x);
    return b;
  };
  for (const v of vars) {
    if (v.width <= 8 || !v.valueLabels.length) continue;
    const name = Buffer.from(v.name);
    parts.push(i32(name.length), name, i32(v.width), i32(v.valueLabels.length));
    for (const [code, label] of v.valueLabels) {
      const c = Buffer.alloc(v.width, 0x20);
      Buffer.from(code).copy(c);
      const l = Buffer.from(label);
      parts.push(i32(c.length), c, i32(l.length), l);
    }
  }
  return parts.length ? Buffer.concat(parts) : null;
}

/** subtype 22: missing values of string variables wider than 8 bytes (values of up to 8 bytes) */
function longStringMissing(vars: Var[]): Buffer | null {
  const parts: Buffer[] = [];
  for (const v of vars) {
    const values = v.width > 8 ? v.missing.filter((m) => Buffer.byteLength(m) <= 8) : [];
    if (!values.length) continue;
    const name = Buffer.from(v.name);
    const head = Buffer.alloc(4 + name.length + 5);
    head.writeInt32LE(name.length);
    name.copy(head, 4);
    head[4 + name.length] = values.length;
    head.writeInt32LE(8, 5 + name.length);
    parts.push(head, ...values.map((m) => Buffer.from(m.padEnd(8, " "))));
  }
  return parts.length ? Buffer.concat(parts) : null;
}

function dictionary(vars: Var[], rows: number, notes: string[], now: Date): Buffer {
  const out = new Out();
  const slots = vars.reduce((s, v) => s + (v.width === 0 ? 1 : Array.from({ length: segments(v.width) }, (_, i) => slotsOf(segmentWidth(v.width, i))).reduce((a, b) => a + b, 0)), 0);
  const dictIndex: number[] = [];
  let at = 1;
  for (const v of vars) {
    dictIndex.push(at);
    at += v.width === 0 ? 1 : Array.from({ length: segments(v.width) }, (_, i) => slotsOf(segmentWidth(v.width, i))).reduce((a, b) => a + b, 0);
  }
  const weightAt = vars.findIndex((v) => v.weight);
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][now.getUTCMonth()];
  const two = (n: number) => String(n).padStart(2, "0");
  out.text("$FL2", 4).text("@(#) SPSS DATA FILE Surveyscope respondent export", 60);
  out.i32(2, slots, 0, weightAt >= 0 ? dictIndex[weightAt] : 0, rows).f64(100);
  out.text(`${two(now.getUTCDate())} ${month} ${two(now.getUTCFullYear() % 100)}`, 9).text(`${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`, 8);
  out.text("Surveyscope respondent export", 64).text("", 3, 0);
  for (const v of vars) variableRecords(out, v);
  vars.forEach((v, i) => valueLabelRecords(out, v, dictIndex[i]));
  if (notes.length) {
    const lines = notes.flatMap((n) => {
      const chunks: string[] = [];
      for (let s = n; s.length; s = s.slice(80)) chunks.push(s.slice(0, 80));
      return chunks.length ? chunks : [""];
    });
    out.i32(6, lines.length);
    for (const l of lines) out.text(l, 80);
  }
  const int32s = (xs: number[]) => {
    const b = Buffer.alloc(xs.length * 4);
    xs.forEach((x, i) => b.writeInt32LE(x, i * 4));
    return b;
  };
  extension(out, 3, 4, int32s([1, 0, 0, -1, 1, 1, 2, 65001]));
  const measures = vars.flatMap((v) => Array.from({ length: v.width ? segments(v.width) : 1 }, () => [v.measure, 8, v.width ? 0 : 1]).flat());
  extension(out, 11, 4, int32s(measures));
  extension(out, 13, 1, Buffer.from(vars.map((v) => `${v.short}=${v.name}`).join("\t")));
  const veryLong = vars.filter((v) => v.width > 255);
  if (veryLong.length) extension(out, 14, 1, Buffer.from(veryLong.map((v) => `${v.short}=${String(v.width).padStart(5, "0")}\0`).join("\t")));
  extension(out, 20, 1, Buffer.from("UTF-8"));
  const labels21 = longStringLabels(vars);
  if (labels21) extension(out, 21, 1, labels21);
  const missing22 = longStringMissing(vars);
  if (missing22) extension(out, 22, 1, missing22);
  out.i32(999, 0);
  return out.done();
}

function caseBytes(vars: Var[], row: (string | null)[], suppressed: string): Buffer {
  const out = new Out();
  vars.forEach((v, j) => {
    const cell = row[j];
    if (v.width === 0) {
      out.f64(cell === null || cell === "" || cell === suppressed ? SYSMIS : Number(cell));
      return;
    }
    const bytes = utf8Prefix(cell ?? "", v.width);
    for (let s = 0; s < segments(v.width); s++) {
      const w = segmentWidth(v.width, s);
      const from = v.width < 256 ? 0 : s * 255;
      out.text(bytes.subarray(from, from + (v.width < 256 ? w : Math.min(255, w))), slotsOf(w) * 8);
    }
  });
  return out.done();
}

/**
 * The exported rows as an SPSS system file. `rows[i][j]` is column j's cell (null: missing).
 *
 * @example
 * const bytes = rowsToSav([{ name: "q1", label: "Satisfied?", question }], [["1"], [null]], { notes: ["filters: none"] });
 */
export function rowsToSav(columns: SavColumn[], rows: (string | null)[][], options: RespondentsSavOptions = {}): Buffer {
  const suppressed = options.suppressed ?? "*";
  const vars = planVariables(columns, rows, suppressed);
  const parts = [dictionary(vars, rows.length, options.notes ?? [], options.now ?? new Date())];
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error(`row has ${row.length} cells, expected ${columns.length}`);
    parts.push(caseBytes(vars, row, suppressed));
  }
  return Buffer.concat(parts);
}
