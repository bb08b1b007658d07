import { IngestError } from "../types";
import type { ByteReader } from "./byte-reader";
import { decoderFor } from "./encoding";
import { longStringLabels, longStringMissing } from "./long-strings";
import { parseMrSets } from "./mrsets";
import type { Measure, SavDictionary, SavMissing, SavValueLabel, SavVariable } from "./types";

/** any single record larger than this is taken for corruption, not allocated */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const corrupt = (offset: number, message: string) =>
  new IngestError("corrupt-file", `corrupt sav file: ${message} (byte ${offset})`, [{ code: "corrupt-file", message: `corrupt sav file: ${message}`, byteOffset: offset }]);

/** one type-2 record: a variable, a segment of a very long string, or a continuation (-1) */
interface VarRecord {
  offset: number;
  type: number;
  shortName: Buffer;
  label: Buffer | null;
  missingCount: number;
  missing: Buffer[];
  format: number;
}

interface RawLabels {
  offset: number;
  entries: { value: Buffer; label: Buffer }[];
  /** 1-based dictionary indexes (continuations counted) */
  vars: number[];
}

interface Extensions {
  encodingName?: string;
  codePage?: number;
  longNames?: Buffer;
  veryLong?: Buffer;
  measures?: { offset: number; values: number[] };
  longLabels: Buffer[];
  longMissing: Buffer[];
  mrsets: Buffer[];
}

export class Fields {
  constructor(private readonly le: boolean) {}
  i32 = (b: Buffer, at = 0) => (this.le ? b.readInt32LE(at) : b.readInt32BE(at));
  f64 = (b: Buffer, at = 0) => (this.le ? b.readDoubleLE(at) : b.readDoubleBE(at));
}

const trimEnd = (b: Buffer) => {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
  return b.subarray(0, end);
};

async function readHeader(r: ByteReader) {
  const head = await r.take(176, "the file header");
  const magic = head.toString("latin1", 0, 4);
  if (magic !== "$FL2" && magic !== "$FL3") throw corrupt(0, `not an spss system file (starts with ${JSON.stringify(magic)})`);
  const layoutLE = head.readInt32LE(64);
  const littleEndian = layoutLE === 2 || layoutLE === 3;
  if (!littleEndian && ![2, 3].includes(head.readInt32BE(64))) throw corrupt(64, `unknown layout code ${layoutLE}`);
  const f = new Fields(littleEndian);
  const compression = f.i32(head, 72);
  if (compression !== 0 && compression !== 1 && compression !== 2) throw corrupt(72, `unknown compression ${compression}`);
  if (compression === 2 && magic !== "$FL3") throw corrupt(72, "zlib compression in a $FL2 file");
  return {
    littleEndian,
    f,
    compression: compression as 0 | 1 | 2,
    weightIndex: f.i32(head, 76),
    caseCount: f.i32(head, 80),
    bias: f.f64(head, 84),
    fileLabel: trimEnd(head.subarray(109, 173)),
  };
}

async function readVariable(r: ByteReader, f: Fields): Promise<VarRecord> {
  const offset = r.offset - 4;
  const b = await r.take(28, "a variable record");
  const type = f.i32(b, 0);
  const hasLabel = f.i32(b, 4);
  const missingCount = f.i32(b, 8);
  const format = (f.i32(b, 12) >> 16) & 0xff;
  if (type < -1 || type > 255) throw corrupt(offset, `variable record with width ${type}`);
  if (hasLabel !== 0 && hasLabel !== 1) throw corrupt(offset, `variable record with label flag ${hasLabel}`);
  if (![0, 1, 2, 3, -2, -3].includes(missingCount)) throw corrupt(offset, `variable record with ${missingCount} missing values`);
  let label: Buffer | null = null;
  if (hasLabel) {
    const len = f.i32(await r.take(4, "a variable label length"), 0);
    if (len < 0 || len > MAX_RECORD_BYTES) throw corrupt(r.offset - 4, `variable label of ${len} bytes`);
    label = Buffer.from((await r.take(Math.ceil(len / 4) * 4, "a variable label")).subarray(0, len));
  }
  const missing: Buffer[] = [];
  for (let i = 0; i < Math.abs(missingCount); i++) missing.push(Buffer.from(await r.take(8, "a missing value")));
  return { offset, type, shortName: Buffer.from(b.subarray(20, 28)), label, missingCount, missing, format };
}

async function readValueLabels(r: ByteReader, f: Fields): Promise<RawLabels> {
  const offset = r.offset - 4;
  const count = f.i32(await r.take(4, "a value label count"), 0);
  if (count < 0 || count > MAX_RECORD_BYTES / 8) throw corrupt(offset, `value label record with ${count} labels`);
  const entries: RawLabels["entries"] = [];
  for (let i = 0; i < count; i++) {
    const value = Buffer.from(await r.take(8, "a labelled value"));
    const len = (await r.take(1, "a value label length"))[0];
    const label = Buffer.from(await r.take(Math.ceil((len + 1) / 8) * 8 - 1, "a value label"));
    entries.push({ value, label: label.subarray(0, len) });
  }
  const at = r.offset;
  const next = f.i32(await r.take(4, "the record after value labels"), 0);
  if (next !== 4) throw corrupt(at, `value labels not followed by their variables (record type ${next})`);
  const n = f.i32(await r.take(4, "a value label variable count"), 0);
  if (n < 0 || n > MAX_RECORD_BYTES / 4) throw corrupt(at, `value labels for ${n} variables`);
  const idx = await r.take(n * 4, "value label variables");
  const vars = Array.from({ length: n }, (_, i) => f.i32(idx, i * 4));
  return { offset, entries, vars };
}

async function readExtension(r: ByteReader, f: Fields, ext: Extensions): Promise<void> {
  const offset = r.offset - 4;
  const b = await r.take(12, "an extension record header");
  const subtype = f.i32(b, 0);
  const size = f.i32(b, 4);
  const count = f.i32(b, 8);
  if (size < 0 || count < 0 || size * count > MAX_RECORD_BYTES) throw corrupt(offset, `extension record ${subtype} of ${size} × ${count} bytes`);
  const data = Buffer.from(await r.take(size * count, `extension record ${subtype}`));
  switch (subtype) {
    case 3:
      if (size === 4 && count >= 8) ext.codePage = f.i32(data, 28);
      break;
    case 11:
      if (size === 4) ext.measures = { offset, values: Array.from({ length: count }, (_, i) => f.i32(data, i * 4)) };
      break;
    case 13:
      ext.longNames = data;
      break;
    case 14:
      ext.veryLong = data;
      break;
    case 20:
      ext.encodingName = data.toString("latin1").replace(/\0+$/, "").trim();
      break;
    case 21:
      ext.longLabels.push(data);
      break;
    case 22:
      ext.longMissing.push(data);
      break;
    case 7:
    case 19:
      ext.mrsets.push(data);
      break;
    default:
      break; // documented but unused here (4 float info, 10, 16, 17 attributes, 18, 24 XML…)
  }
}

/** the number of segments a string of `width` bytes is stored in (very long strings: one per 252 bytes) */
const segmentCount = (width: number) => (width < 256 ? 1 : Math.ceil(width / 252));
const segmentWidth = (width: number, i: number) => (i < segmentCount(width) - 1 ? 255 : width - i * 252);

function parsePairs(text: string, separator: RegExp): [string, string][] {
  return text
    .split(separator)
    .map((p) => p.replace(/\0/g, ""))
    .filter((p) => p.includes("="))
    .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]);
}

/**
 * Read an SPSS system file's dictionary (header, variable, value label, document and extension
 * records up to the 999 terminator) from `r`, leaving `r` at the first data byte. Text is decoded
 * with the file's character encoding (subtype 20, else the code page of subtype 3).
 *
 * @example
 * const dict = await readDictionary(new ByteReader(chunks, "sav"));
 * dict.variables[0].valueLabels; // [{ value: 1, label: "Yes" }, …]
 */
export async function readDictionary(r: ByteReader): Promise<SavDictionary> {
  const h = await readHeader(r);
  const f = h.f;
  const records: VarRecord[] = [];
  const labels: RawLabels[] = [];
  const ext: Extensions = { longLabels: [], longMissing: [], mrsets: [] };
  for (;;) {
    const at = r.offset;
    const type = f.i32(await r.take(4, "a record type"), 0);
    if (type === 2) records.push(await readVariable(r, f));
    else if (type === 3) labels.push(await readValueLabels(r, f));
    else if (type === 6) {
      const lines = f.i32(await r.take(4, "a document line count"), 0);
      if (lines < 0 || lines * 80 > MAX_RECORD_BYTES) throw corrupt(at, `document record of ${lines} lines`);
      await r.take(lines * 80, "the document record");
    } else if (type === 7) await readExtension(r, f, ext);
    else if (type === 999) {
      await r.take(4, "the dictionary terminator");
      break;
    } else throw corrupt(at, `unknown record type ${type}`);
  }
  const decode = decoderFor(ext.encodingName, ext.codePage);
  const text = (b: Buffer | null) => (b ? decode(trimEnd(b)) : "");
  return assemble(h, records, labels, ext, text, r.offset);
}

function assemble(
  h: Awaited<ReturnType<typeof readHeader>>,
  records: VarRecord[],
  rawLabels: RawLabels[],
  ext: Extensions,
  text: (b: Buffer | null) => string,
  dataOffset: number,
): SavDictionary {
  const f = h.f;
  // slot of each dictionary record (1-based dictionary index = record index + 1)
  const starts = records.map((rec, i) => ({ rec, index: i + 1 })).filter(({ rec }) => rec.type !== -1);
  if (records.length && records[0].type === -1) throw corrupt(records[0].offset, "continuation record without a variable");
  const veryLong = new Map(parsePairs(text(ext.veryLong ?? null), /\t/).map(([k, v]) => [k.toUpperCase(), Number(v)]));
  const longNames = new Map(parsePairs(text(ext.longNames ?? null), /\t/).map(([k, v]) => [k.toUpperCase(), v]));
  const variables: SavVariable[] = [];
  /** dictionary index → logical variable */
  const byDictIndex = new Map<number, SavVariable>();
  /** non-continuation record position → logical variable (for subtype 11 when segments count separately) */
  const bySegment: SavVariable[] = [];
  for (let s = 0; s < starts.length; ) {
    const { rec, index } = starts[s];
    const shortName = text(rec.shortName);
    const long = veryLong.get(shortName.toUpperCase());
    const width = long && long > 255 ? long : Math.max(0, rec.type);
    const nSeg = width === 0 ? 1 : segmentCount(width);
    if (s + nSeg > starts.length) throw corrupt(rec.offset, `very long string ${shortName} of ${width} bytes lacks segments`);
    const v: SavVariable = {
      index: variables.length,
      shortName,
      name: longNames.get(shortName.toUpperCase()) ?? shortName,
      label: text(rec.label),
      width,
      slot: index - 1,
      segments: width === 0 ? [] : Array.from({ length: nSeg }, (_, i) => segmentWidth(width, i)),
      format: rec.format,
      measure: 0,
      missing: missingOf(rec, width === 0, f, text),
      valueLabels: [],
    };
    variables.push(v);
    for (let i = 0; i < nSeg; i++) {
      byDictIndex.set(starts[s + i].index, v);
      bySegment.push(v);
    }
    s += nSeg;
  }
  for (const raw of rawLabels) {
    const targets = raw.vars.map((i) => byDictIndex.get(i));
    if (targets.some((t) => !t)) throw corrupt(raw.offset, `value labels for a variable index out of range`);
    for (const v of new Set(targets as SavVariable[])) {
      for (const e of raw.entries) {
        const value = v.width === 0 ? f.f64(e.value, 0) : text(e.value);
        v.valueLabels.push({ value, label: text(e.label) });
      }
    }
  }
  const findVar = (name: string) => {
    const key = name.toUpperCase();
    return variables.find((v) => v.name.toUpperCase() === key) ?? variables.find((v) => v.shortName.toUpperCase() === key);
  };
  for (const data of ext.longLabels) for (const [name, labels] of longStringLabels(data, f, text)) findVar(name)?.valueLabels.push(...labels);
  for (const data of ext.longMissing) for (const [name, values] of longStringMissing(data, f, text)) {
    const v = findVar(name);
    if (v) v.missing = { values };
  }
  applyMeasures(ext.measures, variables, bySegment);
  for (const v of variables) v.valueLabels = sortLabels(v.valueLabels);
  const weight = h.weightIndex > 0 ? byDictIndex.get(h.weightIndex)?.index : undefined;
  const mrsets = ext.mrsets.flatMap((b) => parseMrSets(text(b), (name) => findVar(name)?.index));
  return {
    littleEndian: h.littleEndian,
    compression: h.compression,
    bias: h.bias,
    caseCount: h.caseCount,
    slotsPerCase: records.length,
    encoding: decoderName(ext),
    fileLabel: text(h.fileLabel),
    variables,
    mrsets,
    weight,
    dataOffset,
  };
}

const decoderName = (ext: Extensions) => ext.encodingName ?? (ext.codePage ? `code page ${ext.codePage}` : "windows-1252");

function missingOf(rec: VarRecord, numeric: boolean, f: Fields, text: (b: Buffer) => string): SavMissing {
  if (!numeric) return { values: rec.missing.map((b) => text(b)) };
  const nums = rec.missing.map((b) => f.f64(b, 0));
  if (rec.missingCount >= 0) return { values: nums };
  return { values: nums.slice(2), range: [nums[0], nums[1]] };
}

function applyMeasures(m: Extensions["measures"], variables: SavVariable[], bySegment: SavVariable[]): void {
  if (!m) return;
  const n = m.values.length;
  for (const stride of [3, 2]) {
    const targets = n === stride * bySegment.length ? bySegment : n === stride * variables.length ? variables : null;
    if (!targets) continue;
    for (let i = targets.length - 1; i >= 0; i--) {
      const level = m.values[i * stride];
      if (level >= 0 && level <= 3) targets[i].measure = level as Measure;
    }
    return;
  }
}

const compareValues = (a: SavValueLabel, b: SavValueLabel) =>
  typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : String(a.value) < String(b.value) ? -1 : String(a.value) > String(b.value) ? 1 : 0;

/** code order, one label per value (the last one written wins, as in SPSS) */
function sortLabels(labels: SavValueLabel[]): SavValueLabel[] {
  const byValue = new Map<string, SavValueLabel>();
  for (const l of labels) byValue.set(String(l.value), l);
  return [...byValue.values()].sort(compareValues);
}
